"""The violation taxonomy (event types, categories, standards, term kinds).

Loaded from data/taxonomy.yaml, a verbatim copy of shared/spec/taxonomy.yaml
(a test keeps the two in step).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_PATH = Path(__file__).parent / "data" / "taxonomy.yaml"


@cache
def load() -> dict[str, Any]:
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def event_types() -> dict[str, dict[str, Any]]:
    return load()["types"]


def categories() -> dict[str, str]:
    return load()["categories"]


def term_kinds() -> dict[str, str]:
    return load()["term_kinds"]


def standards_for(event_type: str) -> list[str]:
    return list(event_types().get(event_type, {}).get("standards", []))


def label(event_type: str) -> str:
    return event_types().get(event_type, {}).get("label", event_type)
