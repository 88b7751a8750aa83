"""What the case page shows: timeline with sources and conflicts, people with roles,
court decisions with computed term ends, deadlines, alerts, and the edit forms."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from unionwatch.accounts.permissions import (
    can_edit,
    redact_person,
    visible_cases,
    visible_documents,
    visible_events,
    visible_facts,
    visible_persons,
)
from unionwatch.cases.models import Case
from unionwatch.facts.conflicts import conflicts_of
from unionwatch.facts.models import CourtDecision, Event, Evidence, Organization, ReviewStatus
from unionwatch.facts.review import needs_review
from unionwatch.monitoring.deadlines import deadlines_for, upholding


def _source_order(ev: Evidence) -> tuple:
    return (ev.document.date or dt.date.max, ev.document_id, ev.start)


def _sources(model, ids, user) -> dict[int, list[Evidence]]:
    ct = ContentType.objects.get_for_model(model)
    found: dict[int, list[Evidence]] = {}
    shown = Evidence.objects.filter(document__in=visible_documents(user))
    for ev in shown.filter(content_type=ct, object_id__in=ids).select_related("document"):
        found.setdefault(ev.object_id, []).append(ev)
    return {k: sorted(v, key=_source_order) for k, v in found.items()}


def case_context(case: Case, user) -> dict:
    # Only what this user may see: facts stated in documents open to them (permissions).
    victims = case.victims.filter(pk__in=visible_persons(user).values("pk"))
    events = list(
        case.events.filter(pk__in=visible_events(user).values("pk"))
        .exclude(status=ReviewStatus.REJECTED)
        .prefetch_related("victim_persons", "victim_organizations").select_related("place")
        .order_by("date", "id")
    )
    sources = _sources(Event, [e.pk for e in events], user)
    timeline = [{
        "event": e, "sources": sources.get(e.pk, []),
        "conflicts": conflicts_of(e) if e.conflicted else {}, "needs_review": needs_review(e),
    } for e in events]
    found = list(visible_facts(CourtDecision, user).filter(defendant__in=victims)
                 .exclude(status=ReviewStatus.REJECTED)
                 .select_related("defendant", "court").prefetch_related("terms")
                 .order_by("date", "id"))
    upheld = upholding(found)
    decisions = []
    for d in found:
        start = upheld.get(d.pk, d)  # an upheld sentence runs from the first decision
        decisions.append({
            "decision": d, "conflicts": conflicts_of(d) if d.conflicted else {},
            "upholds": upheld.get(d.pk), "start": start.date,
            "terms": [{"term": t, "end": t.end_date(start.date)} for t in d.terms.all()],
            "sources": _sources(CourtDecision, [d.pk], user).get(d.pk, []),
        })
    persons = [{"person": p, "name": redact_person(p, user)} for p in victims]
    documents = {ev.document for found in sources.values() for ev in found}
    for row in decisions:
        documents |= {ev.document for ev in row["sources"]}
    addable = (visible_events(user).filter(victim_persons__in=victims)
               .exclude(pk__in=case.events.all()).distinct().order_by("date", "id")[:100])
    return {
        "case": case,
        "timeline": timeline,
        "decisions": decisions,
        "deadlines": deadlines_for(user, case=case),
        "today": dt.date.today(),
        "persons": persons,
        "organizations": case.organizations.filter(
            pk__in=visible_facts(Organization, user).values("pk")),
        "alerts": case.alerts.select_related("event")[:20],
        "can_edit": can_edit(user),
        "other_cases": visible_cases(user).exclude(pk=case.pk).order_by("title")[:200],
        "addable_events": addable,
        "documents": sorted(documents, key=lambda d: (d.date or dt.date.max, d.pk)),
    }
