"""Documents: the sources every fact is traced back to."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Confidentiality(models.TextChoices):
    PUBLIC = "public", "Public"
    INTERNAL = "internal", "Internal"
    RESTRICTED = "restricted", "Restricted"


# Most open first: a fact backed by several sources takes the most open level.
CONFIDENTIALITY_ORDER = [Confidentiality.PUBLIC, Confidentiality.INTERNAL, Confidentiality.RESTRICTED]


class DocumentKind(models.TextChoices):
    LETTER = "letter", "Letter"
    PRESS_RELEASE = "press_release", "Press release"
    NEWS = "news", "News"
    REPORT = "report", "Report"
    COURT_REPORT = "court_report", "Court report"
    COMPLAINT = "complaint", "Complaint"
    OTHER = "other", "Other"


class Document(models.Model):
    file = models.FileField(upload_to="documents/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField(blank=True)
    title = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, blank=True)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    language = models.CharField(max_length=12, default="en")
    source_url = models.URLField(max_length=1000, blank=True)
    country = models.CharField(max_length=100, blank=True)
    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.INTERNAL
    )
    media_type = models.CharField(max_length=100, blank=True)
    notices = models.JSONField(default=list, blank=True)
    extraction = models.JSONField(default=dict, blank=True, help_text="Raw extractor output.")
    ingested_at = models.DateTimeField(auto_now_add=True)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["country"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.title or self.original_name or self.sha256[:12]
