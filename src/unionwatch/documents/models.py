"""Documents: the sources every fact is traced back to."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from unionwatch.documents.crypto import document_storage, open_text, seal_text


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
    # Stored encrypted (documents/crypto.py); read through the storage, never the path.
    file = models.FileField(upload_to="documents/%Y/%m/", blank=True, storage=document_storage)
    original_name = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField(blank=True, help_text="Empty for restricted documents: see text_encrypted.")
    text_encrypted = models.BinaryField(null=True, blank=True, editable=False)
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
    extraction_encrypted = models.BinaryField(null=True, blank=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["country"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.title or self.original_name or self.sha256[:12]

    @property
    def plain_text(self) -> str:
        """The text whatever the level (decrypted for restricted documents)."""
        return open_text(self)

    def save(self, *args, **kwargs) -> None:
        # Restricted text is written encrypted; the in-memory text stays for the caller.
        memory_text = self.plain_text
        seal_text(self)
        self.text = self._db_text
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and (
            "confidentiality" in update_fields or "text" in update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "text", "text_encrypted", "extraction",
                                       "extraction_encrypted"}
        try:
            super().save(*args, **kwargs)
        finally:
            self.text = memory_text
