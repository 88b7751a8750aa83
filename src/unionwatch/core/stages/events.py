"""Events: one per incident and type, from violation cues in each sentence.

Calls, demands, releases and hypotheses are left out (a negation word just
before the cue), so are aggregate statements ("the 72nd victim"). Parts of a
court sentence are terms of the decision, not events of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.names import any_names_match
from unionwatch.core.stages.base import EventRecord, Sentence
from unionwatch.core.stages.sentence_index import last_person_before, mentions_in, nearest_date
from unionwatch.core.stages.vocab import load_yaml

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

TERM_TYPES = frozenset({"travel_restriction", "forced_labour", "ban_from_office", "fine"})
# Acts that happen again and again to the same person: a new date is a new incident.
DISCRETE_TYPES = frozenset({"arrest", "detention", "raid", "interrogation", "assault", "threat", "dismissal"})
DECISION_TYPES = frozenset({"sentencing", "travel_restriction", "fine"})
_VICTIM_ORG_KINDS = frozenset({"union", "federation"})
_PERPETRATOR_ORG_KINDS = frozenset({"police", "court", "government", "company"})
_GENERIC_PERPETRATORS = re.compile(
    r"\b(?:(?:state )?security (?:forces|services|officials|officers|operatives|agents)|police(?: officers)?|"
    r"authorities|gunmen|armed men|soldiers|army|military|prosecutors?|government|employer|management|"
    r"enforcement agencies|court|courts|judge|unknown (?:men|assailants|persons))\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_PLACE_RANK = {"locality": 0, "city": 0, "region": 1, "country": 2}


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = load_yaml("events.yaml")
    cues = {kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) for kind, patterns in raw["cues"].items()}
    neg = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in raw["negation_before"]) + r")(?:\W|$)", re.IGNORECASE)
    neg_after = re.compile("|".join(re.escape(w) for w in raw["negation_after"]), re.IGNORECASE)
    aggregate = re.compile("|".join(raw["aggregate_cues"]), re.IGNORECASE)
    immediate = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw["negation_immediate"]) + r")\s+(?:\w+\s+)?$")
    return cues, neg, neg_after, aggregate, immediate


NEGATION_WINDOW = 45


def first_cue(pattern: re.Pattern[str], lower: str, blocked: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match of a cue that no negation word just before (or after) cancels.

    `blocked` are spans (relative to the sentence) of names: "Criminal
    Investigation Group" is an organisation, not a criminal investigation.
    """
    _, neg, neg_after, _, immediate = _rules()
    for match in pattern.finditer(lower):
        if any(s < match.end() and match.start() < e for s, e in blocked):
            continue
        window = lower[max(0, match.start() - NEGATION_WINDOW):match.start()]
        if neg.search(window) or neg_after.match(lower, match.end()) or immediate.search(window[-14:]):
            continue
        return match
    return None


