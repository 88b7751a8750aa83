"""Upcoming steps: hearings, appeals, trials, the end of a detention term."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from unionwatch.core.stages.base import DateMention, UpcomingRecord
from unionwatch.core.stages.dates import (  # one list of rarer future cues
    _MORE_FUTURE,
    _more_future,
    resolve_day_month,
)
from unionwatch.core.stages.fastre import compile_scan
from unionwatch.core.stages.sentence_index import dates_in

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_FUTURE = compile_scan(
    r"\b(?:will|shall|is scheduled|are scheduled|scheduled|is due|are due|is set|are set|set for|fixed for|set down for|"
    r"expected to|postponed|adjourned|next hearing|upcoming|must appear|to appear|due to appear"
    r"|(?:is|are) to be|(?:summoned|ordered|due|told) to (?:report|surrender|present)|to begin serving"
    r"|next (?:review|session|court date|appearance|one|date)"
    r"|(?:trial|hearing|case|appeal|session)s? (?:opens|resumes|reopens|begins|starts|continues)"
    r"|(?:is|are) listed for|(?:is|are) expected (?:on|by|in)|remains? in (?:custody|detention|prison|jail) until (?:his|her|their|the) (?:trial|hearing)"
    r"|(?:term|detention|sentence|custody|ban|restriction|arrest|remand) (?:ends|expires|runs out))\b",
)

_DETENTION = re.compile(r"\b(?:detention|detained|custody|remand\w*|prison|jail)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:on\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_REMAND_TO = re.compile(r"\b(?:remanded|remands|adjourned|postponed|extended)\b", re.IGNORECASE)  # "remanded him to 26 June"
_CUSTODY = re.compile(
    r"\b(?:detention|detained|custody|remand\w*|prison|jail|arrest|restriction|ban|banned|travel|supervision|probation)\b",
    re.IGNORECASE,
)
_ENDS = r"\b(?:ends|expires|runs out|lapses)\b"
_WHAT = [
    (re.compile(r"\bmust (?:be )?(?:lodged?|filed?|submit(?:ted)?)\b|\bdeadline\b|\b(?:has|have) until\b", re.IGNORECASE), "deadline"),
    (re.compile(rf"\b(?:detention|custody|remand|prison|jail|sentence|term)\b[^.;]*{_ENDS}", re.IGNORECASE), "end of detention term"),
    (re.compile(_ENDS, re.IGNORECASE), "end of restriction term"),
    (re.compile(r"\bappeal\w*\b.*\bhearing\b|\bhearing\b.*\bappeal", re.IGNORECASE), "appeal hearing"),
    (re.compile(r"\bhearing\b", re.IGNORECASE), "hearing"),
    (re.compile(r"\bappeal\b", re.IGNORECASE), "appeal"),
    (re.compile(r"\btrial\b", re.IGNORECASE), "trial"),
    (re.compile(r"\bverdict|sentencing\b", re.IGNORECASE), "verdict"),
    (re.compile(r"\bcourt\b", re.IGNORECASE), "court appearance"),
]


# A step with no label of its own must be one of a case ("The application will be heard on ..."), not a
# union's or the ILO's agenda ("a national day of action will be held on", "at the Conference in June").
_LEGAL = compile_scan(
    r"\b(?:courts?|case|trial|hearing|heard|judges?|magistrates?|prosecut\w*|tribunal|arraign\w*|indict\w*|charges?|bail"
    r"|custody|detention|detained|remand\w*|prison|jail|sentences?|term|verdict|releas\w*|appear\w*|summon\w*|session"
    r"|appeals?|cassation|investigat\w*|police|ban|order|parole|mention\w*|matter)\b",
    re.IGNORECASE,
)
_NOT_A_CASE = compile_scan(
    r"\b(?:International Labour (?:Conference|Organi[sz]ation)|Governing Body|ILO|day of action|mission|congress|summit)\b"
)


def _a_step_of_the_case(text: str) -> bool:
    return bool(_LEGAL.search(text)) and not _NOT_A_CASE.search(text)


def _not_past(iso: str, state: PipelineState) -> bool:
    doc = state.doc_date
    if doc is None or iso.startswith("--"):
        return True
    return iso >= doc.iso[: len(iso)] if len(iso) <= len(doc.iso) else iso[: len(doc.iso)] >= doc.iso


_YEAR = re.compile(r"\d{4}")
# "The hearing set for 3 October was postponed", "on 3 May has been cancelled": the date given up, not a step ahead
_CALLED_OFF_AFTER = re.compile(
    r"[^.;]{0,30}?\b(?:was|were|has[ ]+been|have[ ]+been|had[ ]+been)[ ]+(?:\w+[ ]+)?"
    r"(?:postponed|adjourned|cancell?ed|called[ ]+off|deferred|put[ ]+off|suspended|moved)\b",
    re.IGNORECASE,
)


def _remand_date(date: DateMention, state: PipelineState) -> DateMention:
    """ "The matter was remanded to 24 June": a day without a year after a remand is the next date, not a past one."""
    if date.precision != "day" or not date.iso or _YEAR.search(date.text) or _not_past(date.iso, state):
        return date
    month, day = int(date.iso[-5:-3]), int(date.iso[-2:])
    iso, _ = resolve_day_month(month, day, state.doc_date, True)
    return replace(date, iso=iso, future=True) if iso else date


def _called_off(low: str, norm: str, pos: int, end: int) -> bool:
    """The date at `pos` is the one a step was called off from (a cheap test of the literals first)."""
    if not ("postpon" in low or "adjourn" in low or "cancel" in low or " off" in low or "suspend" in low or "moved" in low
            or "defer" in low):
        return False
    return _CALLED_OFF_AFTER.match(norm, pos, end) is not None


class FindUpcoming:
    def __call__(self, state: PipelineState) -> None:
        seen: set[str] = set()
        out: list[UpcomingRecord] = []
        for sentence in state.sentences:
            if sentence.headline:
                continue
            dates = [d for d in dates_in(state, sentence) if d.iso and not d.dateline and d.precision in ("day", "month", "year")]
            if not dates:
                continue
            text = state.norm[sentence.start:sentence.end]
            low = state.lower[sentence.start:sentence.end]  # the cues are lower case: case-sensitive matching is faster
            future = _FUTURE.search(low) or (_MORE_FUTURE.search(low) if _more_future(low) else None)
            for date in dates:
                window = (max(sentence.start, date.start - 14), date.start)
                until = _UNTIL.search(state.norm, *window) or (
                    _TO.search(state.norm, *window) and _REMAND_TO.search(text) and _DETENTION.search(text)
                )
                if until and _CUSTODY.search(text):
                    what = "end of detention term" if _DETENTION.search(text) else "end of restriction term"
                elif date.precision == "year":
                    continue  # "next year" is not a scheduled step
                elif future and (date.future or (state.doc_date is not None and not date.relative)):
                    what = next((label for pattern, label in _WHAT if pattern.search(text)), "scheduled step")
                    if what in ("scheduled step", "deadline") and not _a_step_of_the_case(text):
                        continue
                else:
                    continue
                if until and not _UNTIL.search(state.norm, *window):
                    date = _remand_date(date, state)
                if date.iso in seen or not _not_past(date.iso, state):
                    continue
                if _called_off(low, state.norm, date.end, sentence.end):
                    continue
                seen.add(date.iso)
                out.append(UpcomingRecord(what, date, sentence))
        state.upcoming = out
