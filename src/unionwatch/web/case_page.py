"""What the case page shows: timeline with sources and conflicts, people with roles,
court decisions with computed term ends, deadlines, alerts, and the edit forms.

Built to stay fast on a case of thousands of events in a store of a million: the
timeline is shown a page at a time, counts come from the evidence ids (never from
loading every event with its documents), and visibility is checked on the ids this
case needs rather than on the whole store (`accounts.permissions` still decides).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from unionwatch.accounts.permissions import (
    can_edit,
    redact_person,
    visible_cases,
    visible_documents,
)
from unionwatch.cases.models import Case
from unionwatch.documents.models import Document
from unionwatch.facts.conflicts import conflicts_of
from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Organization,
    Person,
    ReviewStatus,
)
from unionwatch.facts.review import needs_review
from unionwatch.monitoring.deadlines import deadlines_for, upholding

TIMELINE_PAGE = 25  # events per page of the timeline
SOURCES_SHOWN = 5  # quoted sentences per event; the count says how many there are
DOCUMENTS_SHOWN = 100
ADDABLE_SHOWN = 100
CHUNK = 500


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _visible_evidence(model, ids, user) -> dict[int, list[tuple[int, int]]]:
    """Per fact of `model` among `ids`: (evidence id, document id) of its sources in
    documents `user` may see. A fact with none is not visible to them."""
    ct = ContentType.objects.get_for_model(model)
    rows: list[tuple[int, int, int]] = []
    for chunk in _chunks(sorted(set(ids))):
        rows += Evidence.objects.filter(content_type=ct, object_id__in=chunk).order_by() \
            .values_list("pk", "object_id", "document_id")
    documents = sorted({d for _, _, d in rows})
    shown: set[int] = set()
    for chunk in _chunks(documents):
        shown |= set(visible_documents(user).filter(pk__in=chunk).values_list("pk", flat=True))
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pk, object_id, document_id in rows:
        if document_id in shown:
            found[object_id].append((pk, document_id))
    return found


def _source_order(ev: Evidence) -> tuple:
    return (ev.document.date or dt.date.max, ev.document_id, ev.start)


def _sources(links: dict[int, list[tuple[int, int]]], limit: int | None) -> dict[int, list[Evidence]]:
    """The evidence rows to quote, at most `limit` per fact (earliest documents first)."""
    wanted: list[int] = []
    for pairs in links.values():
        wanted += [pk for pk, _ in pairs]
    rows: list[Evidence] = []
    for chunk in _chunks(wanted):
        rows += Evidence.objects.filter(pk__in=chunk).select_related("document").defer(
            "document__text", "document__extraction")
    found: dict[int, list[Evidence]] = defaultdict(list)
    for ev in sorted(rows, key=_source_order):
        if limit is None or len(found[ev.object_id]) < limit:
            found[ev.object_id].append(ev)
    return found


def case_context(case: Case, user, page: int = 1) -> dict:
    # Only what this user may see: facts stated in documents open to them (permissions).
    victim_links = _visible_evidence(Person, case.victims.values_list("pk", flat=True), user)
    victims = list(Person.objects.filter(pk__in=list(victim_links)).order_by("name"))
    timeline, event_count, documents, pages = _timeline(case, user, page)
    decisions, decision_documents = _decisions(victims, user)
    documents |= decision_documents
    org_links = _visible_evidence(Organization, case.organizations.values_list("pk", flat=True), user)
    return {
        "case": case,
        "timeline": timeline,
        "event_count": event_count,
        "page": page,
        "pages": pages,
        "decisions": decisions,
        "deadlines": deadlines_for(user, case=case),
        "today": dt.date.today(),
        "persons": [{"person": p, "name": redact_person(p, user)} for p in victims],
        "organizations": Organization.objects.filter(pk__in=list(org_links)).order_by("name"),
        "alerts": case.alerts.select_related("event")[:20],
        "can_edit": can_edit(user),
        "other_cases": visible_cases(user).exclude(pk=case.pk).order_by("title")
                       .only("pk", "title")[:200],
        "addable_events": _addable(case, victims, user) if can_edit(user) else [],
        "documents": _documents(documents),
        "document_count": len(documents),
    }


def _timeline(case: Case, user, page: int) -> tuple[list[dict], int, set[int], int]:
    """One page of the visible events, the number of them, and every visible source
    document of the case (ids only)."""
    ids = list(case.events.exclude(status=ReviewStatus.REJECTED).order_by("date", "id")
               .values_list("pk", flat=True))
    links = _visible_evidence(Event, ids, user)
    visible = [pk for pk in ids if pk in links]
    pages = max(1, -(-len(visible) // TIMELINE_PAGE))
    page = min(max(1, page), pages)
    shown = visible[(page - 1) * TIMELINE_PAGE: page * TIMELINE_PAGE]
    events = {e.pk: e for e in Event.objects.filter(pk__in=shown)
              .prefetch_related("victim_persons", "victim_organizations").select_related("place")}
    sources = _sources({pk: links[pk] for pk in shown}, SOURCES_SHOWN)
    timeline = [{
        "event": events[pk], "sources": sources.get(pk, []), "source_count": len(links[pk]),
        "conflicts": conflicts_of(events[pk]) if events[pk].conflicted else {},
        "needs_review": needs_review(events[pk]),
    } for pk in shown if pk in events]
    documents = {d for pairs in links.values() for _, d in pairs}
    return timeline, len(visible), documents, pages


def _decisions(victims: list[Person], user) -> tuple[list[dict], set[int]]:
    found = list(CourtDecision.objects.filter(defendant__in=victims)
                 .exclude(status=ReviewStatus.REJECTED).order_by("date", "id"))
    links = _visible_evidence(CourtDecision, [d.pk for d in found], user)
    found = [d for d in CourtDecision.objects.filter(pk__in=list(links))
             .select_related("defendant", "court").prefetch_related("terms").order_by("date", "id")]
    sources = _sources(links, None)
    upheld = upholding(found)
    rows = []
    for d in found:
        start = upheld.get(d.pk, d)  # an upheld sentence runs from the first decision
        rows.append({
            "decision": d, "conflicts": conflicts_of(d) if d.conflicted else {},
            "upholds": upheld.get(d.pk), "start": start.date,
            "terms": [{"term": t, "end": t.end_date(start.date)} for t in d.terms.all()],
            "sources": sources.get(d.pk, []),
        })
    return rows, {doc for pairs in links.values() for _, doc in pairs}


def _addable(case: Case, victims: list[Person], user) -> list[Event]:
    """Visible events of these victims that are not in the case (for the add form)."""
    if not victims:
        return []
    candidates = list(Event.objects.filter(victim_persons__in=victims)
                      .exclude(pk__in=case.events.values("pk")).distinct()
                      .order_by("date", "id").values_list("pk", flat=True)[:ADDABLE_SHOWN * 3])
    links = _visible_evidence(Event, candidates, user)
    shown = [pk for pk in candidates if pk in links][:ADDABLE_SHOWN]
    events = Event.objects.in_bulk(shown)
    return [events[pk] for pk in shown]


def _documents(ids: set[int]) -> list[Document]:
    """The first DOCUMENTS_SHOWN source documents, oldest first."""
    rows: list[tuple] = []
    for chunk in _chunks(sorted(ids)):
        rows += Document.objects.filter(pk__in=chunk).values_list("pk", "date")
    first = [pk for pk, _ in sorted(rows, key=lambda r: (r[1] or dt.date.max, r[0]))][:DOCUMENTS_SHOWN]
    found = Document.objects.only("pk", "title", "original_name", "date", "kind").in_bulk(first)
    return [found[pk] for pk in first]
