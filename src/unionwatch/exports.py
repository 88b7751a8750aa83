"""Exports of the store (`unionwatch export`).

A public export shows only what public documents say: a fact appears when at least one
public document states it, and its names, aliases and roles are only those written in
public documents. Protected persons are redacted. A fact known only from internal or
restricted sources is left out, and so is any case title naming one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from unionwatch.accounts.permissions import REDACTED, allowed_levels
from unionwatch.audit.log import record
from unionwatch.cases.models import Case
from unionwatch.documents.models import Confidentiality, Document
from unionwatch.facts.models import Event, Evidence, Organization, Person


@dataclass
class _Scope:
    """What the export may draw on: the documents, and per fact the values written there."""

    doc_ids: set[int]
    public: bool
    values: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    sources: dict[tuple[int, int], set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, documents, public: bool) -> _Scope:
        scope = cls(doc_ids=set(documents.values_list("id", flat=True)), public=public)
        rows = Evidence.objects.filter(document_id__in=scope.doc_ids).values_list(
            "content_type_id", "object_id", "document_id", "value")
        for ct, oid, doc_id, value in rows.iterator(chunk_size=5000):
            scope.sources.setdefault((ct, oid), set()).add(doc_id)
            if value:
                scope.values.setdefault((ct, oid), []).append(value.strip())
        return scope

    def sources_of(self, obj) -> list[int]:
        ct = ContentType.objects.get_for_model(type(obj)).pk
        return sorted(self.sources.get((ct, obj.pk), set()))

    def written(self, obj) -> list[str]:
        ct = ContentType.objects.get_for_model(type(obj)).pk
        return self.values.get((ct, obj.pk), [])


def export_json(public: bool = False, user=None) -> dict:
    """The export object of cli.md.

    `public`: public facts only, protected persons redacted. `user`: limit to what that
    user may see (None: everything, as for the operator at the command line).
    """
    documents = Document.objects.all().order_by("id")
    if public:
        documents = documents.filter(confidentiality=Confidentiality.PUBLIC)
    elif user is not None:
        documents = documents.filter(confidentiality__in=allowed_levels(user))
    scope = _Scope.build(documents, public)
    record("export", None, user=user, object_type="export", detail="public" if public else "full")
    texts = _public_texts(documents) if public else {}
    persons = [_person(p, scope, texts) for p in Person.objects.order_by("id")]
    persons = [p for p in persons if p]
    orgs = [_org(o, scope) for o in Organization.objects.order_by("id")]
    orgs = [o for o in orgs if o]
    exported = {p["id"] for p in persons} | {o["id"] for o in orgs}
    events = _events(scope, exported)
    hidden = _hidden_names(persons, orgs) if public else set()
    protected = _protected_names() if public else []
    return {
        "persons": persons,
        "organizations": orgs,
        "events": events,
        "cases": _cases(exported, {e["id"] for e in events}, hidden, public),
        "documents": [{"id": d.pk, "title": _redact(d.title, protected), "sha256": d.sha256,
                       "date": d.date.isoformat() if d.date else None,
                       "confidentiality": d.confidentiality} for d in documents],
    }


def _public_texts(documents) -> dict[int, str]:
    return {d.pk: d.text.casefold() for d in documents.only("id", "text")}


def _names_as_written(entity, scope: _Scope) -> tuple[str, list[str]] | None:
    """(name, aliases) backed by the scope's documents; None when no document states it."""
    if not scope.sources_of(entity):
        return None
    if not scope.public:
        return entity.name, list(entity.aliases)
    written = scope.written(entity)
    seen = {w.casefold() for w in written}
    known = [n for n in entity.all_names() if n.casefold() in seen]
    if known:
        name = known[0]
    elif written:
        name = Counter(written).most_common(1)[0][0]
    else:
        return None
    return name, [a for a in known if a != name]


def _person(person: Person, scope: _Scope, texts: dict[int, str]) -> dict | None:
    names = _names_as_written(person, scope)
    if names is None:
        return None
    pid = f"person:{person.pk}"
    if scope.public and person.protected:
        return {"id": pid, "name": REDACTED, "aliases": [], "roles": [], "protected": True}
    roles = list(person.roles)
    if scope.public:
        own = [texts.get(d, "") for d in scope.sources_of(person)]
        roles = [r for r in roles if any(r.casefold() in t for t in own)]
    return {"id": pid, "name": names[0], "aliases": names[1], "roles": roles}


def _org(org: Organization, scope: _Scope) -> dict | None:
    names = _names_as_written(org, scope)
    if names is None:
        return None
    return {"id": f"organization:{org.pk}", "name": names[0], "aliases": names[1],
            "kind": org.kind}


def _events(scope: _Scope, exported: set[str]) -> list[dict]:
    rows = []
    events = Event.objects.prefetch_related("victim_persons", "victim_organizations").order_by("id")
    claimed = _public_dates(scope) if scope.public else {}
    for event in events:
        sources = scope.sources_of(event)
        if not sources:
            continue
        victims = [f"person:{p.pk}" for p in event.victim_persons.all()]
        victims += [f"organization:{o.pk}" for o in event.victim_organizations.all()]
        date, precision = event.date_text or None, event.date_precision or None
        if scope.public:
            date, precision = _public_date(event.date_text, claimed.get(event.pk, []))
        rows.append({"id": event.pk, "type": event.type, "date": date,
                     "date_precision": precision,
                     "victims": [v for v in victims if v in exported], "sources": sources})
    return rows


