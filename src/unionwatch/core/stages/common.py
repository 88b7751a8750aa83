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


@lru_cache(maxsize=1)
def _country_prefixes() -> frozenset[str]:
    prefixes = set()
    for entry in gazetteer().values():
        if entry.kind == "country":
            name = place_key(entry.name).split(" ")[0]
            if len(name) >= 5:
                prefixes.add(name[:5])
    return frozenset(prefixes)


_DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "i", "ic", "ine", "ch", "sh", "kh")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """"Kazakh", "Belarusian", "Mexican": an adjective of a country, not a place."""
    low = place_key(word)
    if len(low) < 4 or " " in low:
        return False
    entry = gazetteer().get(low)
    if entry is not None and entry.kind == "country":
        return False
    if low[:5] in _country_prefixes() and low.endswith(_DEMONYM_ENDINGS):
        return True
    # "Kazakh" for "Kazakhstan"; not "Tunis" for "Tunisia" (a city in its own right)
    cut = 3 if entry is not None else 1
    longest = _country_prefixes_long().get(low, 0)
    return len(low) >= 5 and longest - len(low) >= cut


@lru_cache(maxsize=1)
def _country_prefixes_long() -> dict[str, int]:
    """Prefix (5+ letters) of a one-word country name -> length of the longest such name."""
    out: dict[str, int] = {}
    for name in _country_words():
        for k in range(5, len(name)):
            out[name[:k]] = max(out.get(name[:k], 0), len(name))
    return out


@lru_cache(maxsize=1)
def _country_words() -> tuple[str, ...]:
    """Folded one-word country names."""
    names = {place_key(e.name) for e in gazetteer().values() if e.kind == "country"}
    return tuple(sorted(n for n in names if " " not in n))


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
