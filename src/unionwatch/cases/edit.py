"""User edits of case files: rename, merge, split, add and remove events.

Any edit makes the case the user's (`automatic=False`): the builder then only adds
new events of its victims, never ones a user removed or put in another case.
"""

from __future__ import annotations

from django.db import transaction

from unionwatch.cases.models import Case
from unionwatch.facts.models import Event


class CaseEditError(ValueError):
    """An edit that cannot be made; the message says why."""


def _own(case: Case) -> None:
    case.automatic = False
    case.save()


def rename_case(case: Case, title: str) -> Case:
    title = title.strip()
    if not title:
        raise CaseEditError("a case title cannot be empty")
    case.title = title[:300]
    _own(case)
    return case


@transaction.atomic
def merge_cases(keep: Case, other: Case) -> Case:
    """`other` is folded into `keep` and deleted."""
    if keep.pk == other.pk:
        raise CaseEditError("a case cannot be merged with itself")
    keep.victims.add(*other.victims.all())
    keep.organizations.add(*other.organizations.all())
    keep.events.add(*other.events.all())
    keep.removed_events.add(*other.removed_events.exclude(pk__in=keep.events.all()))
    keep.shared_with = list(dict.fromkeys([*keep.shared_with, *other.shared_with]))
    other.delete()
    _own(keep)
    return keep


@transaction.atomic
def split_case(case: Case, event_ids: list[int], title: str) -> Case:
    """The given events, and the victims only they concern, become a new case."""
    events = list(case.events.filter(pk__in=event_ids))
    if not events or len(events) == case.events.count():
        raise CaseEditError("choose some, but not all, of the case's events to split off")
    new = Case.objects.create(title=(title.strip() or f"{case.title} (split)")[:300],
                              country=case.country, automatic=False,
                              shared_with=list(case.shared_with))
    new.events.set(events)
    case.events.remove(*events)
    remaining = case.events.all()
    for event in events:
        for person in event.victim_persons.all():
            new.victims.add(person)
            if not remaining.filter(victim_persons=person).exists():
                case.victims.remove(person)
        for org in event.victim_organizations.all():
            new.organizations.add(org)
            if not remaining.filter(victim_organizations=org).exists():
                case.organizations.remove(org)
    _own(case)
    return new


@transaction.atomic
def add_event(case: Case, event: Event) -> Case:
    case.events.add(event)
    case.removed_events.remove(event)
    case.victims.add(*event.victim_persons.all())
    case.organizations.add(*event.victim_organizations.all())
    _own(case)
    return case


@transaction.atomic
def remove_event(case: Case, event: Event) -> Case:
    if not case.events.filter(pk=event.pk).exists():
        raise CaseEditError(f"event {event.pk} is not in case {case.pk}")
    case.events.remove(event)
    case.removed_events.add(event)
    _own(case)
    return case
