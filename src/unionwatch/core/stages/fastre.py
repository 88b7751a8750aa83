"""Fast scanning with Python's `re`: a leading `\\b` or look-behind stops the engine
from skipping ahead on the pattern's first characters, which makes a scan of a
whole document many times slower. `Scanner` drops that leading assertion from
the pattern and checks the character before each match in Python instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# the parser and its opcodes, to read the characters a pattern's match can start with
from re import _constants as sre
from re import _parser as sre_parse

_LEADING = re.compile(r"^(?:\\b|\(\?<!\[([^\]]*)\]\))")


class Scanner:
    """`finditer` of a pattern whose match must not follow a word character
    (pattern starting with `\\b`) or one of the characters of a leading `(?<![...])`."""

    def __init__(self, pattern: str, flags: int = 0):
        match = _LEADING.match(pattern)
        self.word_boundary = bool(match) and match.group(0) == "\\b"
        forbidden = match.group(1) if match and match.group(1) is not None else None
        self.forbidden = re.compile(f"[{forbidden}]") if forbidden else None
        self.regex = compile_scan(pattern[match.end():] if match else pattern, flags)
        self.pattern = pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        word_boundary, forbidden = self.word_boundary, self.forbidden
        for match in self.regex.finditer(text, pos, end):
            start = match.start()  # the dropped leading assertion, tested on the character before
            if start:
                prev = text[start - 1]
                if (word_boundary and (prev.isalnum() or prev == "_")) or (forbidden is not None and forbidden.match(prev)):
                    continue
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


# --- a cheap look-ahead on the first character --------------------------------------------------
# At every position `re` tries each branch of a long alternation in turn. A leading
# `(?=[...])` of every character a match can start with fails in one step on the others
# (spaces, punctuation, letters no branch starts with); the matches stay exactly the same.

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_First = tuple[list[str], bool]  # class items a match can start with, and whether it can be empty so far


def compile_scan(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` behind a look-ahead for its first character, when that class
    is known: the same matches for every method, faster for searches of long alternations."""
    try:
        first = _first_of(sre_parse.parse(pattern, flags).data)
        if first is not None and first[0] and not first[1]:
            return re.compile(f"(?=[{''.join(dict.fromkeys(first[0]))}])(?:{pattern})", flags)
    except (re.error, TypeError, ValueError):  # an unusual pattern: compile it as it is
        pass
    return re.compile(pattern, flags)


def _first_of(items: list) -> _First | None:  # noqa: ANN001 - the parser's (op, arg) pairs
    """Possible first characters of a sequence; None when some item is not understood."""
    out: list[str] = []
    for op, av in items:
        found = _first_item(op, av)
        if found is None:
            return None
        out.extend(found[0])
        if not found[1]:
            return out, False
    return out, True


def _first_item(op: object, av: object) -> _First | None:  # noqa: C901, PLR0911 - one case per opcode
    if op is sre.LITERAL:
        return [re.escape(chr(av))], False
    if op is sre.IN:
        items = [_class_item(iop, iav) for iop, iav in av]
        return (None if None in items else items), False  # type: ignore[return-value]
    if op in _ZERO_WIDTH:
        return [], True
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_of(sub.data)
    if op is sre.BRANCH:
        return _first_of_branches(av[1])
    if op in _REPEATS:
        low, _, sub = av
        found = _first_of(sub.data)
        return None if found is None else (found[0], found[1] or low == 0)
    if op is sre.ATOMIC_GROUP:
        return _first_of(av.data)
    return None  # any character, back-references, negated literals...


def _first_of_branches(branches: list) -> _First | None:  # noqa: ANN001
    items: list[str] = []
    empty = False
    for branch in branches:
        found = _first_of(branch.data)
        if found is None:
            return None
        items.extend(found[0])
        empty = empty or found[1]
    return items, empty


def _class_item(op: object, av: object) -> str | None:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY:
        return _CATEGORIES.get(av)
    return None  # a negated class and the like
