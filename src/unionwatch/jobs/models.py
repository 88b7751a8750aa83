"""Background jobs: what was asked, where it stands, and why it failed if it did."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from unionwatch.documents.crypto import document_storage


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Job(models.Model):
    kind = models.CharField(max_length=20, default="ingest")
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    reason = models.TextField(blank=True, help_text="Why the job failed, one line per file.")
    progress = models.PositiveIntegerField(default=0, help_text="Files handled so far.")
    total = models.PositiveIntegerField(default=0, help_text="Files to handle.")
    paths = models.JSONField(default=list, blank=True, help_text="Files the worker reads.")
    # Uploads are encrypted at rest like stored documents (documents/crypto.py).
    file = models.FileField(upload_to="uploads/%Y/%m/", blank=True, storage=document_storage)
    confidentiality = models.CharField(max_length=12, default="internal")
    result = models.JSONField(default=dict, blank=True, help_text="Counts: stored, skipped, failed.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    worker = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["state", "created"])]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.state})"

    @property
    def finished_ok(self) -> bool:
        return self.state == JobState.DONE

    @property
    def is_final(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def name(self) -> str:
        if self.file:
            return self.file.name.rsplit("/", 1)[-1]
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{len(self.paths)} files"
