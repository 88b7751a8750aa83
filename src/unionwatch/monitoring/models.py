"""Escalation alerts on cases, and what each case looked like when rules last ran."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AlertKind(models.TextChoices):
    NEW_VIOLATION_TYPE = "new_violation_type", "New type of violation"
    FAMILY_TARGETED = "family_targeted", "Family member targeted"
    ARREST = "arrest", "New arrest or detention"
    SENTENCE = "sentence", "New sentence"


class Alert(models.Model):
    kind = models.CharField(max_length=24, choices=AlertKind.choices)
    # Automatic cases are rebuilt and may be folded into another: the alert survives
    # and is re-attached to the case that now holds its event.
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="alerts")
    event = models.ForeignKey(
        "facts.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    message = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "case", "event"], name="one_alert_per_event")
        ]

    def __str__(self) -> str:
        return self.message


class CaseWatch(models.Model):
    """The event types a case already had, so a new type can be told apart."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="watch")
    known_types = models.JSONField(default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)


class SeenEvent(models.Model):
    """Events the rules have already looked at: an event moving between cases (a merge,
    a split, a rebuild) is not news."""

    event = models.OneToOneField("facts.Event", on_delete=models.CASCADE, related_name="+")
    first_seen = models.DateTimeField(auto_now_add=True)
