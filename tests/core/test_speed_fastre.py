"""The speed helpers of fastre find exactly what the plain patterns find."""

from __future__ import annotations

import re

from unionwatch.core.stages.fastre import (
    Gated,
    Scanner,
    literal_prefilter,
    prefilter_pays,
    required_literal_sets,
    required_literals,
)


def test_required_literals_of_a_run_of_fixed_words() -> None:
    assert required_literals(r"\bwas (?:later )?beaten\b") == frozenset({"was beaten", "was later be"})


def test_required_literals_of_a_branch_take_one_set_per_branch() -> None:
    found = required_literals(r"\b(?:\w+ty of (?:us|you)|in \d+ towns)\b")
    assert found == frozenset({"ty of us", "ty of you", " towns"})


def test_no_required_literals_when_a_branch_needs_none() -> None:
    assert required_literals(r"(?:\d+ km|\w+)") is None
    assert required_literals(r"(?i)picket") is None  # case-insensitive: the literals would miss "PICKET"


def test_longer_alternatives_are_covered_by_shorter_ones() -> None:
    # and a literal is cut to its first LITERAL_LENGTH (12) characters: "fired on sig(ht)"
    assert required_literals(r"(?:fired|fired on) sight") == frozenset({"fired sight", "fired on sig"})
    assert required_literals(r"(?:ban|banned) lists?") == frozenset({"ban list", "banned list"})


def test_prefilter_never_rejects_a_text_the_pattern_matches() -> None:
    pattern = r"\b(?:(?:ninety|\w+ty) of them (?:were|are) (?:still )?held|the (?:second|\d+th) raid)\b"
    prefilter = literal_prefilter(pattern)
    assert prefilter is not None
    texts = [
        "Seventy of them were still held at the depot.",
        "It was the 5th raid on the office this spring.",
        "Some of them left early; the raid was the second.",
        "Nothing happened at the mill.",
    ]
    for text in texts:
        if re.search(pattern, text):
            assert prefilter.search(text)
    assert prefilter.search("Nothing happened at the mill.") is None


def test_scanner_first_with_prefilter_equals_first_of_finditer() -> None:
    pattern = r"\b(?:\w+teen of them are held|(?:over|some) \d+ (?:cases|towns))\b"
    fast, plain = Scanner(pattern, prefilter=True), Scanner(pattern)
    assert fast.needles is not None and plain.needles is None
    texts = [
        "fifteen of them are held in the port city",
        "the canteen of them are held",
        "xfifteen of them are held",  # inside a word: no match at all
        "over 40 cases went to court",
        "in over forty towns",
        "the workers went home",
    ]
    for text in texts:
        a, b = fast.first(text, 0, len(text)), plain.first(text, 0, len(text))
        assert (a and (a.start(), a.group())) == (b and (b.start(), b.group()))
    assert fast.first("the workers went home") is None


def test_prefilter_pays_only_where_some_trigger_stem_lacks_the_literals() -> None:
    pattern = r"\b(?:fired|sacked) (?:the|all) (?:drivers|cooks)\b"
    assert prefilter_pays(pattern, frozenset({"fired", "sacked"}))  # "the drivers" is not in the stems
    assert not prefilter_pays(r"\b(?:fired|sacked)\b", frozenset({"fired", "sacked"}))


def test_scan_with_prefilter_equals_finditer() -> None:
    pattern = r"\b(?:locked (?:\w+ )?out|shut (?:the )?gates?)\b"
    fast, plain = Scanner(pattern, prefilter=True), Scanner(pattern)
    text = "They were locked out on Monday; managers shut the gate, then unlocked out of spite. Shut gates."
    for lo, hi in [(0, len(text)), (5, 40), (40, len(text)), (0, 12)]:
        got = [(m.start(), m.group()) for m in fast.scan(text, lo, hi)]
        assert got == [(m.start(), m.group()) for m in plain.finditer(text, lo, hi)]
    assert fast.scan("nothing of the kind", 0, 19) == []


def test_first_with_guard_keeps_matches_that_follow_no_word_character() -> None:
    # "[\d,]+" may start with a comma: after a space it is a match, inside "x,5" it is not
    pattern = r"\b(?:[\d,]+ (?:sacked|fired) workers|(?:one|\w+ty) of them (?:is|was) held)\b"
    fast, plain = Scanner(pattern, prefilter=True), Scanner(pattern)
    assert fast.guard is not None
    texts = [
        "in all ,40 sacked workers",
        "code x,40 sacked workers",
        "twenty of them was held",
        "plenty of them was held",
        "the mayor: one of them is held, thirty of them was held",
        "none of the sacked workers",
    ]
    for text in texts:
        a, b = fast.first(text), plain.first(text)
        assert (a and a.span()) == (b and b.span()), text


def test_guard_for_a_leading_lookbehind_class() -> None:
    pattern = r"(?<![-/])\d{4} strike"
    fast, plain = Scanner(pattern, prefilter=True), Scanner(pattern)
    for text in ["the 2021 strike", "the 2020-2021 strike", "2019/2020 strike and a 2022 strike"]:
        a, b = fast.first(text), plain.first(text)
        assert (a and a.span()) == (b and b.span()), text


def test_gated_pattern_gives_the_same_results_and_skips_texts_without_its_literals() -> None:
    plain = re.compile(r"\b(?:urged|asked) [^.]*?, that (?:\w+ ){0,3}$")
    gated = Gated(plain)
    assert gated.needles is not None
    text = "The union urged the ministry, once more, that the guards be "
    for pos, end in [(0, len(text)), (4, len(text)), (0, 30), (31, len(text))]:
        a, b = gated.search(text, pos, end), plain.search(text, pos, end)
        assert (a and a.span()) == (b and b.span())
    assert gated.search("The union urged the ministry to act") is None
    scan = Gated(re.compile(r";|,? while "))
    line = "Two were fined; one was freed, while a third was held"
    assert [m.span() for m in scan.finditer(line)] == [m.span() for m in re.finditer(r";|,? while ", line)]
    assert list(scan.finditer("no break here")) == []


def test_gated_case_insensitive_pattern_runs_without_a_gate() -> None:
    gated = Gated(re.compile(r"walked out", re.IGNORECASE))
    assert gated.needles is None
    assert gated.search("They WALKED OUT at noon") is not None


def test_required_literal_sets_offer_each_needed_run() -> None:
    sets = required_literal_sets(r"\b(?:(?:visited|warned) (?:\w+ ){0,2}(?:his|her) (?:wife|son))")
    assert frozenset({"his wife", "his son", "her wife", "her son"}) in sets
    assert frozenset({"visited ", "warned "}) in sets


def test_a_scanner_with_stems_looks_for_literals_its_stems_do_not_bring() -> None:
    pattern = r"\b(?:(?:visited|warned) (?:\w+ ){0,2}(?:his|her) (?:wife|son))"
    scanner = Scanner(pattern, stems=frozenset({"visited", "warned"}))
    assert scanner.needles is not None
    assert scanner.needles.search("police visited the office") is None  # "visited " alone tells nothing new
    text = "police visited the home of his wife"
    assert [m.span() for m in scanner.scan(text, 0, len(text))] == [m.span() for m in re.finditer(pattern, text)]