def _public_dates(scope: _Scope) -> dict[int, list[str]]:
    """Per event, the dates that public documents state (ValueClaims on their evidence)."""
    from unionwatch.facts.models import ValueClaim

    claims = ValueClaim.objects.filter(
        content_type=ContentType.objects.get_for_model(Event), field="date",
        evidence__document_id__in=scope.doc_ids).values_list("object_id", "value")
    found: dict[int, list[str]] = {}
    for event_id, value in claims:
        found.setdefault(event_id, []).append(value)
    return found


def _public_date(current: str, public_values: list[str]) -> tuple[str | None, str | None]:
    """The event's date only as precise as a public source gives it (a restricted
    source's exact day must not surface through a public event)."""
    if not public_values:
        return None, None
    value = current if current in public_values else max(public_values, key=len)
    if value.startswith("--"):
        return value, "day"
    return value, {10: "day", 7: "month", 4: "year"}.get(len(value))


def _hidden_names(persons: list[dict], orgs: list[dict]) -> set[str]:
    """Every stored name a public export must not print (not written publicly, or protected)."""
    shown: dict[str, set[str]] = {}
    for row in persons + orgs:
        if row["name"] != REDACTED:
            shown[row["id"]] = {row["name"].casefold(), *(a.casefold() for a in row["aliases"])}
    hidden = set()
    for prefix, model in (("person", Person), ("organization", Organization)):
        for entity in model.objects.only("id", "name", "aliases"):
            visible = shown.get(f"{prefix}:{entity.pk}", set())
            hidden |= {n.casefold() for n in entity.all_names() if n.casefold() not in visible}
    # A hidden spelling inside a shown name ("Smith" in "Anna Smith") reveals nothing.
    shown_text = " | ".join(n for names in shown.values() for n in names)
    return {h for h in hidden if len(h) >= 3 and h not in shown_text}


def _protected_names() -> list[str]:
    names = {n for p in Person.objects.filter(protected=True) for n in p.all_names() if n}
    return sorted(names, key=len, reverse=True)  # longest first: "Ana Smith" before "Smith"


def _redact(text: str, names: list[str]) -> str:
    for name in names:
        text = re.sub(re.escape(name), REDACTED, text, flags=re.IGNORECASE)
    return text


def _cases(exported: set[str], event_ids: set[int], hidden: set[str], public: bool) -> list[dict]:
    rows = []
    cases = Case.objects.prefetch_related("victims", "organizations", "events").order_by("id")
    for case in cases:
        victims = [f"person:{p.pk}" for p in case.victims.all()]
        victims += [f"organization:{o.pk}" for o in case.organizations.all()]
        victims = [v for v in victims if v in exported]
        events = [e.pk for e in case.events.all() if e.pk in event_ids]
        if public and not (victims or events):
            continue
        title = case.title
        if public and any(h in title.casefold() for h in hidden):
            title = f"Case {case.pk}" + (f" ({case.country})" if case.country else "")
        rows.append({"id": case.pk, "title": title, "country": case.country, "victims": victims})
    return rows


# --- flat formats, built on the same (possibly public) export object ---------------------

CSV_COLUMNS = ["event_id", "type", "date", "date_precision", "victims", "victim_ids",
               "source_ids", "source_titles"]


def export_csv(public: bool = False, user=None) -> str:
    """One row per violation event, victims and sources by name and id."""
    import csv
    import io

    data = export_json(public=public, user=user)
    names = {row["id"]: row["name"] for row in data["persons"] + data["organizations"]}
    titles = {d["id"]: d["title"] for d in data["documents"]}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in data["events"]:
        writer.writerow([_cell(v) for v in (
            event["id"], event["type"], event["date"] or "", event["date_precision"] or "",
            "; ".join(names.get(v, "") for v in event["victims"]), " ".join(event["victims"]),
            " ".join(str(s) for s in event["sources"]),
            "; ".join(titles.get(s, "") for s in event["sources"]))])
    return out.getvalue()


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no spreadsheet formulas


def export_ftm(public: bool = False, user=None) -> str:
    """FollowTheMoney entities, one JSON object a line (Person, Organization, Event, Document)."""
    import json

    data = export_json(public=public, user=user)
    lines = []
    for d in data["documents"]:
        lines.append({"id": f"document:{d['id']}", "schema": "Document",
                      "properties": {"title": [d["title"]], "contentHash": [d["sha256"]],
                                     **({"date": [d["date"]]} if d["date"] else {})}})
    for p in data["persons"]:
        lines.append({"id": p["id"], "schema": "Person",
                      "properties": {"name": [p["name"]], "alias": p["aliases"],
                                     "position": p["roles"]}})
    for o in data["organizations"]:
        lines.append({"id": o["id"], "schema": "Organization",
                      "properties": {"name": [o["name"]], "alias": o["aliases"]}})
    for e in data["events"]:
        props = {"name": [e["type"].replace("_", " ")], "involved": e["victims"],
                 "proof": [f"document:{s}" for s in e["sources"]]}
        if e["date"]:
            props["date"] = [e["date"]]
        lines.append({"id": f"event:{e['id']}", "schema": "Event", "properties": props})
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
