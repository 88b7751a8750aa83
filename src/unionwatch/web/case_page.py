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
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

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
        # Only what is quoted: every sealed column read is one decryption.
        rows += Evidence.objects.filter(pk__in=chunk).select_related("document").only(
            "pk", "object_id", "document_id", "start", "sentence", "document__title",
            "document__date")
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
    context = {
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
        "remove_url": reverse("case-edit", args=[case.pk, "remove-event"]),
        "other_cases": _options((c.pk, c.title) for c in visible_cases(user).exclude(pk=case.pk)
                                .order_by("title").only("pk", "title")[:200]),
        "addable_events": _options((e.pk, f"{e.date_text or 'undated'} {e.get_type_display()}")
                                   for e in _addable(case, victims, user)) if can_edit(user) else "",
        "documents": _documents(documents),
        "documents_html": None,
        "document_count": len(documents),
    }
    context["documents_html"] = _documents_html(context["documents"])
    return context


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
    events = Event.objects.select_related("place").in_bulk(shown)
    sources = _sources({pk: links[pk] for pk in shown}, SOURCES_SHOWN)
    victims = _victim_names(shown)
    urls = _document_urls()
    timeline = []
    for pk in shown:
        if pk not in events:
            continue
        item = {
            "event": events[pk], "sources": sources.get(pk, []), "source_count": len(links[pk]),
            "conflicts": conflicts_of(events[pk]) if events[pk].conflicted else {},
            "needs_review": needs_review(events[pk]), "victims": victims.get(pk, ([], [])),
        }
        item["html"] = timeline_item_html(item, urls)
        timeline.append(item)
    documents = {d for pairs in links.values() for _, d in pairs}
    return timeline, len(visible), documents, pages


def _options(rows) -> SafeString:
    """`<option>`s of a select, written here: hundreds of them cost the template more
    than the rest of the page."""
    return mark_safe("".join(format_html('<option value="{}">{}</option>', pk, label)  # noqa: S308
                             for pk, label in rows))


def _documents_html(documents: list[Document]) -> SafeString:
    urls = reverse("document-detail", args=[_SENTINEL]).replace(str(_SENTINEL), "{}")
    rows = [format_html('<li><a href="{}">{}</a>{} <span class="badge">{}</span></li>',
                        urls.format(d.pk), d.title or d.original_name,
                        f", {d.date:%Y-%m-%d}" if d.date else "", d.get_kind_display())
            for d in documents]
    return mark_safe("".join(rows) or "<li>None.</li>")  # noqa: S308


def _victim_names(event_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """Names of the persons and organisations each event targets: two queries, no models."""
    found: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for index, relation in enumerate(("victim_persons", "victim_organizations")):
        through = getattr(Event, relation).through
        target = "person" if index == 0 else "organization"
        for event_id, name in through.objects.filter(event_id__in=event_ids) \
                .order_by(f"{target}__name", f"{target}_id").values_list("event_id", f"{target}__name"):
            found[event_id][index].append(name)
    return found


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
    # The file name (sealed: one decryption each) is read only for a document without a title.
    found = Document.objects.only("pk", "title", "date", "kind").in_bulk(first)
    return [found[pk] for pk in first]


# --- the timeline rows, written here rather than by the template ---------------------------
# The template language resolves every variable through several lookups; 25 events with
# their sources made it the larger half of the page's time. Same markup as before.


_SENTINEL = 987654321


def _document_urls() -> str:
    """The link to a highlighted sentence as a format string: one `reverse` per row
    of the timeline instead of one per source."""
    return reverse("document-detail", args=[_SENTINEL]).replace(str(_SENTINEL), "{}") + "?hl={}#selected"


def timeline_item_html(item: dict, urls: str) -> SafeString:
    """One timeline entry up to its edit form: the `<li>` and `<div class="what">` are
    left open for the template to add the form and close them."""
    event: Event = item["event"]
    classes = "event" + (" conflicted" if item["conflicts"] else "") + \
        (" needs-review" if item["needs_review"] else "")
    parts = [format_html('<li class="{}" id="event-{}">\n      <div class="when date">{}</div>\n'
                         '      <div class="what">\n        <span class="type type-{}">{}</span>\n        ',
                         classes, event.pk, event.date_text or "undated", event.type,
                         event.get_type_display())]
    persons, orgs = item["victims"]
    parts += [format_html('<span class="victim">{}</span>', name) for name in persons]
    parts += [format_html('<span class="victim org">{}</span>', name) for name in orgs]
    if event.place:
        parts.append(format_html('\n        <span class="place">in {}</span>', event.place.name))
    if event.perpetrators:
        parts.append(format_html('\n        <span class="perp">by {}</span>',
                                 mark_safe(", ".join(conditional_escape(p) for p in event.perpetrators))))  # noqa: S308
    count = item["source_count"]
    parts.append(format_html('\n        <span class="sources-count" data-count="{}">confirmed by {} source{}</span>',
                             count, count, "" if count == 1 else "s"))
    parts += _flags(item)
    if item["conflicts"]:
        parts.append(_conflicts_html(item["conflicts"], urls))
    parts.append(_sources_html(item["sources"], count, urls))
    return mark_safe("".join(parts))  # noqa: S308 - every value above went through format_html


def _flags(item: dict) -> list[str]:
    event: Event = item["event"]
    flags = []
    if event.family_targeted:
        flags.append('\n        <span class="flag family">family targeted</span>')
    if item["needs_review"]:
        low = ", low confidence" if event.confidence < 0.6 else ""
        flags.append(f'\n        <span class="flag review">unreviewed{low}</span>')
    if event.status == "accepted":
        flags.append('\n        <span class="flag accepted">reviewed</span>')
    return flags


def _conflicts_html(conflicts: dict, urls: str) -> str:
    lists = []
    for field, claims in conflicts.items():
        rows = "".join(format_html(
            '<li>{} = <strong>{}</strong> — <a href="{}">{}</a></li>', field, c.value,
            urls.format(c.evidence.document_id, c.evidence_id), c.evidence.document.title)
            for c in claims)
        lists.append(format_html('<ul class="claims" data-field="{}">{}</ul>', field, mark_safe(rows)))  # noqa: S308
    return format_html('\n        <div class="conflict"><strong>Sources disagree:</strong>\n          {}\n        </div>',
                       mark_safe("".join(lists)))  # noqa: S308


def _sources_html(sources: list[Evidence], count: int, urls: str) -> str:
    rows = []
    for ev in sources:
        date = f", {ev.document.date:%Y-%m-%d}" if ev.document.date else ""
        rows.append(format_html(
            '\n          <li><a class="evidence" href="{}">“{}”</a>\n'
            '            <span class="doc">— {}{}</span></li>',
            urls.format(ev.document_id, ev.pk), ev.sentence, ev.document.title, date))
    if count > len(sources):
        rows.append(f'\n        <li class="more-sources">{count} sources in all (the first '
                    f'{len(sources)} quoted)</li>')
    return format_html('\n        <ul class="sources">{}\n        </ul>\n        ', mark_safe("".join(rows)))  # noqa: S308
