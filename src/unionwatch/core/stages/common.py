"""Small helpers shared by the entity stages."""

from __future__ import annotations

import re
from functools import lru_cache

from unionwatch.core.stages.base import Claim
from unionwatch.core.stages.gazetteer import gazetteer, place_key
from unionwatch.core.stages.vocab import vocab

_V = vocab()


def overlaps(claims: list[Claim], start: int, end: int, kinds: tuple[str, ...] | None = None) -> Claim | None:
    for claim in claims:
        if claim.start < end and start < claim.end and (kinds is None or claim.kind in kinds):
            return claim
    return None


class SpanMask:
    """Which characters are covered by claims (optionally of some kinds): O(span) checks."""

    def __init__(self, claims: list[Claim], size: int, kinds: tuple[str, ...] | None = None):
        self.mask = bytearray(size + 1)
        for claim in claims:
            if kinds is None or claim.kind in kinds:
                self.add(claim.start, claim.end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def hit(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1


_DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "i", "ic", "ine", "ch", "sh", "kh")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """"Kazakh", "Belarusian", "Mexican": an adjective of a country, not a place.

    A demonym is at least as long as its country's name ("Romanian", not the given name
    "Roman"; "Georgian", not "Georgi"), or the name of a "-stan" country without that
    ending ("Kazakh", "Uzbek"; not "Martin" for Martinique).
    """
    low = place_key(word)
    if low in _V.demonyms:
        return True
    if len(low) < 4 or " " in low:
        return False
    entry = gazetteer().get(low)
    if entry is not None and entry.kind == "country":
        return False
    countries = _countries_by_prefix().get(low[:4], ())
    if low.endswith(_DEMONYM_ENDINGS) and any(_derived(low, c) for c in countries):
        return True
    return any(c in (low + "stan", low + "istan") for c in countries)


def _derived(word: str, country: str) -> bool:
    """ "Lebanese" from "Lebanon", "Iraqi" from "Iraq": the country, less at most two letters, plus an
    ending, longer than the country ("Malash" is not from Malawi, "Georgi" not from Georgia)."""
    if len(word) <= len(country):
        return False
    for k in range(len(country), max(4, len(country) - 2) - 1, -1):
        if word[:k] == country[:k] and word[k:] in _DEMONYM_ENDINGS:
            return True
    return False


@lru_cache(maxsize=1)
def _countries_by_prefix() -> dict[str, tuple[str, ...]]:
    """First four letters -> the folded country names (first words) that start with them."""
    out: dict[str, set[str]] = {}
    for key, entry in gazetteer().items():
        if entry.kind == "country":  # every spelling: "russia" as well as "russian federation"
            for name in {key.split(" ")[0].strip(","), place_key(entry.name).split(" ")[0].strip(",")}:
                if len(name) >= 4:
                    out.setdefault(name[:4], set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=65536)
def is_plain_word(word: str) -> bool:
    """A word that is capitalised only by position or style: never a name by itself."""
    low = word.lower()
    return (
        low in _V.common_words
        or low in _V.function_words
        or low in _V.months
        or low in _V.weekdays
        or low in _V.role_titles
        or low in _V.honorifics
        or low.rstrip(".") in _V.honorifics
        or is_demonym(word)
    )


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'-]*", name) if w[0].isupper())
