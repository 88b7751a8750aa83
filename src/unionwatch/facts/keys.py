"""Indexed candidate lookup for entity resolution.

Scoring every stored entity against every new name is quadratic: at 100,000
documents it is the bottleneck of ingest. Instead each entity's names get a few
*blocking keys* in the NameKey table (indexed), and resolution scores only the
entities that share a key with the new names. The keys are chosen so that every
pair `facts.matching` could score at or above the review threshold shares one:

- persons: a two-word name only scores when the surnames are close (ratio ≥ 0.85,
  or the first word of a name written surname-first). So a stored name is keyed by
  its last word ("l:") and first word ("f:"), each with its deletion variants
  (SymSpell-style: two words an edit or two apart share a variant); a new name looks
  up its last word under both prefixes, and its first word under "l:" only (for
  a stored bare surname), never the huge "all Marias" bucket;
- organisations: the whole key, initials (acronyms), each set of words with one
  word left out (near-identical names), and the alias-table group;
- places: the whole key and its one-deletion variants.

Keys are kept current by signals on save and delete (search/apps.py), and rebuilt
by `unionwatch reindex`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from django.db.models import Model

from unionwatch.facts import matching

MAX_KEY = 128
MIN_FUZZY = 4  # "rok" and "rouk" score 0.86: even short words need their variants
MIN_TWO_EDITS = 8


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _variants(word: str) -> set[str]:
    """The word and what is left after one deletion (two for long words, which can be
    two letters apart and still score: "beldelaz" / "beldelaziz" is 0.89)."""
    out = {word}
    if len(word) >= MIN_FUZZY:
        once = _deletions(word)
        out |= once
        if len(word) >= MIN_TWO_EDITS:
            for shorter in once:
                out |= _deletions(shorter)
    return out


def _person_words(name: str) -> list[str]:
    return [w for w in matching.person_key(name).split() if w]


# Keys of one name, kept for the names seen last: ingest asks for the same names again
# and again (prefetch, then resolution, then writing; the same people in report after
# report). A person's name has ~30 keys (~4 KB): the cache stays within ~20 MB.
_CACHED_NAMES = 4096


def stored_keys(kind: str, names: Iterable[str]) -> set[str]:
    """Keys written for a stored entity with these names."""
    keys: set[str] = set()
    for name in names:
        keys |= _stored_keys_of(kind, name)
    return keys


def lookup_keys(kind: str, names: Iterable[str]) -> set[str]:
    """Keys to look up for new names (a subset of what a matching entity stores)."""
    keys: set[str] = set()
    for name in names:
        keys |= _lookup_keys_of(kind, name)
    return keys


@lru_cache(maxsize=_CACHED_NAMES)
def _stored_keys_of(kind: str, name: str) -> frozenset[str]:
    keys: set[str] = set()
    if kind == "person":
        words = _person_words(name)
        if words:
            keys |= {"f:" + v for v in _variants(words[0])}
            keys |= {"l:" + v for v in _variants(words[-1])}
    else:
        keys |= _whole_keys(kind, name)
    return frozenset(k[:MAX_KEY] for k in keys)


@lru_cache(maxsize=_CACHED_NAMES)
def _lookup_keys_of(kind: str, name: str) -> frozenset[str]:
    keys: set[str] = set()
    if kind == "person":
        words = _person_words(name)
        if words:
            last = _variants(words[-1])
            keys |= {"l:" + v for v in last} | {"f:" + v for v in last}
            keys |= {"l:" + v for v in _variants(words[0])}
            if len(words) == 1:
                keys |= {"f:" + v for v in last}
    else:
        keys |= _whole_keys(kind, name)
    return frozenset(k[:MAX_KEY] for k in keys)


def _whole_keys(kind: str, name: str) -> set[str]:
    key = matching.name_key(name)
    if not key:
        return set()
    if kind == "place":
        return {"n:" + v for v in _variants(key)} if len(key) <= 16 else {"n:" + key}
    keys = {"n:" + key}
    if matching.is_acronym(name):
        keys.add("i:" + matching._APOSTROPHES.sub("", name).replace(".", "").upper())
    else:
        letters = matching.initials(name)
        if len(letters) >= 3:
            keys.add("i:" + letters)
        words = sorted(set(key.split()))
        if 2 <= len(words) <= 10:
            keys |= {"t:" + " ".join(words[:i] + words[i + 1:]) for i in range(len(words))}
            keys.add("t:" + " ".join(words))
    group = matching._equivalence_index().get(key)
    if group is not None:
        keys.add(f"e:{group}")
    return keys


def candidates(model: type[Model], names: list[str]) -> list[Model]:
    """Stored entities of `model` sharing a blocking key with any of `names`."""
    from unionwatch.search.models import NameKey

    kind = model.__name__.lower()
    keys = lookup_keys(kind, names)
    if not keys:
        return []
    ids = NameKey.objects.filter(kind=kind, key__in=keys).values("entity_id")
    return list(model.objects.filter(pk__in=ids).order_by("pk"))


def refresh(entity: Model) -> None:
    """Rewrite the keys of one entity (after it was created, renamed or merged)."""
    from unionwatch.search.models import NameKey

    kind = type(entity).__name__.lower()
    NameKey.objects.filter(kind=kind, entity_id=entity.pk).delete()
    NameKey.objects.bulk_create(
        NameKey(kind=kind, entity_id=entity.pk, key=k)
        for k in sorted(stored_keys(kind, entity.all_names()))
    )


def forget(entity: Model) -> None:
    from unionwatch.search.models import NameKey

    NameKey.objects.filter(kind=type(entity).__name__.lower(), entity_id=entity.pk).delete()


def rebuild_all() -> int:
    """Recompute every entity's keys (used by `unionwatch reindex`)."""
    from unionwatch.facts.models import Organization, Person, Place
    from unionwatch.search.models import NameKey

    NameKey.objects.all().delete()
    count = 0
    for model in (Person, Organization, Place):
        kind = model.__name__.lower()
        batch: list[NameKey] = []
        for pk, name, aliases in model.objects.values_list("pk", "name", "aliases").iterator(2000):
            names = [name, *[a for a in (aliases or []) if a != name]]
            batch += [NameKey(kind=kind, entity_id=pk, key=k) for k in sorted(stored_keys(kind, names))]
            if len(batch) >= 5000:
                NameKey.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        NameKey.objects.bulk_create(batch)
        count += len(batch)
    return count
