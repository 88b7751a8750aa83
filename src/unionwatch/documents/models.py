"""Documents: the sources every fact is traced back to."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from unionwatch.documents.crypto import (
    SealedTextField,
    document_storage,
    index_sealed_words,
    open_text,
    seal_text,
)


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
    # Title and file name can name people: encrypted at rest, like evidence quotes.
    original_name = SealedTextField(blank=True)
    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField(blank=True, help_text="Empty for restricted documents: see text_encrypted.")
    text_encrypted = models.BinaryField(null=True, blank=True, editable=False)
    title = SealedTextField(blank=True)
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
    # Fingerprint of the key the blind word index of this (restricted) text was built
    # with; empty when there is none (see crypto.sealed_text_matches).
    sealed_index_key = models.CharField(max_length=16, blank=True, editable=False)
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
        if self.text_encrypted or self.sealed_index_key:
            index_sealed_words(self)  # restricted: index now; no longer: drop the index


class SealedWord(models.Model):
    """Blind index of restricted text: keyed hashes of its words, never the words.

    A search word is hashed with the same key and looked up, so restricted text can be
    searched without decrypting every document per query. The hashes reveal which
    restricted documents share a word, not the word; they are rebuilt when the key
    changes.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    digest = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["digest", "document"])]
