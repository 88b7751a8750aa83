"""Deadlines: hearings, appeals and the computed end of each court-imposed term."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from unionwatch.cases.models import Case
from unionwatch.documents.models import Confidentiality
from unionwatch.facts.models import CourtDecision, Person, ReviewStatus, Upcoming


@dataclass
class Deadline:
    uid: str
    date: dt.date
    kind: str  # hearing | appeal | term_end | deadline
    title: str
    person: Person | None
    case: Case | None
    precise: bool  # False when only the month or the year is known
    detail: str = ""


def deadlines(case: Case | None = None, since: dt.date | None = None,
              public: bool = False) -> list[Deadline]:
    """Every dated deadline of one case (or of all cases), soonest first."""
    cases = [case] if case else list(Case.objects.prefetch_related("victims"))
    by_person: dict[int, Case] = {}
    for c in cases:
        for person in c.victims.all():
            by_person.setdefault(person.pk, c)
    found = _hearings(by_person, public) + _term_ends(by_person, public)
    if since:
        found = [d for d in found if d.date >= since]
    return sorted(found, key=lambda d: (d.date, d.kind, d.uid))


def _visible(fact, public: bool) -> bool:
    if not public:
        return True
    return any(e.document.confidentiality == Confidentiality.PUBLIC for e in fact.evidence.all())


def _who(person: Person | None, public: bool) -> str:
    if person is None:
        return ""
    return "a protected person" if public and person.protected else person.name


def _hearings(by_person: dict[int, Case], public: bool) -> list[Deadline]:
    items = (Upcoming.objects.filter(Q(person_id__in=by_person) | Q(decision__defendant_id__in=by_person))
             .exclude(date=None).exclude(status=ReviewStatus.REJECTED)
             .select_related("person").prefetch_related("evidence__document"))
    found = []
    for item in items:
        person = item.person
        if not _visible(item, public):
            continue
        who = _who(person, public)
        found.append(Deadline(
            uid=f"upcoming-{item.pk}", date=item.date, kind=item.kind,
            title=f"{item.what}{f' ({who})' if who else ''}", person=person,
            case=by_person.get(person.pk) if person else None,
            precise=len(item.date_text) == 10, detail=item.date_text,
        ))
    return found


def _term_ends(by_person: dict[int, Case], public: bool) -> list[Deadline]:
    decisions = (CourtDecision.objects.filter(defendant_id__in=by_person)
                 .exclude(status=ReviewStatus.REJECTED)
                 .select_related("defendant").prefetch_related("terms", "evidence__document"))
    found = []
    for decision in decisions:
        if not _visible(decision, public):
            continue
        for term in decision.terms.all():
            end = term.end_date()
            if end is None:
                continue
            who = _who(decision.defendant, public)
            found.append(Deadline(
                uid=f"term-{term.pk}", date=end, kind="term_end",
                title=f"End of term: {term.describe()} ({who})", person=decision.defendant,
                case=by_person.get(decision.defendant_id),
                precise=decision.date_precision == "day",
                detail=f"counted from the decision of {decision.date_text}",
            ))
    return found


def deadlines_for(user, case: Case | None = None, since: dt.date | None = None) -> list[Deadline]:
    """The deadlines `user` may see: of visible cases, protected persons redacted."""
    from unionwatch.accounts.permissions import must_redact, visible_cases

    allowed = set(visible_cases(user).values_list("pk", flat=True))
    items = [d for d in deadlines(case=case, since=since) if d.case is None or d.case.pk in allowed]
    for item in items:
        if item.person is not None and must_redact(item.person, user):
            item.title = item.title.replace(item.person.name, "a protected person")
    return items
