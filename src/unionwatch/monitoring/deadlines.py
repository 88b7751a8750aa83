"""Deadlines: hearings, appeals and the computed end of each court-imposed term."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from unionwatch.cases.models import Case
from unionwatch.documents.models import Confidentiality
from unionwatch.facts.models import CourtDecision, Person, ReviewStatus, Term, Upcoming


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
    what: str = ""  # the title without the person's name

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " "))


KIND_LABELS = {"hearing": "Hearing", "appeal": "Appeal", "term_end": "Term ends",
               "deadline": "Deadline"}


def deadlines(case: Case | None = None, since: dt.date | None = None,
              public: bool = False) -> list[Deadline]:
    """Every dated deadline of one case (or of all cases), soonest first."""
    cases = [case] if case else list(Case.objects.prefetch_related("victims"))
    by_person: dict[int, Case] = {}
    for c in cases:
        for person in c.victims.all():
            by_person.setdefault(person.pk, c)
    # The whole-store feed also has deadlines of people not (yet) in any case.
    scope = set(by_person) if case else None
    found = _hearings(by_person, scope, public) + _term_ends(by_person, scope, public)
    if since:
        found = [d for d in found if d.date >= since]
    return sorted(found, key=lambda d: (d.date, d.kind, d.uid))


def _public_sources() -> Prefetch:
    """The sources of each fact with their document's level only (no text, no sealed
    title to decrypt)."""
    from unionwatch.facts.models import Evidence

    return Prefetch("evidence", Evidence.objects.select_related("document")
                    .only("object_id", "content_type_id", "document__confidentiality"))


def _visible(fact, public: bool) -> bool:
    if not public:
        return True
    return any(e.document.confidentiality == Confidentiality.PUBLIC for e in fact.evidence.all())


def _who(person: Person | None, public: bool) -> str:
    if person is None:
        return ""
    return "a protected person" if public and person.protected else person.name


def _hearings(by_person: dict[int, Case], scope: set[int] | None, public: bool) -> list[Deadline]:
    items = Upcoming.objects.all()
    if scope is not None:
        items = items.filter(Q(person_id__in=scope) | Q(decision__defendant_id__in=scope))
    items = items.exclude(date=None).exclude(status=ReviewStatus.REJECTED).select_related("person")
    if public:  # the sources' levels are read only for the public feed
        items = items.prefetch_related(_public_sources())
    found = []
    for item in items:
        person = item.person
        if not _visible(item, public):
            continue
        who = _who(person, public)
        found.append(Deadline(
            uid=f"upcoming-{item.pk}", date=item.date, kind=item.kind,
            title=f"{item.what}{f' ({who})' if who else ''}", what=item.what, person=person,
            case=by_person.get(person.pk) if person else None,
            precise=len(item.date_text) == 10, detail=item.date_text,
        ))
    return found


def _term_ends(by_person: dict[int, Case], scope: set[int] | None, public: bool) -> list[Deadline]:
    decisions = CourtDecision.objects.all()
    if scope is not None:
        decisions = decisions.filter(defendant_id__in=scope)
    decisions = (decisions.exclude(status=ReviewStatus.REJECTED)
                 .select_related("defendant").prefetch_related("terms"))
    if public:
        decisions = decisions.prefetch_related(_public_sources())
    found = []
    upheld = upholding(decisions)
    for decision in decisions:
        if decision.pk in upheld or not _visible(decision, public):
            continue
        for term in decision.terms.all():
            end = term.end_date()
            if end is None:
                continue
            who = _who(decision.defendant, public)
            found.append(Deadline(
                uid=f"term-{term.pk}", date=end, kind="term_end",
                title=f"End of term: {term.describe()} ({who})",
                what=f"End of term: {term.describe()}", person=decision.defendant,
                case=by_person.get(decision.defendant_id),
                precise=decision.date_precision == "day",
                detail=f"counted from the decision of {decision.date_text}",
            ))
    return found


def upholding(decisions) -> dict[int, CourtDecision]:
    """Later decisions that restate an earlier decision's terms for the same defendant
    (an appeal upholding a sentence), mapped to that earlier decision: the terms still
    run from the first one."""
    first: dict[tuple, CourtDecision] = {}
    found: dict[int, CourtDecision] = {}
    for decision in sorted(decisions, key=lambda d: (d.date or dt.date.max, d.pk)):
        terms = frozenset((t.kind, t.unit, t.amount) for t in decision.terms.all())
        if not terms:
            continue
        key = (decision.defendant_id, terms)
        if key in first:
            found[decision.pk] = first[key]
        else:
            first[key] = decision
    return found


def deadlines_for(user, case: Case | None = None, since: dt.date | None = None) -> list[Deadline]:
    """The deadlines `user` may see: of visible cases, protected persons redacted."""
    from unionwatch.accounts.permissions import (
        is_partner,
        must_redact,
        visible_cases,
        visible_facts,
    )

    found = deadlines(case=case, since=since)
    # Visibility of these deadlines only (not of the whole store: a case page must not
    # cost a scan of every event).
    ids: dict[str, set[int]] = {"upcoming": set(), "term": set()}
    for item in found:
        kind, _, pk = item.uid.rpartition("-")
        ids.setdefault(kind, set()).add(int(pk))
    allowed = set(visible_cases(user).filter(pk__in={d.case.pk for d in found if d.case})
                  .values_list("pk", flat=True))
    people = set(visible_facts(Person, user).filter(pk__in={d.person.pk for d in found if d.person})
                 .values_list("pk", flat=True))
    facts = {"upcoming": set(visible_facts(Upcoming, user).filter(pk__in=ids["upcoming"])
                             .values_list("pk", flat=True)),
             "term": set(Term.objects.filter(pk__in=ids["term"],
                                             decision__in=visible_facts(CourtDecision, user))
                         .values_list("pk", flat=True))}

    def shown(item: Deadline) -> bool:
        kind, _, pk = item.uid.rpartition("-")
        if int(pk) not in facts.get(kind, ()):
            return False  # the hearing or sentence itself is not in a source this user sees
        if item.case is not None:
            return item.case.pk in allowed
        # Outside any case: partners see nothing, others what they may see of the person.
        return not is_partner(user) and item.person is not None and item.person.pk in people

    items = [d for d in found if shown(d)]
    for item in items:
        if item.person is not None and must_redact(item.person, user):
            item.title = item.title.replace(item.person.name, "a protected person")
    return items
