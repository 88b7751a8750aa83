"""How alike two names are, as a score in [0, 1]. Pure functions, no database.

Built on the scoring fold of `core.names` and extended for what the store meets
across documents: Cyrillic spellings (anyascii writes the soft sign as an
apostrophe, which the fold would turn into a word break), doubled letters left
by the y→i step (Enbekshinskiy / Yenbekshinsky), acronyms that are initials of a
name, and an alias table of organisations known under unrelated acronyms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from anyascii import anyascii
from rapidfuzz import fuzz

from unionwatch.core.names import fold_name

_APOSTROPHES = re.compile(r"['’ʹʼ`]")
_DOUBLED = re.compile(r"(.)\1+")
# Words left out of initials: "Confederation of Independent Trade Unions of Kazakhstan" → CITUK.
_STOP = frozenset(
    ["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "des", "du", "la", "le", "les", "el", "los", "las", "y", "del", "und", "der", "die", "das", "fur", "et", "en", "i"]
)
_EQUIVALENTS = Path(__file__).with_name("data") / "org_equivalents.yaml"

SAME = 1.0


# In people's names, Russian ё is written yo, io, jo or e (Fyodor/Fedor, Pyotr/Petr,
# Zhuravlyova/Zhuravleva); after the fold all but e read "io". Word-final "io" (Mario,
# Antonio) is left alone. Not for organisations: "union", "nation" have it too.
_YO = re.compile(r"io(?=[a-z])")


# British and American spellings of organisation names (Labour/Labor Organisation/Organization).
_AMERICAN = {"labour": "labor", "organisation": "organization", "organisations": "organizations",
             "centre": "center", "defence": "defense"}
_BRITISH = re.compile(r"\b(" + "|".join(_AMERICAN) + r")\b")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key: Харькова, Kharkova and Kharkowa's forms converge."""
    text = _APOSTROPHES.sub("", anyascii(name))
    key = _DOUBLED.sub(r"\1", fold_name(text))
    return _BRITISH.sub(lambda m: _AMERICAN[m.group(0)], key)


# Titles and roles written before a name ("Ms Kharkova", "Chairperson Nurbek Kushakbayev").
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "he", "president", "minister", "prime", "chair", "chairperson", "chairman", "chairwoman", "deputy", "vice", "general", "secretary", "comrade", "lawyer", "activist", "leader", "judge", "prosecutor", "delegate"]
)


def person_key(name: str) -> str:
    """`name_key` without leading titles, as long as a name remains."""
    words = _YO.sub("e", name_key(name)).split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    letters = _APOSTROPHES.sub("", anyascii(name)).replace(".", "").strip()
    return 2 <= len(letters) <= 10 and " " not in letters and letters.isupper()


def initials(name: str) -> str:
    """Upper-case initials of the significant words, in ascii."""
    words = re.findall(r"[^\W\d_]+", anyascii(name))
    return "".join(w[0] for w in words if w.lower() not in _STOP).upper()


@lru_cache(maxsize=1)
def _equivalence_index() -> dict[str, int]:
    data = yaml.safe_load(_EQUIVALENTS.read_text(encoding="utf-8")) or {}
    index: dict[str, int] = {}
    for number, group in enumerate(data.get("groups") or []):
        for name in group:
            index[name_key(str(name))] = number
    return index


def known_equivalent(a: str, b: str) -> bool:
    """Both names are listed in one group of the organisation alias table."""
    index = _equivalence_index()
    group = index.get(name_key(a))
    return group is not None and group == index.get(name_key(b))


def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100


def person_score(a: str, b: str) -> float:
    """1.0 same spelling up to transliteration; ~0.9 a close variant; 0.6 a bare
    surname against a full name (uncertain outside its document); low for people
    who only share a surname."""
    ka, kb = person_key(a).split(), person_key(b).split()
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return SAME
    if len(ka) == 1 or len(kb) == 1:
        single, full = (ka, kb) if len(ka) == 1 else (kb, ka)
        if len(full) == 1:
            return 0.9 if len(single[0]) >= 5 and _ratio(single[0], full[0]) >= 0.9 else 0.0
        hits = [_ratio(single[0], w) for w in (full[0], full[-1])]
        return 0.6 if max(hits) >= 0.9 and len(single[0]) >= 4 else 0.0
    return max(_two_part_score(ka, kb), _two_part_score(ka, list(reversed(kb))))


def _two_part_score(ka: list[str], kb: list[str]) -> float:
    surname = _ratio(ka[-1], kb[-1])
    if surname < 0.85:
        return _ratio(" ".join(ka), " ".join(kb)) * 0.5
    given_a, given_b = ka[0], kb[0]
    if min(len(given_a), len(given_b)) == 1:
        # "L Kharkova": an initial agrees but says little.
        return 0.7 if given_a[0] == given_b[0] else 0.2
    given = _ratio(given_a, given_b)
    if given >= 0.8:
        return round(0.85 + 0.15 * min(surname, given), 3)
    return 0.3  # same surname, another given name: another person


# "of Shymkent City" / "of Shymkent": a settlement's type word does not change the body.
_SETTLEMENT_WORDS = ("city", "town", "village", "municipality")


def _org_key(name: str) -> str:
    words = name_key(name).split()
    settlement = {name_key(w) for w in _SETTLEMENT_WORDS}
    kept = [w for w in words if w not in settlement]
    return " ".join(kept or words)


def org_score(a: str, b: str) -> float:
    ka, kb = _org_key(a), _org_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb or known_equivalent(a, b):
        return SAME
    acronym_a, acronym_b = is_acronym(a), is_acronym(b)
    if acronym_a != acronym_b:
        acronym, full = (a, b) if acronym_a else (b, a)
        letters = _APOSTROPHES.sub("", anyascii(acronym)).replace(".", "").upper()
        return 0.95 if len(letters) >= 3 and initials(full) == letters else 0.0
    if acronym_a:
        return 0.0
    ratio = fuzz.token_sort_ratio(ka, kb) / 100
    if ratio >= 0.95:
        return 0.9
    return 0.7 if ratio >= 0.88 else 0.0


def place_score(a: str, b: str) -> float:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return SAME
    return 0.9 if min(len(ka), len(kb)) >= 5 and _ratio(ka, kb) >= 0.9 else 0.0


SCORERS = {"person": person_score, "organization": org_score, "place": place_score}


def best_score(kind: str, names: list[str], other: list[str]) -> tuple[float, str, str]:
    """The best pairwise score and the two names that gave it."""
    scorer = SCORERS[kind]
    best = (0.0, "", "")
    for a in names:
        for b in other:
            score = scorer(a, b)
            if score > best[0]:
                best = (score, a, b)
    return best
