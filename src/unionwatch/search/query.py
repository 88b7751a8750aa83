"""Full-text and faceted search over the documents (and the facts they state) a user may see."""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from unionwatch.search.access import engine_levels, needs_row_check, visible_entries
from unionwatch.search.backends import (
    ID_MASK,
    ParsedQuery,
    TagQuery,
    date_key,
    fold_for_index,
    get_backend,
    tag,
)
from unionwatch.search.models import FacetKind, SearchEntry, SearchFacet

MAX_LIMIT = 100
# Past these sizes a query answers "1,000+" and counts facets among the newest 300
# matches: exact figures over 100,000 matches would cost more than the search itself
# (the engine counts up to the cap: ~1 ms for one word, ~10 ms at 10,000 for three).
COUNT_CAP = 1_000
FACET_SAMPLE = 300
# With filters, the newest matches of the words checked against them before the total
# is given as a lower bound ("n+").
SCAN_BUDGET = 5_000
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


class SearchError(ValueError):
    """A filter value that cannot be used; the message names it."""


@dataclass
class Filters:
    country: str = ""
    type: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    organization: str = ""  # id or name
    person: str = ""  # id or name
    case: int | None = None
    confidentiality: str = ""

    @classmethod
    def from_strings(cls, **raw: str | None) -> Filters:
        """Filters from text (CLI flags, query parameters); bad values raise SearchError."""
        values = {k: (v or "").strip() for k, v in raw.items()}
        return cls(
            country=values.get("country", ""),
            type=_check_type(values.get("type", "")),
            since=_date("since", values.get("since", "")),
            until=_date("until", values.get("until", ""), end=True),
            organization=values.get("organization", ""),
            person=values.get("person", ""),
            case=_int("case", values.get("case", "")),
            confidentiality=_check_level(values.get("confidentiality", "")),
        )


@dataclass
class Hit:
    id: int
    title: str
    date: str | None
    country: str
    kind: str
    confidentiality: str
    snippet: str
    events: list[dict] = field(default_factory=list)


@dataclass
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[dict]]
    total_is_lower_bound: bool = False  # more than COUNT_CAP matches

    def to_dict(self) -> dict:
        return {"total": self.total, "total_is_lower_bound": self.total_is_lower_bound,
                "hits": [dict(vars(h)) for h in self.hits], "facets": self.facets}
        # (`asdict` deep-copies every nested value: a third of an API search's time.)

    @property
    def total_text(self) -> str:
        return f"{self.total:,}+" if self.total_is_lower_bound else f"{self.total:,}"


def search(query: str, filters: Filters | None = None, user=None, limit: int = 20,
           offset: int = 0, with_facets: bool = True) -> Results:
    """Newest documents first that match every word of `query` and every filter."""
    filters = filters or Filters()
    visible = visible_entries(SearchEntry.objects.all(), user)
    parsed = ParsedQuery.parse(query)
    limit = max(1, min(limit, MAX_LIMIT))
    tags = _engine_tags(filters, user)
    if tags is not None and (parsed or tags.groups):
        return _engine_search(parsed, tags, filters, visible, user, limit, offset, with_facets)
    if parsed:
        return _word_search(parsed, filters, visible, user, limit, offset, with_facets)
    entries = _apply(visible, filters, walk_dates=False)
    total = entries.order_by()[: COUNT_CAP + 1].count()
    if total > FACET_SAMPLE:
        entries = _apply(visible, filters, walk_dates=True)
    ordered = entries.order_by("-date", "-document_id")
    page = _page(ordered.values_list("document_id", flat=True)[offset: offset + limit])
    facets = _facet_counts(list(ordered.values_list("document_id", flat=True)[:FACET_SAMPLE])) \
        if with_facets else {}
    return Results(total=min(total, COUNT_CAP), hits=_hits(page, parsed), facets=facets,
                   total_is_lower_bound=total > COUNT_CAP)


def _engine_tags(filters: Filters, user) -> TagQuery | None:
    """The filters and the user's access as engine tags; None when rows must be checked
    in the database (a case's documents, a partner's shared cases)."""
    if filters.case is not None or needs_row_check(user):
        return None
    groups: list[tuple[str, ...]] = []
    levels = engine_levels(user)
    if levels is not None:
        groups.append(tuple(tag("l", level) for level in levels))
    if filters.confidentiality:
        groups.append((tag("l", filters.confidentiality),))
    if filters.country:
        groups.append((tag("c", filters.country),))
    if filters.type:
        groups.append((tag("t", filters.type),))
    if filters.person:
        groups.append(tuple(tag("p", pk) for pk in _entity_ids("person", filters.person)))
    if filters.organization:
        groups.append(tuple(tag("o", pk) for pk in _entity_ids("organization", filters.organization)))
    return TagQuery(tuple(groups), filters.since, filters.until)


