from django.contrib import admin

from unionwatch.actions.models import Intervention


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ("case", "kind", "date", "language", "subject")
    list_filter = ("kind", "language")
