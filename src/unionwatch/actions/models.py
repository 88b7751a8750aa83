"""Actions taken on a case: letters, press releases and complaints that were sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from unionwatch.documents.crypto import document_storage


class InterventionKind(models.TextChoices):
    APPEAL = "appeal", "Urgent appeal"
    PRESS = "press", "Press release"
    CFA = "cfa", "ILO CFA complaint"
    REPLY = "reply", "Reply received"
    FOLLOW_UP = "follow_up", "Follow-up"
    OTHER = "other", "Other"


class Direction(models.TextChoices):
    SENT = "sent", "Sent"
    RECEIVED = "received", "Received"


class Intervention(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="interventions")
    kind = models.CharField(max_length=10, choices=InterventionKind.choices)
    direction = models.CharField(max_length=8, choices=Direction.choices, default=Direction.SENT)
    correspondent = models.CharField(
        max_length=300, blank=True, help_text="Who replied, or who a follow-up went to."
    )
    date = models.DateField()
    language = models.CharField(max_length=5, default="en")
    subject = models.CharField(max_length=300, blank=True)
    addressees = models.JSONField(default=list, blank=True)
    cc = models.JSONField(default=list, blank=True)
    # Letters quote facts, restricted ones included: encrypted at rest like documents.
    file = models.FileField(upload_to="interventions/%Y/", blank=True, storage=document_storage)
    notes = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups",
        help_text="A reply or follow-up belongs to the intervention it answers.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"

    @property
    def is_reply(self) -> bool:
        return self.direction == Direction.RECEIVED
