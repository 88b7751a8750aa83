"""Plain dataclasses shared by the readers, the pipeline and everything downstream.

This module is the contract of the extraction core: it imports no Django and
touches no database. `Extraction.to_dict()` gives the JSON of
`unionwatch extract --json` (see shared/spec/extraction-format.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class DocumentMeta:
    """What is known about a document before extraction (from the file and its header)."""

    path: str = ""
    sha256: str = ""
    title: str = ""
    date: str | None = None  # ISO date of the document itself (YYYY-MM-DD, YYYY-MM or YYYY)
    language: str = "en"
    kind: str = "other"  # letter | press_release | news | report | court_report | other
    source_url: str = ""
    country: str = ""
    media_type: str = "text/plain"
    confidentiality: str = ""  # from a front-matter header, when the file states it
    attachments: list[str] = field(default_factory=list)


@dataclass
class SourceDocument:
    """A file turned into plain text. Offsets of every fact count into `text`."""

    text: str
    meta: DocumentMeta
    raw: bytes = b""  # the original bytes, kept so the store can archive the file


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    honorific: str = ""
    relation: str = ""  # e.g. "son of Larisa Kharkova" for an unnamed relative


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "other"
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str = "locality"  # country | region | city | locality
    country_code: str = ""
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event:
    type: str
    date: str | None = None
    date_precision: str | None = None  # day | month | year | None
    victims: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    place: str | None = None
    evidence: str = ""
    span: Span = (0, 0)
    confidence: float = 0.5


@dataclass
class Term:
    kind: str
    amount: float | int | None
    unit: str | None  # years | months | weeks | days | hours | life | currency
    currency: str | None = None
    note: str = ""


@dataclass
class CourtDecision:
    defendant: str
    court: str | None = None
    date: str | None = None
    date_precision: str | None = None
    terms: list[Term] = field(default_factory=list)
    evidence: str = ""
    span: Span = (0, 0)


@dataclass
class Upcoming:
    what: str
    date: str | None = None
    date_precision: str | None = None
    evidence: str = ""
    span: Span = (0, 0)


@dataclass
class Extraction:
    document: DocumentMeta
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    court_decisions: list[CourtDecision] = field(default_factory=list)
    upcoming: list[Upcoming] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # e.g. "language 'ru' is not supported"

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the extraction contract (extraction-format.md)."""
        doc = {
            "path": self.document.path,
            "sha256": self.document.sha256,
            "title": self.document.title,
            "date": self.document.date,
            "language": self.document.language,
            "kind": self.document.kind,
        }
        if self.document.source_url:
            doc["source_url"] = self.document.source_url
        if self.document.country:
            doc["country"] = self.document.country
        out: dict[str, Any] = {
            "document": doc,
            "persons": [_clean(asdict(p)) for p in self.persons],
            "organizations": [_clean(asdict(o)) for o in self.organizations],
            "places": [p.name for p in self.places],
            "place_details": [_clean(asdict(p)) for p in self.places],
            "events": [_clean(asdict(e)) for e in self.events],
            "court_decisions": [_decision_dict(d) for d in self.court_decisions],
            "upcoming": [_clean(asdict(u)) for u in self.upcoming],
        }
        if self.notices:
            out["notices"] = list(self.notices)
        return out


def _decision_dict(decision: CourtDecision) -> dict[str, Any]:
    data = _clean(asdict(decision))
    data["terms"] = [_term_dict(t) for t in decision.terms]
    return data


def _term_dict(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": term.kind, "amount": term.amount, "unit": term.unit}
    if term.currency:
        data["currency"] = term.currency
    if term.note:
        data["note"] = term.note
    return data


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Tuples become lists so the JSON is stable; empty optional strings are dropped."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("honorific", "relation", "note", "country_code") and not value:
            continue
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, list):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        out[key] = value
    return out


class ReadError(Exception):
    """A file could not be read. `str()` is one line naming the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
