"""Lookups of entity mentions and dates by sentence."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from unionwatch.core.stages.base import DateMention, EntityMention, Sentence

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState


def _starts(state: PipelineState) -> list[int]:
    cached = getattr(state, "_mention_starts", None)
    if cached is None or len(cached) != len(state.mentions):
        cached = [m.start for m in state.mentions]
        state._mention_starts = cached  # type: ignore[attr-defined]
    return cached


def mentions_in(state: PipelineState, start: int, end: int, kind: str | None = None) -> list[EntityMention]:
    starts = _starts(state)
    i = bisect_left(starts, start)
    out = []
    while i < len(state.mentions) and state.mentions[i].start < end:
        m = state.mentions[i]
        if m.end <= end and (kind is None or m.kind == kind):
            out.append(m)
        i += 1
    return out


def dates_in(state: PipelineState, sentence: Sentence) -> list[DateMention]:
    return [d for d in state.dates if sentence.start <= d.start and d.end <= sentence.end]


def nearest_date(state: PipelineState, sentence: Sentence, pos: int) -> DateMention | None:
    dates = [d for d in dates_in(state, sentence) if d.iso and not d.dateline and not d.reporting]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - pos))


def last_person_before(state: PipelineState, pos: int, window: int = 1500) -> int | None:
    """Index of the last non-official person mentioned before `pos` (pronoun antecedent)."""
    for m in reversed(mentions_in(state, max(0, pos - window), pos, "person")):
        if not state.persons[m.index].official:
            return m.index
    return None