def _engine_search(parsed: ParsedQuery, tags: TagQuery, filters: Filters, visible: QuerySet,
                   user, limit: int, offset: int, with_facets: bool) -> Results:
    """The engine finds the newest page (and the facet sample) with words and filters in
    one expression and counts the rest up to COUNT_CAP: no list of ids is ever built
    beyond what is shown."""
    if tags.impossible:
        return Results(total=0, hits=[], facets=_facet_counts([]) if with_facets else {})
    wanted = max(offset + limit, FACET_SAMPLE if with_facets else 0)
    sealed = _sealed_matches(user, parsed.words, visible, filters) if parsed else []
    if sealed:
        keys, total = _with_restricted(parsed, tags, sealed, wanted)
    else:
        keys, total = _found(parsed, tags, wanted)
    found = [key & ID_MASK for key in keys]
    facets = _facet_counts(found[:FACET_SAMPLE]) if with_facets else {}
    return Results(total=min(total, COUNT_CAP), hits=_hits(_page(found[offset: offset + limit]), parsed),
                   facets=facets, total_is_lower_bound=total > COUNT_CAP)


def _found(parsed: ParsedQuery, tags: TagQuery, wanted: int) -> tuple[list[int], int]:
    """The newest `wanted` date keys and the total (exact below the cap)."""
    backend = get_backend()
    keys = backend.find(parsed, tags, wanted)
    total = len(keys) if len(keys) < wanted else backend.count_found(parsed, tags, COUNT_CAP + 1)
    return keys, max(total, len(keys))


def _with_restricted(parsed: ParsedQuery, tags: TagQuery, sealed: list[int],
                     wanted: int) -> tuple[list[int], int]:
    """Restricted documents match by their decrypted text (`sealed`) or by the fact names
    the engine holds for them: both are counted once, beside the engine's other matches."""
    restricted = tag("l", "restricted")
    keys, total = _found(parsed, TagQuery(tags.groups, tags.since, tags.until, (restricted,)), wanted)
    by_names = get_backend().find(parsed, TagQuery(tags.groups + ((restricted,),), tags.since,
                                                   tags.until), COUNT_CAP + 1)
    dates = dict(SearchEntry.objects.filter(pk__in=sealed).values_list("document_id", "date"))
    extra = set(by_names) | {date_key(dates.get(pk), pk) for pk in sealed if pk in dates}
    merged = sorted(set(keys) | extra, reverse=True)[:wanted]
    return merged, total + len(extra)


def _word_search(parsed: ParsedQuery, filters: Filters, visible: QuerySet, user, limit: int,
                 offset: int, with_facets: bool) -> Results:
    """Driven from the smaller side. Few documents pass the filters and the user's access
    (up to SCAN_BUDGET): those, newest first, are checked against the set of documents
    having the words. Otherwise the engine hands over its matches newest first, a chunk
    at a time, each chunk checked by document id; the scan stops once the page and the
    facet sample are full, or SCAN_BUDGET matches were looked at and the page is full
    (the total then reads "n+")."""
    sealed = _sealed_matches(user, parsed.words, visible, filters)
    checked = _apply(visible, filters, per_row=True)
    if checked.query.where:
        few = list(checked.order_by("-date", "-document_id")
                   .values_list("document_id", flat=True)[:SCAN_BUDGET + 1])
        if len(few) <= SCAN_BUDGET:
            having = get_backend().ids(parsed) | set(sealed)
            found = [pk for pk in few if pk in having]
            return _results(found, len(found), False, parsed, limit, offset, with_facets)
    return _scan(parsed, filters, checked, sealed, limit, offset, with_facets)


def _scan(parsed: ParsedQuery, filters: Filters, checked: QuerySet, sealed: list[int],
          limit: int, offset: int, with_facets: bool) -> Results:
    backend = get_backend()
    unchecked = not checked.query.where and not sealed
    page_end = offset + limit
    sample = FACET_SAMPLE if with_facets else 0
    found: list[int] = []
    scanned, exhausted = 0, True
    for chunk in _with_sealed(backend.newest(parsed, filters.since, filters.until), sealed):
        if unchecked:
            found += chunk
        else:
            keep = set(checked.filter(document_id__in=chunk).values_list("document_id", flat=True))
            found += [pk for pk in chunk if pk in keep]
        scanned += len(chunk)
        if len(found) >= page_end and (len(found) >= sample or scanned >= SCAN_BUDGET):
            exhausted = False
            break
    if unchecked and not exhausted and not (filters.since or filters.until):
        return _results(found, backend.count(parsed, COUNT_CAP + 1), False, parsed, limit,
                        offset, with_facets)  # every match counts: a cheap count
    return _results(found, len(found), not exhausted, parsed, limit, offset, with_facets)


