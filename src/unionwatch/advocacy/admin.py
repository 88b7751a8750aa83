from django.contrib import admin

from unionwatch.advocacy.models import CountryProfile, GovernmentContact, Officer, SenderProfile


class OfficerInline(admin.TabularInline):
    model = Officer
    fields = ("name", "gender", "title_en", "title_fr", "title_de", "title_es", "signs", "order")
    extra = 0


@admin.register(SenderProfile)
class SenderProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "acronym", "city", "reference_code", "is_default", "is_example")
    inlines = [OfficerInline]


@admin.register(GovernmentContact)
class GovernmentContactAdmin(admin.ModelAdmin):
    list_display = ("country_code", "role", "name", "title_en", "email", "is_example")
    list_filter = ("country_code", "role", "is_example")
    search_fields = ("name", "title_en", "email")


@admin.register(CountryProfile)
class CountryProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "country_code", "c87", "c98", "c105", "c135", "c151", "c154",
                    "rule_of_law_breakdown", "is_example")
    list_filter = ("is_example",)
