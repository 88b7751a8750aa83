"""Fast scanning with Python's `re`: a leading `\\b` or look-behind stops the engine
from skipping ahead on the pattern's first characters, which makes a scan of a
whole document many times slower. `Scanner` drops that leading assertion from
the pattern and checks the character before each match in Python instead.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

# the parser and its opcodes, to read the characters a pattern's match can start with
from re import _constants as sre
from re import _parser as sre_parse

_LEADING = re.compile(r"^(?:\\b|\(\?<!\[([^\]]*)\]\))")


class Scanner:
    """`finditer` of a pattern whose match must not follow a word character
    (pattern starting with `\\b`) or one of the characters of a leading `(?<![...])`."""

    def __init__(
        self, pattern: str, flags: int = 0, prefilter: bool = False, stems: frozenset[str] | None = None
    ):
        """`prefilter`: look for the literals every match needs before running the pattern (see
        `first`, `scan`); `stems`: the trigger stems scans start from, to do so only where it pays."""
        match = _LEADING.match(pattern)
        self.word_boundary = bool(match) and match.group(0) == "\\b"
        forbidden = match.group(1) if match and match.group(1) is not None else None
        self.forbidden = re.compile(f"[{forbidden}]") if forbidden else None
        body = pattern[match.end():] if match else pattern  # the same literals as the whole pattern
        self.regex = compile_scan(body, flags)
        self.pattern = pattern
        if prefilter:
            self.needles = literal_prefilter(body, flags)
        else:
            self.needles = literal_prefilter(body, flags, stems) if stems is not None else None
        # the dropped assertion as a look-behind, for `first`: where this finds nothing, neither does
        # `finditer` (the look-behind fails fast inside words, where the scan's regex tries each branch)
        self.guard: re.Pattern[str] | None = None
        if prefilter and (self.word_boundary or self.forbidden is not None):
            behind = r"(?<!\w)" if self.word_boundary else f"(?<![{forbidden}])"
            self.guard = re.compile(f"{behind}(?:{body})", flags)

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

    def scan(self, text: str, pos: int, endpos: int) -> list[re.Match[str]]:
        """The matches of `finditer(text, pos, endpos)` as a list: no generator per call, no test
        per match when the pattern had no leading assertion, and the prefilter first (if any)."""
        if self.needles is not None and self.needles.search(text, pos, endpos) is None:
            return []
        matches = list(self.regex.finditer(text, pos, endpos))
        if not matches or (not self.word_boundary and self.forbidden is None):
            return matches
        return [m for m in matches if self._free(text, m.start())]

    def _free(self, text: str, start: int) -> bool:
        """Whether the dropped leading assertion holds at `start` (the test of `finditer`)."""
        if not start:
            return True
        prev = text[start - 1]
        if self.word_boundary and (prev.isalnum() or prev == "_"):
            return False
        return self.forbidden is None or not self.forbidden.match(prev)

    def first(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match of `finditer`; with the prefilter, a text without any of the pattern's
        required literals, or without a match that follows no word character, is passed over."""
        end = len(text) if endpos is None else endpos
        if self.needles is not None and self.needles.search(text, pos, end) is None:
            return None
        if self.guard is not None and self.guard.search(text, pos, end) is None:
            return None
        return next(self.finditer(text, pos, end), None)


