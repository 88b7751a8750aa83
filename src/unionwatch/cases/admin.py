from django.contrib import admin

from unionwatch.cases.models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("title", "country", "automatic", "updated")
    list_filter = ("country", "automatic")
    search_fields = ("title",)
    filter_horizontal = ("victims", "organizations", "events")
