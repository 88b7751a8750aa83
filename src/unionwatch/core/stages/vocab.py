"""Vocabularies from data/*.yaml, loaded once and shaped for fast lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=16)
def load_yaml(name: str) -> dict[str, Any]:
    """A data file, parsed once (callers must not change it)."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Vocab:
    honorifics: frozenset[str]
    name_titles: frozenset[str]
    role_titles: frozenset[str]
    role_nouns: frozenset[str]
    function_words: frozenset[str]
    common_words: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    org_keyword_kind: dict[str, str]
    known_orgs: dict[str, tuple[str, str]]  # lower name -> (name, kind)
    org_cue_before: frozenset[str]
    org_cue_after: frozenset[str]
    non_entity_heads: frozenset[str]
    place_cue_before: tuple[str, ...]
    place_cue_after: frozenset[str]
    country_aliases: dict[str, str]  # lower alias -> alpha2
    not_places: frozenset[str]
    currency_by_word: dict[str, str]
    number_words: dict[str, float]
    company_prefixes: frozenset[str]  # case-sensitive: "PT", "JSC"
    locality_prefixes: frozenset[str] = frozenset()  # "Barangay X": the word names a locality
    locality_heads: frozenset[str] = frozenset()  # "X City", "X Island"
    languages: frozenset[str] = frozenset()  # "in Tagalog": not a place
    demonyms: frozenset[str] = frozenset()  # irregular ones: "British", "Filipino"
    non_person_heads: frozenset[str] = frozenset()  # "Governing Body", "X St": never the last word of a name
    kinship_nouns: frozenset[str] = frozenset()  # "his brother X": a relative named by one name


def _lower_set(items: list[Any]) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = load_yaml("vocab.yaml")
    months = {}
    for name in raw["months"]:
        full = [m for m in raw["months"][:12] if m.startswith(name[:3])][0]
        months[name] = raw["months"].index(full) + 1
    org_kind = {}
    for kind, words in raw["org_keywords"].items():
        for word in words or []:
            org_kind[str(word).lower()] = kind
    known = {}
    for kind, names in raw["known_orgs"].items():
        for name in names:
            known[str(name).lower()] = (str(name), kind)
    aliases = {}
    for code, names in raw["country_aliases"].items():
        for name in names:
            aliases[str(name).lower()] = code
    currencies = {}
    for code, words in raw["currencies"].items():
        for word in words:
            currencies[str(word).lower()] = code
    return Vocab(
        honorifics=_lower_set(raw["honorifics"]),
        name_titles=_lower_set(raw["name_titles"]),
        role_titles=_lower_set(raw["role_titles"]),
        role_nouns=_lower_set(raw["role_nouns"]),
        function_words=_lower_set(raw["function_words"]),
        common_words=_lower_set(raw["common_words"]),
        months=months,
        weekdays={d: i for i, d in enumerate(raw["weekdays"])},
        org_keyword_kind=org_kind,
        known_orgs=known,
        org_cue_before=_lower_set(raw["org_cue_before"]),
        org_cue_after=_lower_set(raw["org_cue_after"]),
        non_entity_heads=_lower_set(raw["non_entity_heads"]),
        place_cue_before=tuple(str(c).lower() for c in raw["place_cue_before"]),
        place_cue_after=_lower_set(raw["place_cue_after"]),
        country_aliases=aliases,
        not_places=_lower_set(raw["not_places"]),
        currency_by_word=currencies,
        number_words={str(k).lower(): float(v) for k, v in raw["number_words"].items()},
        company_prefixes=frozenset(str(p) for p in raw.get("company_prefixes") or ()),
        locality_prefixes=_lower_set(raw.get("locality_prefixes") or []),
        locality_heads=_lower_set(raw.get("locality_heads") or []),
        languages=_lower_set(raw.get("languages") or []),
        demonyms=_lower_set(raw.get("demonyms") or []),
        non_person_heads=_lower_set(raw.get("non_person_heads") or []),
        kinship_nouns=_lower_set(raw.get("kinship_nouns") or []),
    )


def alternation(words: list[str] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
