"""Score extraction output against hand-made gold files.

The matching rules are those of shared/spec/extraction-format.md, "How output
is scored": micro precision/recall/F1 per field over all documents, each gold
item matched at most once, greedily in output order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from unionwatch.core.names import any_names_match, names_match

FIELDS = ("persons", "organizations", "places", "events", "terms", "upcoming")
DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".eml")
_WORD = re.compile(r"\w+")
_UNIT_FACTORS = {"years": ("months", 12), "year": ("months", 12), "weeks": ("days", 7), "week": ("days", 7)}


# ---------------------------------------------------------------- matchers
def _entity_names(item: dict[str, Any] | str) -> list[str]:
    if isinstance(item, str):
        return [item]
    return [n for n in [item.get("name", "")] + list(item.get("aliases") or []) if n]


def _match_entities(out: dict[str, Any], gold: dict[str, Any]) -> bool:
    return any_names_match(_entity_names(out), _entity_names(gold))


def _match_places(out: str, gold: str) -> bool:
    return names_match(out, gold)


def _event_type(event: dict[str, Any]) -> str:
    kind = event.get("type", "")
    return "arrest" if kind == "detention" else kind


def _words(text: str) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def evidence_overlap(a: str, b: str) -> float:
    """Share of the shorter evidence's words found in the other one."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _match_events(out: dict[str, Any], gold: dict[str, Any]) -> bool:
    if _event_type(out) != _event_type(gold):
        return False
    if any_names_match(list(out.get("victims") or []), list(gold.get("victims") or [])):
        return True
    if out.get("date") and out.get("date") == gold.get("date"):
        return True
    return evidence_overlap(out.get("evidence", ""), gold.get("evidence", "")) >= 0.6


def term_tuple(term: dict[str, Any]) -> tuple[str, float | None, str | None]:
    """(kind, amount, unit) with years→months and weeks→days."""
    amount = term.get("amount")
    unit = term.get("unit")
    if unit in _UNIT_FACTORS and amount is not None:
        unit, factor = _UNIT_FACTORS[unit]
        amount = amount * factor
    if unit in ("month", "day", "hour"):
        unit += "s"
    if amount is not None:
        amount = round(float(amount), 3)
    return (term.get("kind", ""), amount, unit)


def _terms(extraction: dict[str, Any]) -> list[tuple]:
    return [term_tuple(t) for d in extraction.get("court_decisions") or [] for t in d.get("terms") or []]


def _match_upcoming(out: dict[str, Any], gold: dict[str, Any]) -> bool:
    return bool(out.get("date")) and out.get("date") == gold.get("date")


def _match_terms(out: tuple, gold: tuple) -> bool:
    return out == gold


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "persons": _match_entities,
    "organizations": _match_entities,
    "places": _match_places,
    "events": _match_events,
    "terms": _match_terms,
    "upcoming": _match_upcoming,
}


def field_items(extraction: dict[str, Any], field: str) -> list[Any]:
    if field == "terms":
        return _terms(extraction)
    return list(extraction.get(field) or [])


def greedy_match(outputs: list[Any], golds: list[Any], matcher: Callable[[Any, Any], bool]) -> tuple[list[int], list[int]]:
    """Indices of unmatched outputs (false hits) and unmatched gold items (misses)."""
    used = [False] * len(golds)
    false_hits: list[int] = []
    for i, out in enumerate(outputs):
        for j, gold in enumerate(golds):
            if not used[j] and matcher(out, gold):
                used[j] = True
                break
        else:
            false_hits.append(i)
    misses = [j for j, u in enumerate(used) if not u]
    return false_hits, misses


# ---------------------------------------------------------------- scoring
def _prf(tp: int, n_out: int, n_gold: int) -> dict[str, float | int]:
    precision = tp / n_out if n_out else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "output": n_out, "gold": n_gold, "precision": precision, "recall": recall, "f1": f1}


def _describe(item: Any, field: str) -> str:
    if isinstance(item, str):
        return item
    if field == "terms":
        return f"{item[0]} {item[1]} {item[2]}"
    if field == "events":
        victims = ", ".join(item.get("victims") or [])
        return f"{item.get('type')} {item.get('date') or '-'} [{victims}] «{(item.get('evidence') or '')[:70]}»"
    if field == "upcoming":
        return f"{item.get('date')} {item.get('what', '')}"
    return str(item.get("name", item))


def score_documents(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score (name, output, gold) triples; output and gold are extraction dicts."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    documents: dict[str, Any] = {}
    for name, output, gold in pairs:
        doc_report: dict[str, Any] = {}
        for field in FIELDS:
            outs, golds = field_items(output, field), field_items(gold, field)
            false_hits, misses = greedy_match(outs, golds, MATCHERS[field])
            tp = len(outs) - len(false_hits)
            totals[field][0] += tp
            totals[field][1] += len(outs)
            totals[field][2] += len(golds)
            doc_report[field] = {
                **_prf(tp, len(outs), len(golds)),
                "misses": [_describe(golds[j], field) for j in misses],
                "false_hits": [_describe(outs[i], field) for i in false_hits],
            }
        if output.get("error"):
            doc_report["error"] = output["error"]
        documents[name] = doc_report
    fields = {f: _prf(*totals[f]) for f in FIELDS}
    return {"fields": fields, "documents": documents}


def find_document(docs_dir: Path, stem: str) -> Path | None:
    for suffix in DOC_SUFFIXES:
        candidate = docs_dir / f"{stem}{suffix}"
        if candidate.exists():
            return candidate
    matches = sorted(p for p in docs_dir.glob(f"{stem}.*") if p.is_file())
    return matches[0] if matches else None


def evaluate(docs_dir: Path, gold_dir: Path) -> dict[str, Any]:
    """Run extraction on every document that has a gold file and score it."""
    from unionwatch.core import extract, read_path

    docs_dir, gold_dir = Path(docs_dir), Path(gold_dir)
    pairs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = find_document(docs_dir, gold_path.stem)
        if doc_path is None:
            output: dict[str, Any] = {"error": "document not found"}
        else:
            try:
                output = extract(read_path(doc_path)).to_dict()
            except Exception as exc:  # one bad file must not stop the evaluation
                output = {"error": f"{type(exc).__name__}: {exc}"}
        pairs.append((gold_path.stem, output, gold))
    report = score_documents(pairs)
    report["docs_dir"], report["gold_dir"] = str(docs_dir), str(gold_dir)
    return report


def format_report(report: dict[str, Any], verbose: bool = False) -> str:
    """A readable table of P/R/F1 per field; with verbose, misses and false hits per document."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'out':>6}{'gold':>6}", "-" * 53]
    for field, s in report["fields"].items():
        lines.append(
            f"{field:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['output']:>6}{s['gold']:>6}"
        )
    if verbose:
        for name, doc in report["documents"].items():
            lines.append("")
            lines.append(f"== {name}" + (f"  ERROR: {doc['error']}" if doc.get("error") else ""))
            for field in FIELDS:
                for miss in doc[field]["misses"]:
                    lines.append(f"  {field:<13} miss   {miss}")
                for hit in doc[field]["false_hits"]:
                    lines.append(f"  {field:<13} false  {hit}")
    return "\n".join(lines)
