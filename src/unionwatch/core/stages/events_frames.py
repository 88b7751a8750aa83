"""Verb frames: cue patterns generated from lemmas per taxonomy type (data/event_frames.yaml).

A lemma gives its inflections; a frame kind gives the voice around them:
passive ("was seized by"), active ("police detained"), active with a person
object ("beat protesters", "slapped him"), nominalisation ("the arrest of",
"his arrest") and templates for longer frames. The result is a list of regex
alternatives per type plus the literal trigger stems that prefilter sentences,
both in the shape the cue scanner of events.py expects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from unionwatch.core.stages.vocab import load_yaml

# Person names are masked with this letter before cues run (see events.masked_text),
# so "police seized Ana Ruiz" reads "police seized ṗṗṗṗṗṗṗ" and a frame can see a person object.
NAME_CHAR = "ṗ"
_BE = r"\b(?:is|are|was|were|be|been|being|got|get|gets|getting)"
_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred)"
_DOUBLED = re.compile(r"^(?:[^aeiou]*)[aeiou][bdgkmnprt]$")


def inflections(lemma: str, irregular: dict[str, list[str]]) -> tuple[list[str], str]:
    """All finite forms of a (possibly multi-word) lemma, and its participle."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in irregular:
        past, participle = irregular[head]
    elif head.endswith("e"):
        past = participle = head + "d"
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        past = participle = head[:-1] + "ied"
    elif len(head) <= 4 and _DOUBLED.match(head):  # slap -> slapped, club -> clubbed
        past = participle = head + head[-1] + "ed"
    else:
        past = participle = head + "ed"
    ing = _gerund(head, past)
    if head.endswith("y") and head[-2:-1] not in ("a", "e", "o", "u"):
        third = head[:-1] + "ies"
    else:
        third = head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s")
    forms = sorted({f + tail for f in (head, third, past, participle, ing)}, key=len, reverse=True)
    return forms, participle + tail


def _gerund(head: str, past: str) -> str:
    if head.endswith("e") and not head.endswith("ee"):
        return head[:-1] + "ing"
    if past.endswith(head[-1] * 2 + "ed") and not head.endswith(head[-1] * 2):
        return head + head[-1] + "ing"
    return head + "ing"


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted({str(w) for w in words}, key=len, reverse=True)) + ")"


class _Expander:
    """Expands the placeholders of frame templates."""

    def __init__(self, raw: dict[str, Any]):
        self.irregular = {str(k): [str(x) for x in v] for k, v in (raw.get("irregular") or {}).items()}
        words = raw.get("words") or {}
        self.adv = _alt(words["ADV"])
        people = _alt(words["PEOPLE"])
        thing = _alt(words["THING"])
        self.values = {
            "BE": rf"{_BE} (?:{self.adv} ){{0,2}}",
            "PEOPLE": people,
            "THING": thing,
            "GATHERING": _alt(words["GATHERING"]),
            "RELATIVE": _alt(words["RELATIVE"]),
            "OBJ": (
                rf"(?:him|her|them|us|(?:(?:the|a|an|his|her|their|its|our|some|several|about|around|at least|"
                rf"more than|dozens of|hundreds of|scores of|{_NUMBER}) )*(?:(?!{thing}\b)[\w'-]+ ){{0,2}}"
                rf"(?:{NAME_CHAR}+|{people}))\b"
            ),
        }

    def forms(self, lemma: str) -> list[str]:
        return inflections(lemma, self.irregular)[0]

    def participle(self, lemma: str) -> str:
        return inflections(lemma, self.irregular)[1]

    def expand(self, template: str) -> str:
        def sub(match: re.Match[str]) -> str:
            key, _, lemma = match.group(1).partition(":")
            if key == "V":
                return _alt(self.forms(lemma))
            if key == "P":
                return re.escape(self.participle(lemma))
            return self.values[key]

        return re.sub(r"\{([A-Z]+(?::[a-z -]+)?)\}", sub, template)


def _frame_patterns(ex: _Expander, frame: dict[str, Any]) -> tuple[list[str], set[str]]:
    """Regex alternatives of one type's frame and the literal stems that trigger them."""
    patterns: list[str] = []
    stems: set[str] = set()
    for lemma in frame.get("passive") or []:
        participle = ex.participle(str(lemma))
        patterns.append(rf"{ex.values['BE']}{participle}\b")
        stems.add(participle.split(" ")[0])
    for lemma in frame.get("active") or []:
        # the past alone: a base form is often the noun ("house arrest"), a gerund an adjective
        forms = [f for f in ex.forms(str(lemma)) if f.split(" ")[0].endswith(("ed", "en")) or f == ex.participle(str(lemma))]
        patterns.append(rf"\b{_alt(forms)}\b")
        stems.update(f.split(" ")[0] for f in forms)
    for lemma in frame.get("object") or []:
        # no gerund: "Flogging a teacher is cruel" names the act in general, not an incident
        forms = [f for f in ex.forms(str(lemma)) if not f.split(" ")[0].endswith("ing")]
        patterns.append(rf"\b{_alt(forms)} {ex.values['OBJ']}")
        stems.update(f.split(" ")[0] for f in forms)
    for noun in frame.get("nouns") or []:
        patterns.append(rf"\b(?:(?:the|his|her|their|its|whose) (?:[\w-]+ )?{re.escape(str(noun))}\b|{re.escape(str(noun))} of\b)")
        stems.add(str(noun))
    for template in frame.get("patterns") or []:
        patterns.append(ex.expand(str(template)))
        stems.update(_template_stems(ex, str(template)))
    return patterns, stems


_COMMON = frozenset(["been", "have", "with", "that", "them", "they", "from", "into", "were", "what", "when", "will", "would", "this", "their", "some", "about"])


def _template_stems(ex: _Expander, template: str) -> set[str]:
    """Trigger stems of a template: the forms of its verbs and its uncommon literal words.

    Over-triggering only costs a regex run on one sentence; a match holding no
    stem would be lost, so every literal word counts (a required one is among them).
    """
    stems: set[str] = set()
    for lemma in re.findall(r"\{V:([a-z -]+)\}", template):
        stems.update(f.split(" ")[0] for f in ex.forms(lemma))
    literal = re.sub(r"\{[^}]*\}|\\[bBwWsSd]|\(\?[:!=<]+", " ", template)
    stems.update(w for w in re.findall(r"[a-z][a-z'-]{3,}", literal) if w not in _COMMON)
    if not stems:
        raise ValueError(f"frame template without a literal word: {template}")
    return stems


@lru_cache(maxsize=1)
def frame_cues() -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Regex alternatives and trigger stems per type, from data/event_frames.yaml."""
    raw = load_yaml("event_frames.yaml")
    ex = _Expander(raw)
    cues: dict[str, list[str]] = {}
    triggers: dict[str, set[str]] = {}
    for kind, frame in (raw.get("frames") or {}).items():
        cues[kind], triggers[kind] = _frame_patterns(ex, frame)
    return cues, triggers
