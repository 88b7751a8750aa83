"""Assemble the Extraction: records become the contract's dataclasses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unionwatch.core.types import (
    CourtDecision,
    Event,
    Extraction,
    Organization,
    Person,
    Place,
    Term,
    Upcoming,
)

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState


class Assemble:
    def __call__(self, state: PipelineState) -> None:
        text = state.text
        persons = [
            Person(p.name, _aliases(p.name, p.aliases), p.roles, sorted(p.mentions), p.honorific)
            for p in state.persons
        ]
        orgs = [Organization(o.name, _aliases(o.name, o.aliases), o.kind, sorted(o.mentions)) for o in state.orgs]
        places = [Place(p.name, p.kind, p.country_code, sorted(p.mentions)) for p in state.places]
        events = [
            Event(
                type=e.type,
                date=e.date.iso if e.date else None,
                date_precision=e.date.precision if e.date and e.date.iso else None,
                victims=list(e.victims),
                perpetrators=list(e.perpetrators),
                place=e.place,
                evidence=text[e.sentence.start:e.sentence.end],
                span=(e.sentence.start, e.sentence.end),
                confidence=e.confidence,
            )
            for e in state.events
        ]
        decisions = [
            CourtDecision(
                defendant=d.defendant,
                court=d.court,
                date=d.date.iso if d.date else None,
                date_precision=d.date.precision if d.date and d.date.iso else None,
                terms=[Term(t.kind, t.amount, t.unit, t.currency, t.note) for t in d.terms],
                evidence=text[d.sentence.start:d.sentence.end],
                span=(d.sentence.start, d.sentence.end),
            )
            for d in state.decisions
        ]
        upcoming = [
            Upcoming(u.what, u.date.iso, u.date.precision, text[u.sentence.start:u.sentence.end], (u.sentence.start, u.sentence.end))
            for u in state.upcoming
        ]
        state.result = Extraction(
            document=state.meta,
            persons=persons,
            organizations=orgs,
            places=places,
            events=events,
            court_decisions=decisions,
            upcoming=upcoming,
            notices=list(state.notices),
        )


def _aliases(name: str, aliases: list[str]) -> list[str]:
    out: list[str] = []
    for alias in aliases:
        if alias and alias != name and alias not in out:
            out.append(alias)
    return out