class FindEvents:
    def __call__(self, state: PipelineState) -> None:
        cues, _, _, aggregate, _ = _rules()
        defendants = {d.defendant for d in state.decisions}
        decision_sentences = {i for d in state.decisions for i in d.sentences}
        events: list[EventRecord] = []
        for sentence in state.sentences:
            if sentence.headline:
                continue
            lower = state.lower[sentence.start:sentence.end]
            if aggregate.search(lower):
                continue
            found: dict[str, re.Match[str]] = {}
            blocked = [
                (m.start - sentence.start, m.end - sentence.start)
                for m in mentions_in(state, sentence.start, sentence.end, "org")
            ]
            for kind, pattern in cues.items():
                match = first_cue(pattern, lower, blocked)
                if match:
                    found[kind] = match
            self._drop_overlaps(found, sentence.index in decision_sentences)
            for kind, match in found.items():
                event = self._event(state, sentence, kind, sentence.start + match.start())
                if kind in TERM_TYPES and defendants & set(event.victims):
                    continue
                events.append(event)
        events.extend(self._decision_events(state, events))
        events.sort(key=lambda e: (e.sentence.start, e.cue_start))
        state.events = dedupe(events)

    @staticmethod
    def _drop_overlaps(found: dict[str, re.Match[str]], decision_sentence: bool) -> None:
        if decision_sentence:
            for kind in TERM_TYPES:
                found.pop(kind, None)
        if "sentencing" in found:
            found.pop("imprisonment", None)
        if "arrest" in found and "detention" in found and not found["detention"].group().startswith("sent to"):
            found.pop("detention")

    @staticmethod
    def _event(state: PipelineState, sentence: Sentence, kind: str, pos: int) -> EventRecord:
        victims: list[str] = []
        perpetrators: list[str] = []
        places = []
        for m in mentions_in(state, sentence.start, sentence.end):
            if m.kind == "person":
                person = state.persons[m.index]
                if _is_speaker(state, m.start, m.end):
                    continue
                target = perpetrators if person.official else victims
                if person.name not in target and not person.official:
                    target.append(person.name)
            elif m.kind == "org":
                org = state.orgs[m.index]
                if org.kind in _PERPETRATOR_ORG_KINDS and org.name not in perpetrators:
                    perpetrators.append(org.name)
                elif (
                    org.kind in _VICTIM_ORG_KINDS and org.name not in victims
                    and not _is_speaker(state, m.start, m.end)
                    and not (m.start < pos and _REPORTING.match(state.norm, m.end))
                ):
                    victims.append(org.name)
            else:
                places.append(state.places[m.index])
        if not any(v for v in victims if v in {p.name for p in state.persons}) and _PRONOUN.search(
            state.norm, sentence.start, sentence.end
        ):
            antecedent = last_person_before(state, sentence.start)
            if antecedent is not None and state.persons[antecedent].name not in victims:
                victims.insert(0, state.persons[antecedent].name)
        for match in _GENERIC_PERPETRATORS.finditer(state.norm, sentence.start, sentence.end):
            word = match.group().lower()
            if word not in (p.lower() for p in perpetrators):
                perpetrators.append(word)
        place = min(places, key=lambda p: _PLACE_RANK.get(p.kind, 0)).name if places else None
        date = nearest_date(state, sentence, pos)
        confidence = 0.5 + (0.2 if victims else 0) + (0.1 if date else 0)
        return EventRecord(kind, sentence, victims, perpetrators, date, place, round(confidence, 2), pos)

    def _decision_events(self, state: PipelineState, events: list[EventRecord]) -> list[EventRecord]:
        """A decision not already reported as an event gives one (sentencing, or its whole measure)."""
        out = []
        for decision in state.decisions:
            kinds = {t.kind for t in decision.terms}
            if kinds & {"prison", "suspended", "forced_labour", "other"} or not kinds:
                kind = "sentencing"
            elif "restriction_of_movement" in kinds:
                kind = "travel_restriction"
            elif kinds == {"fine"}:
                kind = "fine"
            else:
                kind = "sentencing"
            covered = any(
                e.type in DECISION_TYPES and decision.defendant in e.victims for e in events + out
            )
            if covered:
                continue
            event = self._event(state, decision.sentence, kind, decision.sentence.start)
            if decision.defendant not in event.victims:
                event.victims.insert(0, decision.defendant)
            if decision.court and decision.court not in event.perpetrators:
                event.perpetrators.insert(0, decision.court)
            event.date = decision.date or event.date
            out.append(event)
        return out


_SAID_AFTER = re.compile(
    r"(?:,[^,]{0,140},|[ ]+(?:union|federation|confederation|group|organisation|organization))?[ ]+(?:said|says|told|added|stated|noted|explained|wrote|declared)\b", re.IGNORECASE
)
# "The ILSC condemns ...", "The ITUC has lodged ...": the reporting organisation.
_REPORTING = re.compile(
    r"\)?(?:[ ]*\([^)]{1,20}\))?[ ]+(?:\w+[ ]+){0,2}(?:condemn|denounce|call|urge|express|demand|welcome|lodge|reiterate|"
    r"protest|deplore|want|wish|ha[sv]e? (?:condemned|lodged|called|urged|expressed|written|received|learned|been informed))",
    re.IGNORECASE,
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|according to)[ ]+$", re.IGNORECASE)


def _is_speaker(state: PipelineState, start: int, end: int) -> bool:
    """ "X, Director of Y, said": the person quoted, not a victim."""
    return bool(_SAID_AFTER.match(state.norm, end) or _SAID_BEFORE.search(state.norm, max(0, start - 20), start))


_SAME_INCIDENT = re.compile(r"\b(?:also|as well|too|same (?:day|morning|evening|night|afternoon))\b", re.IGNORECASE)


def _is_twin(event: EventRecord, other: EventRecord) -> bool:
    """Whether `event` reports the same incident as the earlier `other` (same type)."""
    date_e = event.date.iso if event.date else None
    date_o = other.date.iso if other.date else None
    if event.victims and other.victims:
        if not any_names_match(event.victims, other.victims):
            return bool(date_e and date_e == date_o)
        # a new date for a repeated act (arrest, raid...) is a new incident
        return date_e is None or date_e == date_o or (date_o is None and event.type not in DISCRETE_TYPES)
    if not event.victims:
        return date_e is None or date_e == date_o
    # named victims after a general mention of the same act
    return date_e is None or date_o is None or date_e == date_o


def dedupe(events: list[EventRecord]) -> list[EventRecord]:
    """One event per incident and type: same victims or same date means the same incident."""
    kept: list[EventRecord] = []
    for event in events:
        twin = None
        if event.date is None and _SAME_INCIDENT.search(event.sentence.text):
            twin = next((o for o in reversed(kept) if o.type == event.type), None)
        if twin is None:
            twin = next((o for o in kept if o.type == event.type and _is_twin(event, o)), None)
        if twin is None:
            kept.append(event)
            continue
        if twin.date is None and event.date is not None:
            twin.date = event.date
        for victim in event.victims:
            if victim not in twin.victims:
                twin.victims.append(victim)
    return kept
