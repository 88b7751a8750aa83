"""Review of extracted facts: accept, correct or reject. Low-confidence and conflicting
facts stay marked until someone reviews them."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from unionwatch.core import taxonomy
from unionwatch.facts.models import CourtDecision, Event, ReviewStatus, Upcoming, parse_partial_date

LOW_CONFIDENCE = 0.6
FACT_MODELS: dict[str, type[Model]] = {
    "event": Event, "decision": CourtDecision, "upcoming": Upcoming,
}
EDITABLE = {
    Event: ("type", "date", "summary"),
    CourtDecision: ("date", "court_name"),
    Upcoming: ("date", "what", "kind"),
}


class ReviewError(ValueError):
    """A correction that cannot be applied; the message names the field and why."""


# Only events carry a confidence from extraction; decisions and hearings are queued
# when their sources disagree.
SCORED = (Event,)


def needs_review(fact: Model) -> bool:
    low = isinstance(fact, SCORED) and fact.confidence < LOW_CONFIDENCE
    return fact.status == ReviewStatus.UNREVIEWED and (low or fact.conflicted)


def review_queue(model: type[Model]):
    """Unreviewed facts that are low-confidence or contradicted by another source."""
    doubt = Q(conflicted=True)
    if model in SCORED:
        doubt |= Q(confidence__lt=LOW_CONFIDENCE)
    return model.objects.filter(status=ReviewStatus.UNREVIEWED).filter(doubt).order_by(
        "confidence", "id")


def _mark(fact: Model, status: str, user) -> Model:
    fact.status = status
    fact.reviewed_by = user if getattr(user, "pk", None) else None
    fact.reviewed_at = timezone.now()
    return fact


def accept_fact(fact: Model, user=None) -> Model:
    _mark(fact, ReviewStatus.ACCEPTED, user).save()
    return fact


def reject_fact(fact: Model, user=None) -> Model:
    _mark(fact, ReviewStatus.REJECTED, user).save()
    return fact


@transaction.atomic
def correct_fact(fact: Model, changes: dict[str, str], user=None) -> Model:
    """Apply the user's values, then the fact counts as accepted (and settled, if it
    was conflicted: every source's value is still kept as a claim)."""
    allowed = EDITABLE[type(fact)]
    for field, value in changes.items():
        if field not in allowed:
            raise ReviewError(f"{field}: cannot be corrected here (allowed: {', '.join(allowed)})")
        _apply(fact, field, (value or "").strip())
    fact.conflicted = False
    _mark(fact, ReviewStatus.ACCEPTED, user).save()
    return fact


def _apply(fact: Model, field: str, value: str) -> None:
    if field == "date":
        if value and parse_partial_date(value) is None:
            raise ReviewError(f"date: {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        precision = {1: "year", 2: "month", 3: "day"}.get(len(value.split("-"))) if value else None
        fact.set_date(value or None, precision)
    elif field == "type":
        if value not in taxonomy.load_taxonomy().types:
            raise ReviewError(f"type: {value!r} is not a violation type of the taxonomy")
        fact.type = value
    else:
        setattr(fact, field, value[:300] if field != "summary" else value)
