"""Build documents and hand-made Extractions, so store logic is tested without the pipeline."""

from __future__ import annotations

import hashlib
from itertools import count

from unionwatch.core import types as x
from unionwatch.documents.models import Document
from unionwatch.facts.store import store_extraction

_serial = count()


def make_document(text: str, country: str = "Kazakhstan", date=None) -> Document:
    digest = hashlib.sha256(f"{text}#{next(_serial)}".encode()).hexdigest()
    return Document.objects.create(sha256=digest, text=text, title=text[:40], country=country,
                                   date=date)


def spans(text: str, name: str) -> list[tuple[int, int]]:
    found, start = [], text.find(name)
    while start >= 0:
        found.append((start, start + len(name)))
        start = text.find(name, start + 1)
    return found


def person(text: str, name: str, aliases=(), roles=(), relation: str = "") -> x.Person:
    return x.Person(name=name, aliases=list(aliases), roles=list(roles), relation=relation,
                    mentions=spans(text, name))


def org(text: str, name: str, aliases=(), kind: str = "union") -> x.Organization:
    mentions = spans(text, name) + [s for a in aliases for s in spans(text, a)]
    return x.Organization(name=name, aliases=list(aliases), kind=kind, mentions=mentions)


def event(text: str, type_: str, victims, date: str | None = None, confidence: float = 0.9) -> x.Event:
    return x.Event(type=type_, date=date, date_precision="day" if date and len(date) == 10 else None,
                   victims=list(victims), evidence=text, span=(0, len(text)), confidence=confidence)


def decision(text: str, defendant: str, date: str | None = None, terms=()) -> x.CourtDecision:
    return x.CourtDecision(defendant=defendant, date=date, terms=list(terms), evidence=text,
                           span=(0, len(text)))


def ingest(text: str, country: str = "Kazakhstan", persons=(), orgs=(), events=(), decisions=(),
           places=(), upcoming=(), date=None) -> Document:
    """Store one hand-built extraction of `text` and return its document."""
    doc = make_document(text, country, date)
    extraction = x.Extraction(
        document=x.DocumentMeta(), persons=list(persons), organizations=list(orgs),
        places=list(places), events=list(events), court_decisions=list(decisions),
        upcoming=list(upcoming),
    )
    store_extraction(doc, extraction)
    return doc


def report_person(name: str, country: str = "Kazakhstan", roles=(), verb: str = "was questioned",
                  type_: str = "interrogation", date: str | None = None) -> Document:
    """A one-sentence report of one event against one named person."""
    text = f"{name} {verb} by the police."
    return ingest(text, country, persons=[person(text, name, roles=roles)],
                  events=[event(text, type_, [name], date)])
