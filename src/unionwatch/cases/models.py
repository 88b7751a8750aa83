"""Cases: a case file groups victims, organisations and events of one situation."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Case(models.Model):
    title = models.CharField(max_length=300)
    country = models.CharField(max_length=100, blank=True)
    summary = models.TextField(blank=True)
    victims = models.ManyToManyField("facts.Person", blank=True, related_name="cases")
    organizations = models.ManyToManyField("facts.Organization", blank=True, related_name="cases")
    events = models.ManyToManyField("facts.Event", blank=True, related_name="cases")
    removed_events = models.ManyToManyField(
        "facts.Event", blank=True, related_name="removed_from_cases",
        help_text="Events a user took out of this case; the builder never adds them back.",
    )
    automatic = models.BooleanField(
        default=True, help_text="Proposed by the system; a user edit turns this off."
    )
    shared_with = models.JSONField(
        default=list, blank=True, help_text="Partner organisations that may see this case."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("case-detail", args=[self.pk])


class PendingRebuild(models.Model):
    """An event whose cases are not rebuilt yet since a document stating it was stored.

    Written in the ingest batch's own transaction and deleted in the transaction of the
    rebuild that covers it, so a crash between the two cannot leave a case stale
    unnoticed: the next rebuild of pending marks (every ingest run) catches up. No
    foreign key: an event deleted meanwhile is simply found in no case.
    """

    event_id = models.PositiveBigIntegerField()