def _results(found: list[int], total: int, bounded: bool, parsed: ParsedQuery, limit: int,
             offset: int, with_facets: bool) -> Results:
    facets = _facet_counts(found[:FACET_SAMPLE]) if with_facets else {}
    return Results(total=min(total, COUNT_CAP), hits=_hits(_page(found[offset: offset + limit]), parsed),
                   facets=facets, total_is_lower_bound=bounded or total > COUNT_CAP)


def _with_sealed(chunks: Iterator[list[int]], sealed: list[int], size: int = 500) -> Iterator[list[int]]:
    """Document ids in the engine's order (its chunks of `date_key`s), with the
    restricted matches (their bodies are never in the engine) merged in at their place."""
    keys = sorted((date_key(d, pk) for pk, d in SearchEntry.objects.filter(pk__in=sealed)
                   .values_list("document_id", "date")), reverse=True) if sealed else []
    if not keys:
        for chunk in chunks:
            yield [key & ID_MASK for key in chunk]
        return
    seen: set[int] = set()
    out: list[int] = []
    for key in heapq.merge((k for chunk in chunks for k in chunk), keys, reverse=True):
        pk = key & ID_MASK
        if pk not in seen:
            seen.add(pk)
            out.append(pk)
        if len(out) >= size:
            yield out
            out = []
    if out:
        yield out


