"""Escalation alerts, raised after each ingest once cases are rebuilt.

Rules, per case:
- a new type of violation: a newly reported event of a type the case did not have when
  rules last ran (a case seen for the first time sets its baseline silently, and events
  that only moved between cases are not news);
- a family member targeted: an event flagged `family_targeted`, or of type
  intimidation_of_family;
- a new arrest or sentence: an event of one of those types.
Each (rule, event) raises one alert, however often the rules run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings

from unionwatch.cases.models import Case
from unionwatch.facts.models import Event, ReviewStatus
from unionwatch.monitoring.models import Alert, AlertKind, CaseWatch, SeenEvent

ARREST_TYPES = frozenset({"arrest", "detention"})
SENTENCE_TYPES = frozenset({"sentencing", "imprisonment"})


def run_alert_rules(cases: Iterable[int] | None = None) -> list[Alert]:
    """Raise the alerts the current facts call for; returns the new ones.

    `cases`: only these cases (those an ingest batch changed); default every case.
    """
    raised: list[Alert] = []
    query = Case.objects.all()
    ids = None if cases is None else sorted(set(cases))
    for start in range(0, len(ids), 500) if ids is not None else [None]:
        part = query if start is None else query.filter(pk__in=ids[start:start + 500])
        for case in part.prefetch_related("events__victim_persons"):
            raised += _case_alerts(case)
    if raised and alert_emails_enabled():
        from unionwatch.tasks import enqueue

        enqueue("unionwatch.monitoring.notify.email_alerts", [a.pk for a in raised])
    return raised


def _case_alerts(case: Case) -> list[Alert]:
    watch, first_time = CaseWatch.objects.get_or_create(case=case)
    known = set(watch.known_types)
    events = sorted(
        (e for e in case.events.all() if e.status != ReviewStatus.REJECTED),
        key=lambda e: (e.date or dt.date.max, e.pk),
    )
    seen = set(SeenEvent.objects.filter(event__in=events).values_list("event_id", flat=True))
    SeenEvent.objects.bulk_create([SeenEvent(event=e) for e in events if e.pk not in seen])
    wanted: list[tuple[str, Event, str]] = []
    for event in events:
        if not first_time and event.type not in known and event.pk not in seen:
            wanted.append((AlertKind.NEW_VIOLATION_TYPE, event,
                           f"new type of violation: {_describe(event)}"))
        known.add(event.type)
        if event.family_targeted or event.type == "intimidation_of_family":
            wanted.append((AlertKind.FAMILY_TARGETED, event,
                           f"family member targeted: {_describe(event)}"))
        if event.type in ARREST_TYPES:
            wanted.append((AlertKind.ARREST, event, _describe(event)))
        if event.type in SENTENCE_TYPES:
            wanted.append((AlertKind.SENTENCE, event, _describe(event)))
    raised = _raise_all(case, wanted)
    if sorted(known) != watch.known_types:
        watch.known_types = sorted(known)
        watch.save()
    return raised


def _describe(event: Event) -> str:
    victims = ", ".join(p.name for p in event.victim_persons.all())
    text = f"{event.get_type_display()} {event.date_text or '(undated)'}"
    return f"{text} of {victims}" if victims else text


def _raise_all(case: Case, wanted: list[tuple[str, Event, str]]) -> list[Alert]:
    """One alert per rule and event, even when a split moves the event to another case:
    an existing alert whose case is gone is re-attached. Two queries for the whole case."""
    existing: dict[tuple[str, int], int | None] = {}
    event_ids = sorted({event.pk for _, event, _ in wanted})
    for start in range(0, len(event_ids), 500):
        rows = Alert.objects.filter(event_id__in=event_ids[start:start + 500])
        existing.update(((kind, event_id), case_id)
                        for kind, event_id, case_id in rows.values_list("kind", "event_id", "case_id"))
    orphans: dict[str, list[int]] = {}
    for kind, event, _ in wanted:
        if (kind, event.pk) in existing and existing[(kind, event.pk)] is None:
            orphans.setdefault(kind, []).append(event.pk)
    for kind, ids in orphans.items():
        Alert.objects.filter(kind=kind, event_id__in=ids, case=None).update(case=case)
    new: dict[tuple[str, int], Alert] = {}
    for kind, event, message in wanted:
        if (kind, event.pk) not in existing:
            new.setdefault((kind, event.pk), Alert(kind=kind, case=case, event=event,
                                                   message=message[:500]))
    return Alert.objects.bulk_create(list(new.values()))


def alert_emails_enabled() -> bool:
    """Alerts are emailed when SMTP is configured (UNIONWATCH_EMAIL_HOST)."""
    return bool(getattr(settings, "ALERT_EMAILS", settings.CONFIG.email_host))
