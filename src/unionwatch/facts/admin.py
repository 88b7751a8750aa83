from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Judgement,
    Organization,
    Person,
    Place,
    Term,
    Upcoming,
)


class EvidenceInline(GenericTabularInline):
    model = Evidence
    extra = 0
    fields = ("document", "role", "start", "end", "sentence", "confidence")
    readonly_fields = fields
    can_delete = False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "protected", "status")
    list_filter = ("country", "protected", "status")
    search_fields = ("name", "aliases")
    inlines = [EvidenceInline]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "status")
    list_filter = ("kind", "country")
    search_fields = ("name", "aliases")
    inlines = [EvidenceInline]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "country_code")
    search_fields = ("name",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("type", "date_text", "place", "confidence", "status")
    list_filter = ("type", "status")
    filter_horizontal = ("victim_persons", "victim_organizations")
    inlines = [EvidenceInline]


class TermInline(admin.TabularInline):
    model = Term
    extra = 0


@admin.register(CourtDecision)
class CourtDecisionAdmin(admin.ModelAdmin):
    list_display = ("defendant", "court_name", "date_text", "status")
    inlines = [TermInline, EvidenceInline]


@admin.register(Upcoming)
class UpcomingAdmin(admin.ModelAdmin):
    list_display = ("what", "date_text", "kind", "person")
    list_filter = ("kind",)


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "document", "role", "start", "end")
    list_filter = ("role", "content_type")


@admin.register(Judgement)
class JudgementAdmin(admin.ModelAdmin):
    list_display = ("entity_type", "left_id", "right_id", "name", "verdict", "automatic", "user", "created")
    list_filter = ("entity_type", "verdict", "automatic")


admin.site.register(Term)