def _page(ids) -> list[SearchEntry]:
    ids = list(ids)
    rows = SearchEntry.objects.filter(pk__in=ids).select_related("document").only(
        "document_id", "date", "country", "confidentiality", "document__title", "document__text",
        "document__kind", "document__original_name", "document__confidentiality")
    by_id = {row.document_id: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def _sealed_matches(user, words: list[str], visible: QuerySet, filters: Filters) -> list[int]:
    """Restricted documents whose encrypted text has every word, for users who may read
    them (`user=None`: the local operator), looked up in the blind word index (keyed
    hashes of the words; documents/crypto.py). Only the restricted documents the filters
    leave are considered, found through the indexed entries."""
    from unionwatch.accounts.permissions import can_see_restricted, visible_documents
    from unionwatch.documents.crypto import sealed_text_matches
    from unionwatch.documents.models import Document

    if user is not None and not can_see_restricted(user):
        return []
    if not SearchEntry.objects.filter(confidentiality="restricted").exists():
        return []  # one indexed probe; the filtered query below may walk a whole country
    ids = list(_apply(visible, filters, per_row=True).filter(confidentiality="restricted")
               .values_list("document_id", flat=True))
    if not ids:
        return []
    documents = Document.objects.all() if user is None else visible_documents(user)
    return sealed_text_matches(words, documents.filter(pk__in=ids))


def _apply(entries: QuerySet, f: Filters, walk_dates: bool = False,
           per_row: bool = False) -> QuerySet:
    """`per_row`: the entries are few (a chunk of ids), so facets are checked row by row
    through their index instead of listing every document of a facet."""
    backend = get_backend()
    if f.country:
        # Exact spellings (indexed), not a case-insensitive LIKE over every entry.
        entries = entries.filter(country__in=_spellings(f.country))
    if f.confidentiality:
        entries = entries.filter(confidentiality=f.confidentiality)
    if f.since:
        entries = entries.filter(date__gte=f.since)
    if f.until:
        entries = entries.filter(date__lte=f.until)
    facets = []
    if f.type:
        facets.append(_facet_entries(FacetKind.TYPE, [f.type]))
    if f.person:
        facets.append(_facet_entries(FacetKind.PERSON, _entity_ids("person", f.person)))
    if f.organization:
        facets.append(_facet_entries(FacetKind.ORG, _entity_ids("organization", f.organization)))
    if f.case is not None:
        facets.append(_case_documents(f.case))
    for subquery in facets:
        if per_row:
            column = "entry_id" if subquery.model is SearchFacet else "document_id"
            entries = entries.filter(Exists(subquery.filter(**{column: OuterRef("document_id")})))
        else:
            entries = backend.restrict(entries, subquery, walk_dates)
    return entries


def _spellings(name: str) -> list[str]:
    words = name.split()
    titled = " ".join(w if w.lower() in ("of", "and", "the") else w.capitalize() for w in words)
    return sorted({name, name.lower(), name.upper(), name.title(), titled})


def _facet_entries(kind: str, values: list[str]) -> QuerySet:
    return SearchFacet.objects.filter(kind=kind, value__in=values).values("entry_id")


def _entity_ids(kind: str, value: str) -> list[str]:
    """An id as given; else entities whose name contains the text, or whose name or alias
    is a spelling variant of it (the indexed keys of entity resolution)."""
    from unionwatch.facts.keys import candidates
    from unionwatch.facts.models import Organization, Person

    if value.isdigit():
        return [value]
    model = Person if kind == "person" else Organization
    ids = {str(pk) for pk in model.objects.filter(name__icontains=value).values_list("pk", flat=True)[:500]}
    ids |= {str(entity.pk) for entity in candidates(model, [value])}
    return sorted(ids)


def _case_documents(case_id: int) -> QuerySet:
    from unionwatch.cases.models import Case
    from unionwatch.facts.models import Event, Evidence

    events = Case.objects.filter(pk=case_id).values("events")
    return Evidence.objects.filter(content_type=ContentType.objects.get_for_model(Event),
                                   object_id__in=events).values("document_id")


def _hits(page: list[SearchEntry], parsed: ParsedQuery) -> list[Hit]:
    events = _events_of([e.document_id for e in page])
    hits = []
    for entry in page:
        document = entry.document
        hits.append(Hit(
            id=entry.document_id,
            title=document.title or document.original_name,
            date=entry.date.isoformat() if entry.date else None,
            country=entry.country,
            kind=document.kind,
            confidentiality=entry.confidentiality,
            snippet=snippet(document.text, parsed.words),
            events=events.get(entry.document_id, []),
        ))
    return hits


def _events_of(document_ids: list[int], per_document: int = 8) -> dict[int, list[dict]]:
    """Up to `per_document` violation events each document states: two queries in all."""
    from unionwatch.facts.models import Event, Evidence

    # By document (its index), then the content type in Python: filtering on the type in
    # SQL lets the planner walk every event's evidence instead.
    event_type = ContentType.objects.get_for_model(Event).pk
    links = sorted((d, o) for d, ct, o in Evidence.objects.filter(document_id__in=document_ids)
                   .order_by().values_list("document_id", "content_type_id", "object_id")
                   if ct == event_type)
    wanted: dict[int, list[int]] = {}
    for document_id, event_id in links:
        ids = wanted.setdefault(document_id, [])
        if len(ids) < per_document and event_id not in ids:
            ids.append(event_id)
    events = {e["id"]: e for e in Event.objects.filter(pk__in={i for ids in wanted.values() for i in ids})
              .values("id", "type", "date_text")}
    return {
        document_id: [{"id": i, "type": events[i]["type"], "date": events[i]["date_text"] or None}
                      for i in ids if i in events]
        for document_id, ids in wanted.items()
    }


def snippet(text: str, words: list[str], limit: int = 240) -> str:
    """The first sentence holding a query word (else the opening), trimmed."""
    if not text:
        return ""
    stems = [w[:5] for w in words if w]
    chosen = ""
    if stems:
        for match in _SENTENCE.finditer(text[:20000]):
            sentence = match.group().strip()
            folded = sentence.lower() if sentence.isascii() else fold_for_index(sentence)
            if any(stem in folded for stem in stems):
                chosen = sentence
                break
    chosen = chosen or text.strip().split("\n", 1)[0]
    return chosen if len(chosen) <= limit else chosen[: limit - 1].rstrip() + "…"


def _facet_counts(ids: list[int]) -> dict[str, list[dict]]:
    """Counts per country and violation type among these matches (the newest
    FACET_SAMPLE), from one row each (types are denormalised on the entry). Plain SQL
    with the ids as parameters: an ORM `IN` lookup of 300 values costs more to build
    than to run."""
    from collections import Counter

    countries: Counter[str] = Counter()
    types: Counter[str] = Counter()
    if ids:
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT country, types FROM {SearchEntry._meta.db_table} "
                           f"WHERE document_id IN ({marks})", ids)
            for country, kinds in cursor.fetchall():
                if country:
                    countries[country] += 1
                types.update(kinds.split())
    top = lambda counts: [{"value": v, "count": n}  # noqa: E731
                          for v, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:12]]
    return {"country": top(countries), "type": top(types)}


def _date(name: str, value: str, end: bool = False) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole year or month."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return dt.date(year, month, int(parts[2]))
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    except (ValueError, IndexError):
        raise SearchError(f"--{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _int(name: str, value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise SearchError(f"--{name}: {value!r} is not a number")
    return int(value)


def _check_type(value: str) -> str:
    if not value:
        return ""
    from unionwatch.core import taxonomy

    types = taxonomy.load_taxonomy().types
    if value not in types:
        raise SearchError(f"--type: {value!r} is not a violation type (see taxonomy.yaml, e.g. "
                          f"{', '.join(sorted(types)[:4])})")
    return value


def _check_level(value: str) -> str:
    if value and value not in ("public", "internal", "restricted"):
        raise SearchError(f"--confidentiality: {value!r} must be public, internal or restricted")
    return value
