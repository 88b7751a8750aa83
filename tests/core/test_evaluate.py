"""Scoring rules of extraction-format.md, and quality floors on the dev corpus."""

from pathlib import Path

import pytest

from unionwatch.core.evaluate import (
    evaluate,
    evidence_overlap,
    format_report,
    greedy_match,
    score_documents,
    term_tuple,
)
from unionwatch.core.taxonomy import TAXONOMY_PATH, load_taxonomy

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "dev-corpus"

# A little under what the engine achieves, so that regressions fail.
F1_FLOORS = {
    "persons": 0.97,
    "organizations": 0.93,
    "places": 0.95,
    "events": 0.92,
    "terms": 0.95,
    "upcoming": 0.95,
}


def test_terms_become_months_and_days():
    assert term_tuple({"kind": "prison", "amount": 2, "unit": "years"}) == ("prison", 24.0, "months")
    assert term_tuple({"kind": "other", "amount": 3, "unit": "weeks"}) == ("other", 21.0, "days")
    assert term_tuple({"kind": "prison", "amount": None, "unit": "life"}) == ("prison", None, "life")


def test_gold_items_are_matched_once_in_output_order():
    false_hits, misses = greedy_match(["a", "a", "b"], ["a", "c"], lambda o, g: o == g)
    assert false_hits == [1, 2] and misses == [1]


def test_evidence_overlap_uses_the_shorter_sentence():
    assert evidence_overlap("police arrested him", "yesterday police arrested him at home") == 1.0
    assert evidence_overlap("", "x") == 0.0


def _doc(**fields):
    base = {"persons": [], "organizations": [], "places": [], "events": [], "court_decisions": [], "upcoming": []}
    base.update(fields)
    return base


def test_event_matching_rules():
    gold = _doc(events=[{"type": "arrest", "date": None, "victims": ["Ivan Petrov"], "evidence": "x"}])
    detention = _doc(events=[{"type": "detention", "date": None, "victims": ["Petrov"], "evidence": "y"}])
    wrong_type = _doc(events=[{"type": "raid", "date": None, "victims": ["Ivan Petrov"], "evidence": "x"}])
    report = score_documents([("a", detention, gold), ("b", wrong_type, gold)])
    assert report["documents"]["a"]["events"]["tp"] == 1
    assert report["documents"]["b"]["events"]["tp"] == 0


def test_entities_match_through_aliases_and_places_by_name():
    gold = _doc(
        persons=[{"name": "Ivan Petrov", "aliases": []}],
        organizations=[{"name": "Workers Union of Eastland", "aliases": ["WUE"]}],
        places=["Portville"],
    )
    out = _doc(
        persons=[{"name": "Mr Petrov", "aliases": []}, {"name": "Petrov", "aliases": []}],
        organizations=[{"name": "WUE", "aliases": []}],
        places=["Portvile", "Eastland"],
    )
    fields = score_documents([("d", out, gold)])["fields"]
    assert fields["persons"]["tp"] == 1 and fields["persons"]["output"] == 2
    assert fields["organizations"]["f1"] == 1.0
    assert fields["places"]["precision"] == 0.5 and fields["places"]["recall"] == 1.0


def test_terms_and_upcoming():
    gold = _doc(
        court_decisions=[{"terms": [{"kind": "prison", "amount": 2.5, "unit": "years"}]}],
        upcoming=[{"date": "2020-01-02"}],
    )
    out = _doc(
        court_decisions=[{"terms": [{"kind": "prison", "amount": 30, "unit": "months"}]}],
        upcoming=[{"date": "2020-01-03"}],
    )
    fields = score_documents([("d", out, gold)])["fields"]
    assert fields["terms"]["f1"] == 1.0
    assert fields["upcoming"]["tp"] == 0


def test_report_table_lists_every_field():
    report = score_documents([("d", _doc(), _doc())])
    table = format_report(report, verbose=True)
    for field in ("persons", "organizations", "places", "events", "terms", "upcoming"):
        assert field in table


def test_taxonomy_copy_is_the_shared_spec():
    shared = SHARED / "spec" / "taxonomy.yaml"
    if not shared.exists():
        pytest.skip("../shared/spec/taxonomy.yaml is not available")
    assert TAXONOMY_PATH.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
    taxonomy = load_taxonomy()
    assert "arrest" in taxonomy.types and "fine" in taxonomy.term_kinds


@pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="../shared/dev-corpus is not available")
def test_dev_corpus_quality_floors():
    report = evaluate(DEV / "docs", DEV / "gold")
    scores = {field: round(s["f1"], 3) for field, s in report["fields"].items()}
    low = {field: score for field, score in scores.items() if score < F1_FLOORS[field]}
    assert not low, f"F1 below floor: {low}\n{format_report(report, verbose=True)}"
