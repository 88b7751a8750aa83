"""Capitalised phrases: the candidates for persons, organisations and places."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from unionwatch.core.stages.base import Sentence
from unionwatch.core.stages.vocab import vocab

_UPPER = "".join(
    chr(c) for r in ((0x41, 0x5B), (0xC0, 0x250), (0x370, 0x400), (0x400, 0x530)) for c in range(*r) if chr(c).isupper()
)
UP = f"[{_UPPER}]"
# A capitalised word; "al-"/"el-" particles kept; a possessive 's is left out.
CAP_WORD = rf"(?:(?:al|el|ad|bin|ibn|abu|ben)-)?{UP}\w*(?:[-'](?=\w)(?!s\b)\w+)*"
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|bin|ibn|y)"
# A chunk starts with a capital letter (a leading "al-" stays outside: the engine can then
# skip ahead to capitals, several times faster); later words may carry the particle.
_FIRST_WORD = rf"{UP}\w*(?:[-'](?=\w)(?!s\b)\w+)*"
CHUNK = re.compile(rf"{_FIRST_WORD}(?:'?[ ]+(?:{_PARTICLE}[ ]+){{0,2}}{CAP_WORD})*")
WORD = re.compile(CAP_WORD)
ACRONYM = re.compile(rf"(?<![\w/&.-]){UP}[{_UPPER}0-9&]*(?:-[{_UPPER}0-9]+)*[{_UPPER}0-9](?![\w/-]|\.\w)")


class Token:
    """A capitalised word; `lower` is computed once (stages ask for it often)."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass
class Chunk:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentence: Sentence | None = None
    words: list[str] | None = None  # its words without leading function words, once computed

    @property
    def headline(self) -> bool:
        return bool(self.sentence and self.sentence.headline)


_FUNCTION_WORDS = vocab().function_words - {"today", "yesterday", "tomorrow"}


def find_chunks(norm: str, sentences: list[Sentence]) -> list[Chunk]:
    """Runs of capitalised words separated by single spaces (and name particles)."""
    starts = [s.start for s in sentences]
    chunks = []
    for match in CHUNK.finditer(norm):
        start, end = match.span()
        text = match.group()
        if " " not in text:  # one word (most chunks): no second scan
            if text.lower() in _FUNCTION_WORDS:
                continue  # "The", "In", "He": never a name, and every later stage would look at it
            tokens = [Token(start, end, text)]
        else:
            tokens = [Token(start + m.start(), start + m.end(), m.group()) for m in WORD.finditer(text)]
        i = bisect_right(starts, start) - 1
        sentence = sentences[i] if i >= 0 and start < sentences[i].end else None
        chunks.append(Chunk(start, end, text, tokens, sentence))
    return chunks


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
