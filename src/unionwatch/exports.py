"""Exports of the store (`unionwatch export`)."""

from __future__ import annotations

from unionwatch.cases.models import Case
from unionwatch.documents.models import Confidentiality, Document
from unionwatch.facts.models import Event, Organization, Person


def export_json(public: bool = False) -> dict:
    """The export object of cli.md. `public` keeps only facts backed by a public document."""
    documents = Document.objects.all().order_by("id")
    if public:
        documents = documents.filter(confidentiality=Confidentiality.PUBLIC)
    doc_ids = set(documents.values_list("id", flat=True))

    def visible(obj) -> list[int]:
        return sorted({e.document_id for e in obj.evidence.all()} & doc_ids)

    persons = [p for p in Person.objects.prefetch_related("evidence") if visible(p) or not public]
    if public:
        persons = [p for p in persons if not p.protected]
    person_ids = {p.pk for p in persons}
    orgs = [o for o in Organization.objects.prefetch_related("evidence") if visible(o) or not public]
    org_ids = {o.pk for o in orgs}
    events = []
    for event in Event.objects.prefetch_related("evidence", "victim_persons", "victim_organizations"):
        sources = visible(event)
        if public and not sources:
            continue
        victims = [f"person:{p.pk}" for p in event.victim_persons.all() if p.pk in person_ids]
        victims += [f"organization:{o.pk}" for o in event.victim_organizations.all() if o.pk in org_ids]
        events.append({"id": event.pk, "type": event.type, "date": event.date_text or None,
                       "date_precision": event.date_precision or None, "victims": victims,
                       "sources": sources if public else sorted({e.document_id for e in event.evidence.all()})})
    cases = []
    for case in Case.objects.prefetch_related("victims", "organizations"):
        victims = [f"person:{p.pk}" for p in case.victims.all() if p.pk in person_ids]
        victims += [f"organization:{o.pk}" for o in case.organizations.all() if o.pk in org_ids]
        if public and not victims:
            continue
        cases.append({"id": case.pk, "title": case.title, "country": case.country, "victims": victims})
    return {
        "persons": [{"id": f"person:{p.pk}", "name": p.name, "aliases": p.aliases, "roles": p.roles}
                    for p in persons],
        "organizations": [{"id": f"organization:{o.pk}", "name": o.name, "aliases": o.aliases,
                           "kind": o.kind} for o in orgs],
        "events": events,
        "cases": cases,
        "documents": [{"id": d.pk, "title": d.title, "sha256": d.sha256, "date": d.date.isoformat() if d.date else None,
                       "confidentiality": d.confidentiality} for d in documents],
    }
