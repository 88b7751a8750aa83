"""Text stages: a same-length normalised copy of the text, and sentences."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unionwatch.core.stages.base import Sentence
from unionwatch.core.stages.fastre import compile_scan

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

# One character in, one character out, so offsets stay valid.
_TRANSLATION = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'",
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
        "\u200b": " ", "\ufeff": " ",
    }
)

_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "nos", "art", "arts", "gen", "col", "lt", "prof", "vs", "e.g", "i.e", "u.s", "u.k", "p.m", "a.m", "inc", "ltd", "co", "corp", "dept", "fig", "cf", "ca", "approx", "est", "gov", "sen", "rep", "rev", "hon", "mt", "ft", "op", "vol", "pp", "para", "sept", "oct", "nov", "dec", "jan", "feb", "aug", "apr", "jun", "jul"]
)
_BOUNDARY = compile_scan(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u00C0-\u024F])|[;:]\s+(?=\")")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"')\]]*\s*$")
_LINE = re.compile(r"[^\n]+")
_TITLE_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w'-]*")
_SMALL_WORDS = frozenset(["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as", "vs", "is", "are", "be"])


class Normalise:
    """Unify quotes, dashes and odd spaces in a copy of the text of the same length."""

    def __call__(self, state: PipelineState) -> None:
        state.norm = state.text.translate(_TRANSLATION)
        if len(state.norm) != len(state.text):  # never happens with a 1:1 table; keep offsets safe
            state.norm = state.text
        lower = state.norm.lower()
        if len(lower) != len(state.norm):  # "İ" lower-cases to two characters: keep offsets aligned
            lower = "".join(c.lower()[:1] or c for c in state.norm)
        state.lower = lower


_COPY_LINE = re.compile(r"(?:b?cc|copy to|copies to|copies)[ ]*:", re.IGNORECASE)


def is_headline(line: str, title: str) -> bool:
    """A title or heading: the document title, a bold or # line, or a Title Case line."""
    stripped = line.strip().strip("*#_ ").strip()
    if not stripped:
        return False
    if title and stripped == title.strip("*#_ ").strip() and len(stripped.split()) <= 25 and not stripped.endswith("."):
        return True
    if line.lstrip().startswith("#") or (line.strip().startswith("**") and line.strip().endswith("**")):
        return True
    if stripped[-1] in ".!?\"':;,)" or _COPY_LINE.match(stripped):  # "cc: X; Y": a list of addressees
        return False
    words = [w for w in _TITLE_WORD.findall(stripped) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


class SplitSentences:
    """Lines, then sentences inside each line (abbreviations and initials kept)."""

    def __call__(self, state: PipelineState) -> None:
        norm = state.norm
        sentences: list[Sentence] = []
        for line in _LINE.finditer(norm):
            text = line.group()
            if not text.strip():
                continue
            headline = is_headline(text, state.meta.title)
            for start, end in _split_line(text):
                s, e = line.start() + start, line.start() + end
                sentences.append(Sentence(s, e, state.text[s:e], headline, len(sentences)))
        state.sentences = sentences


def _split_line(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        before = _WORD_BEFORE.search(line, max(0, match.start() - 40), match.start() + 1)
        word = before.group(1).lower() if before else ""
        if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        end = match.start() + len(match.group().rstrip())
        spans.append(_trim(line, start, end))
        start = match.end()
    if start < len(line):
        spans.append(_trim(line, start, len(line)))
    return [(s, e) for s, e in spans if e > s]


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end
