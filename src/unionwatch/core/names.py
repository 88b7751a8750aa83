"""Name folding and fuzzy name matching.

These are the rules of extraction-format.md "How output is scored": the
evaluation uses them to compare output with gold, the pipeline uses them to
merge spellings inside one document, and the store can use them to resolve
entities across documents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "president"})
FUZZY_THRESHOLD = 88

_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[^\w\s]|_")
_DOUBLED = re.compile(r"(.)\1+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """The scoring fold: ascii, lower case, no possessive, no punctuation, no
    honorifics, doubled letters squeezed, then y→i, j→i, kh→h, ie→e."""
    text = name.replace("’", "'")
    text = _POSSESSIVE.sub("", text)
    text = anyascii(text).lower()
    text = _POSSESSIVE.sub("", text)
    text = _PUNCT.sub(" ", text)
    words = [w for w in text.split() if w not in HONORIFICS]
    text = " ".join(words)
    text = _DOUBLED.sub(r"\1", text)
    text = text.replace("y", "i").replace("j", "i").replace("kh", "h").replace("ie", "e")
    return _SPACES.sub(" ", text).strip()


def folded_match(fa: str, fb: str) -> bool:
    """`names_match` on names that are already folded."""
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa) >= 4 and len(fb) >= 4 and fuzz.ratio(fa, fb) >= FUZZY_THRESHOLD:
        return True
    return _single_word_match(fa, fb) or _single_word_match(fb, fa)


def _single_word_match(single: str, other: str) -> bool:
    if " " in single or len(single) < 4:
        return False
    words = other.split()
    return bool(words) and (single == words[0] or single == words[-1])


def names_match(a: str, b: str) -> bool:
    """True when two names denote the same entity under the scoring rules."""
    return folded_match(fold_name(a), fold_name(b))


def any_names_match(names_a: list[str], names_b: list[str]) -> bool:
    """True when any name of one list matches any name of the other."""
    folded_b = [fold_name(b) for b in names_b]
    return any(folded_match(fold_name(a), fb) for a in names_a for fb in folded_b)