@lru_cache(maxsize=4096)
def _escaped(ch: str) -> str:
    return re.escape(ch)


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
        alts = [_escaped(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
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
        first = _first_of(_parse(pattern, flags).data)
        if first is not None and first[0] and not first[1]:
            return re.compile(f"(?=[{''.join(dict.fromkeys(first[0]))}])(?:{pattern})", flags)
    except (re.error, TypeError, ValueError):  # an unusual pattern: compile it as it is
        pass
    return re.compile(pattern, flags)


@lru_cache(maxsize=512)  # read-only trees, shared by compile_scan and required_literals
def _parse(pattern: str, flags: int) -> sre_parse.SubPattern:
    return sre_parse.parse(pattern, flags)


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


# --- literals every match must contain ----------------------------------------------------------
# A regex run only where one of its required literals occurs finds exactly the same matches:
# a text without any of them holds no match at all. A search for a few literals (a trie, which
# `re` skips through on their first characters) costs a fraction of a scan of a long pattern.

LITERAL_SET_LIMIT = 64  # strings in one set of alternatives before a run of literals is cut
LITERAL_LENGTH = 12  # characters kept of a required literal: its start is as rare in text
_Lits = frozenset[str]


@lru_cache(maxsize=1024)  # asked twice per cue scanner: whether a prefilter pays, then for it
def required_literals(pattern: str, flags: int = 0) -> _Lits | None:
    """Non-empty strings one of which occurs in every match of `pattern`; None when the
    pattern does not tell (case-insensitive, or some branch requires no literal)."""
    sets = required_literal_sets(pattern, flags)
    return sets[0] if sets else None


@lru_cache(maxsize=1024)
def required_literal_sets(pattern: str, flags: int = 0) -> tuple[_Lits, ...]:
    """Every set of `required_literals` the pattern's top sequence offers (each one is needed by
    every match), the most selective first; none when the pattern does not tell."""
    try:
        parsed = _parse(pattern, flags)
    except (re.error, TypeError, ValueError):
        return ()
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    items = parsed.data
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3].data  # "(?:(?:...))": the sequence inside
    return tuple(_candidates(items))


def literal_prefilter(pattern: str, flags: int = 0, stems: frozenset[str] | None = None) -> re.Pattern[str] | None:
    """A regex of required literals: where it finds nothing, `pattern` cannot match. With the
    trigger `stems` a scan starts from, the most selective set that tells more than they do."""
    if stems is None:
        literals = required_literals(pattern, flags)
    else:
        sets = required_literal_sets(pattern, flags)
        literals = next((c for c in sets if _tells_more(c, stems, strictly=True)), None) or next(
            (c for c in sets if _tells_more(c, stems)), None
        )
    return re.compile(trie_regex(literals)) if literals else None


def prefilter_pays(pattern: str, stems: frozenset[str] | set[str], flags: int = 0) -> bool:
    """Whether some set of required literals of `pattern` tells more than the trigger `stems` its
    scans start from: some stem holds none of its strings (where every stem holds one, a prefilter
    of that set always passes)."""
    return any(_tells_more(c, stems) for c in required_literal_sets(pattern, flags))


def _tells_more(literals: _Lits, stems: frozenset[str] | set[str], strictly: bool = False) -> bool:
    """Some stem holds none of the literals; `strictly`: nor starts one ("arrested" nearly always
    brings "arrested ", not "his family")."""
    return any(not any(lit in stem or (strictly and stem in lit) for lit in literals) for stem in stems)


def _required_of(items: list) -> _Lits | None:  # noqa: ANN001 - the parser's (op, arg) pairs
    """The most selective requirement of a sequence (see `_candidates`)."""
    found = _candidates(items)
    return found[0] if found else None


def _candidates(items: list) -> list[_Lits]:  # noqa: ANN001
    """The requirements of a sequence, the most selective first: each run of finite items (its
    strings), and each item that is not finite but requires literals of its own."""
    candidates: list[_Lits] = []
    run: set[str] | None = None  # the strings of the current run of finite items
    for op, av in items:
        strings = _finite(op, av)
        if strings is None:
            if run is not None:
                candidates.append(frozenset(run))
            run = None
            own = _required_item(op, av)
            if own is not None:
                candidates.append(own)
            continue
        if run is not None and len(run) * len(strings) <= LITERAL_SET_LIMIT:
            # each string stays a prefix of some text the run matches: longer ones tell little more
            run = {a if len(a) >= LITERAL_LENGTH else (a + b)[:LITERAL_LENGTH] for a in run for b in strings}
        else:
            if run is not None:
                candidates.append(frozenset(run))
            run = set(strings)
    if run is not None:
        candidates.append(frozenset(run))
    candidates = [_minimal({c[:LITERAL_LENGTH] for c in found}) for found in candidates]
    usable = [c for c in candidates if c and "" not in c]
    # the longest shortest string is the rarest in text; fewer strings cost less to look for
    return sorted(usable, key=lambda c: (-min(map(len, c)), len(c)))


def _required_item(op: object, av: object) -> _Lits | None:
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _required_of(sub.data)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _required_of(branch.data)
            if found is None:
                return None
            out |= found
        return _minimal(out)
    if op in _REPEATS and av[0] >= 1:
        return _required_of(av[2].data)
    if op is sre.ATOMIC_GROUP:
        return _required_of(av.data)
    return None


def _finite(op: object, av: object) -> set[str] | None:  # noqa: PLR0911 - one case per opcode
    """Every string an item can match, when they are few; None otherwise."""
    if op is sre.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.IN:
        if len(av) > 8 or any(iop is not sre.LITERAL for iop, _ in av):
            return None
        return {chr(iav) for _, iav in av}
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _finite_seq(sub.data)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _finite_seq(branch.data)
            if found is None:
                return None
            out |= found
        return out if len(out) <= LITERAL_SET_LIMIT else None
    if op in _REPEATS:
        low, high, sub = av
        found = _finite_seq(sub.data) if high <= 1 else None
        return None if found is None else (found | {""} if low == 0 else found)
    return None


def _finite_seq(items: list) -> set[str] | None:  # noqa: ANN001
    out = {""}
    for op, av in items:
        strings = _finite(op, av)
        if strings is None or len(out) * len(strings) > LITERAL_SET_LIMIT:
            return None
        out = {a + b for a in out for b in strings}
    return out


def _minimal(strings: set[str]) -> _Lits:
    """The strings that hold no other of them: where a longer one occurs, so does the shorter."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


class Gated:
    """A compiled pattern behind its required literals: `search`, `match` and `finditer` give the
    same results, and skip the pattern where none of the literals occurs in [pos, endpos) (every
    match holds one there). For searches run over and over on short spans (the checks of a cue)."""

    __slots__ = ("needles", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.pattern = regex.pattern
        self.needles = literal_prefilter(regex.pattern, regex.flags & ~re.UNICODE)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.needles is not None and self.needles.search(text, pos, endpos) is None:
            return None
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.needles is not None and self.needles.search(text, pos, endpos) is None:
            return None
        return self.regex.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self.needles is not None and self.needles.search(text, pos, endpos) is None:
            return iter(())
        return self.regex.finditer(text, pos, endpos)
