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
        self.words = {k: [str(w) for w in v] for k, v in words.items()}
        self.adv = _alt(words["ADV"])
        people = _alt(words["PEOPLE"])
        thing = _alt(words["THING"])
        self.values = {
            "BE": rf"{_BE} (?:{self.adv} ){{0,2}}",
            "PEOPLE": people,
            "THING": thing,
            "GATHERING": _alt(words["GATHERING"]),
            "RELATIVE": _alt(words["RELATIVE"]),
            "AGENT": _alt(words["AGENT"]),
            "OBJ": (
                # "seized her laptop": a possessive, not a person object
                rf"(?:him|her(?! (?:[\w'-]+ )?{thing}\b)|them|us|(?:(?:the|a|an|his|her|their|its|our|some|several|about|around|at least|"
                rf"more than|dozens of|hundreds of|scores of|{_NUMBER}) )*"
                # "five of the federation's organisers", "three of its leaders": a part of a group
                rf"(?:(?:{_NUMBER}|some|several|many|most|all|each|both|dozens|hundreds|scores) of (?:the |its |their |his |her |our )?)?"
                # "dismissed and serving workers": a coordinated adjective, no object
                rf"(?:(?!{thing}\b|and\b|or\b)[\w'-]+ ){{0,2}}"
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


Frame = tuple[str, str, frozenset[str]]  # (type, regex, trigger stems)


def _frame_patterns(ex: _Expander, kind: str, frame: dict[str, Any]) -> list[Frame]:
    """The regexes of one type's frames, each with the literal stems that trigger it
    (one regex per frame kind: a single alternation scans faster than many patterns)."""
    out: list[Frame] = []
    participles = [ex.participle(str(lemma)) for lemma in frame.get("passive") or []]
    if participles:
        out.append((kind, rf"{ex.values['BE']}{_alt(participles)}\b", _heads(participles)))
    # active: the past alone; a base form is often the noun ("house arrest"), a gerund an adjective
    past = [f for lemma in frame.get("active") or [] for f in ex.forms(str(lemma)) if _is_past(ex, str(lemma), f)]
    if past:
        out.append((kind, rf"\b{_alt(past)}\b", _heads(past)))
    # object: no gerund, "Flogging a teacher is cruel" names the act in general
    finite = [f for lemma in frame.get("object") or [] for f in ex.forms(str(lemma)) if not f.split(" ")[0].endswith("ing")]
    if finite:
        # not after "to": "the decision to lay off workers" names a plan or a reason, not the act
        out.append((kind, rf"\b(?<!\bto ){_alt(finite)} {ex.values['OBJ']}", _heads(finite)))
    # a phrasal verb puts its particle after the object: "led Ana Ruiz away", "rounded the strikers up"
    shifted = [(f.split(" ", 1)) for f in finite if " " in f]
    if shifted:
        heads = _alt([head for head, _ in shifted])
        particles = _alt(sorted({rest for _, rest in shifted}))
        out.append((kind, rf"\b(?<!\bto ){heads} {ex.values['OBJ']} {particles}\b", _heads([head for head, _ in shifted])))
    nouns = [re.escape(str(n)) for n in frame.get("nouns") or []]
    if nouns:
        alt = _alt(nouns)
        out.append((kind, rf"\b(?:(?:the|his|her|their|its|whose) (?:[\w-]+ )?{alt}\b|{alt} of\b)", _heads([str(n) for n in frame["nouns"]])))
    for entry in frame.get("patterns") or []:
        out.append((kind, *_template(ex, entry)))
    return out


def _is_past(ex: _Expander, lemma: str, form: str) -> bool:
    return form.split(" ")[0].endswith(("ed", "en")) or form == ex.participle(lemma)


def _heads(forms: list[str]) -> frozenset[str]:
    # the literal part of each form: "taken away" triggers less often than "taken"
    return frozenset(re.split(r"[(\[\\?*+|]", f)[0].strip() for f in forms)


def _template(ex: _Expander, entry: str | list[str]) -> tuple[str, frozenset[str]]:
    """A template and its triggers: the forms of its {V:lemma}, or the stems listed before it.

    A match holding none of its triggers would be lost, so listed stems must cover every
    way the template can match (a word it requires, or all alternatives of one group).
    """
    if isinstance(entry, list):
        words, template = str(entry[0]).split(), str(entry[1])
        stems = {s for w in words for s in (ex.words[w] if w.isupper() else [w])}
        return ex.expand(template), frozenset(stems)
    template = str(entry)
    verb = re.search(r"\{V:([a-z -]+)\}", template)
    if not verb:
        raise ValueError(f"frame template needs its trigger stems: {template}")
    return ex.expand(template), _heads(ex.forms(verb.group(1)))


def thing_words() -> list[str]:
    """The seizable things of the frames ({THING}): laptops, documents, archives..."""
    return [str(w) for w in load_yaml("event_frames.yaml")["words"]["THING"]]


def people_words() -> list[str]:
    """The people nouns of the frames ({PEOPLE}): workers, strikers, leaders..."""
    return [str(w) for w in load_yaml("event_frames.yaml")["words"]["PEOPLE"]]


@lru_cache(maxsize=1)
def frame_cues() -> list[Frame]:
    """Every frame regex with its type and trigger stems, from data/event_frames.yaml."""
    raw = load_yaml("event_frames.yaml")
    ex = _Expander(raw)
    out: list[Frame] = []
    for kind, frame in (raw.get("frames") or {}).items():
        out.extend(_frame_patterns(ex, kind, frame))
    return out
