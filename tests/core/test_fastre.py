"""The fast scanner finds exactly what a plain `re` scan with the leading assertion finds."""

from __future__ import annotations

import re

import pytest

from unionwatch.core.stages.fastre import Scanner, trie_regex

_TEXT = (
    "Police detained 14 dockers on Monday; a court later sentenced two of them, both still in custody. "
    "Resentenced? No: the 3rd arrest this year, and thirteen of whom were jailed. Over 2,000 members "
    "marched in Ashdod and Haifa, where the unionists' office was raided (again)."
)

PATTERNS = [
    r"\b(?:detained|sentenced|arrest|raided)\b",
    r"\b(?:[\d,]+|two|\w+teen) of (?:whom|them)\b",
    r"\b(?:over|about) [\d,]+\b",
    r"(?<![\w.])\d+(?:st|nd|rd|th)? (?:arrest|dockers)",
    r"\b(?:a|the)? ?court\b",  # a branch that can start with a space
    r"\b(?i:POLICE)\b",  # scoped flags: scanned without a look-ahead
]


def _plain(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_scanner_matches_plain_re(pattern: str) -> None:
    spans = [m.span() for m in Scanner(pattern).finditer(_TEXT)]
    assert spans == _plain(pattern, _TEXT)


def test_scanner_ignorecase_and_window() -> None:
    scanner = Scanner(r"\b(?:police|marched)\b", re.IGNORECASE)
    assert [m.group() for m in scanner.finditer(_TEXT)] == ["Police", "marched"]
    assert [m.group() for m in scanner.finditer(_TEXT, 10, 200)] == []


def test_first_character_lookahead_added_when_known() -> None:
    # the speed-up is real only if the look-ahead is there; a pattern that may match "" gets none
    assert Scanner(r"\b(?:detained|sentenced)\b").regex.pattern.startswith("(?=[ds])")
    assert Scanner(r"\b(?:x*|office)").regex.pattern == "(?:x*|office)"


def test_trie_scanner() -> None:
    words = {"arrest", "arrested", "raid", "raided", "custody"}
    scanner = Scanner(r"\b(?:" + trie_regex(words) + r")\b")
    assert [m.group() for m in scanner.finditer(_TEXT)] == ["custody", "arrest", "raided"]
