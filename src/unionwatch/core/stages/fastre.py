"""Fast scanning with Python's `re`: a leading `\\b` or look-behind stops the engine
from skipping ahead on the pattern's first characters, which makes a scan of a
whole document many times slower. `Scanner` drops that leading assertion from
the pattern and checks the character before each match in Python instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LEADING = re.compile(r"^(?:\\b|\(\?<!\[([^\]]*)\]\))")


class Scanner:
    """`finditer` of a pattern whose match must not follow a word character
    (pattern starting with `\\b`) or one of the characters of a leading `(?<![...])`."""

    def __init__(self, pattern: str, flags: int = 0):
        match = _LEADING.match(pattern)
        self.word_boundary = bool(match) and match.group(0) == "\\b"
        forbidden = match.group(1) if match and match.group(1) is not None else None
        self.forbidden = re.compile(f"[{forbidden}]") if forbidden else None
        self.regex = re.compile(pattern[match.end():] if match else pattern, flags)
        self.pattern = pattern

    def _ok(self, text: str, start: int) -> bool:
        if start == 0:
            return True
        prev = text[start - 1]
        if self.word_boundary and (prev.isalnum() or prev == "_"):
            return False
        return not (self.forbidden is not None and self.forbidden.match(prev))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        for match in self.regex.finditer(text, pos, end):
            if self._ok(text, match.start()):
                yield match


def trie_regex(words: set[str] | list[str]) -> str:
    """A regex matching any of `words`, with common prefixes factored out.

    Python's `re` tries every branch of a flat alternation at each position; a
    trie-shaped pattern fails after one character almost everywhere, which
    makes scanning for hundreds of literals many times faster.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
