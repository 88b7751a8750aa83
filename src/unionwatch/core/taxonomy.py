"""The violation taxonomy (data/taxonomy.yaml, a verbatim copy of the shared spec)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_PATH = Path(__file__).parent / "data" / "taxonomy.yaml"


@dataclass(frozen=True)
class ViolationType:
    key: str
    category: str
    label: str
    definition: str
    standards: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    categories: dict[str, str]
    types: dict[str, ViolationType]
    term_kinds: dict[str, str]

    def is_type(self, key: str) -> bool:
        return key in self.types

    def is_term_kind(self, key: str) -> bool:
        return key in self.term_kinds


@lru_cache(maxsize=1)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> Taxonomy:
    """Parse the taxonomy file once."""
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = {
        key: ViolationType(
            key=key,
            category=str(value.get("category", "")),
            label=str(value.get("label", key)),
            definition=str(value.get("definition", "")),
            standards=tuple(value.get("standards") or ()),
            cues=tuple(value.get("cues") or ()),
        )
        for key, value in raw["types"].items()
    }
    return Taxonomy(
        categories={str(k): str(v) for k, v in raw["categories"].items()},
        types=types,
        term_kinds={str(k): str(v) for k, v in raw["term_kinds"].items()},
    )


def event_types() -> list[str]:
    return list(load_taxonomy().types)


def term_kinds() -> list[str]:
    return list(load_taxonomy().term_kinds)
