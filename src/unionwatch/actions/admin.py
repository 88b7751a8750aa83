from django.contrib import admin

from unionwatch.actions.models import Intervention


class FollowUpInline(admin.TabularInline):
    model = Intervention
    fk_name = "parent"
    fields = ("kind", "direction", "date", "correspondent", "subject", "file", "notes")
    extra = 0


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ("case", "kind", "direction", "date", "language", "subject")
    list_filter = ("kind", "direction", "language")
    inlines = [FollowUpInline]
