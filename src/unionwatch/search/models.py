"""The search index: one entry per document with its facets; the text lives in the backend.

Everything here can be rebuilt from the documents and facts (`unionwatch reindex`).
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    document = models.OneToOneField(
        "documents.Document", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    country = models.CharField(max_length=100, blank=True)
    confidentiality = models.CharField(max_length=12)
    date = models.DateField(null=True, blank=True)
    # The violation types of its facts, space-separated (also SearchFacet rows): facet
    # counts over a sample read one row per document instead of joining the facets.
    types = models.CharField(max_length=1000, blank=True, default="")
    # PostgreSQL keeps the words here (GIN-indexed, see migration 0002); SQLite keeps
    # them in the FTS5 table `search_fts` and leaves this column empty.
    vector = SearchVectorField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["date", "document"], name="search_entry_date"),
            models.Index(fields=["country", "date"], name="search_entry_country"),
            models.Index(fields=["confidentiality", "date"], name="search_entry_conf"),
        ]


class FacetKind(models.TextChoices):
    TYPE = "type", "Violation type"
    PERSON = "person", "Person"
    ORG = "org", "Organisation"


class SearchFacet(models.Model):
    """A multi-valued facet of one document: an event type or an entity it mentions."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=8, choices=FacetKind.choices)
    value = models.CharField(max_length=40, help_text="Event type key, or the entity's id.")

    class Meta:
        indexes = [models.Index(fields=["kind", "value", "entry"], name="search_facet_lookup")]


class NameKey(models.Model):
    """Blocking keys of entity names, so resolution looks up candidates by index
    instead of scoring every stored entity (see facts/keys.py)."""

    kind = models.CharField(max_length=12)  # person | organization | place
    entity_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=128)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "key"], name="search_namekey_lookup"),
            models.Index(fields=["kind", "entity_id"], name="search_namekey_entity"),
        ]
