"""Match extracted names against the entities already stored.

A first, conservative resolver: names must match under the scoring fold of the
extraction contract (transliteration, doubled letters, y/i, kh/h ...), and a
known country that differs keeps two entities apart. Every automatic merge is
recorded as a Judgement.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model

from unionwatch.core.names import fold_name as fold
from unionwatch.core.names import names_match
from unionwatch.facts.models import Judgement, Organization, Person, Place


def _candidates(model: type[Model], names: Iterable[str]) -> list[Model]:
    """Stored entities sharing a folded word with any of the names (cheap pre-filter)."""
    words = {w for n in names for w in fold(n).split() if len(w) >= 3}
    if not words:
        return []
    found = []
    for entity in model.objects.all().only("id", "name", "aliases", "country"):
        entity_words = {w for n in entity.all_names() for w in fold(n).split()}
        if words & entity_words:
            found.append(entity)
    return found


def _compatible_country(entity: Model, country: str) -> bool:
    return not (entity.country and country and entity.country != country)


def find_match(model: type[Model], names: list[str], country: str) -> Model | None:
    best = None
    for entity in _candidates(model, names):
        if not _compatible_country(entity, country):
            continue
        # A bare surname is resolved only inside its document, never across the store.
        single = _is_single_word(names) or _is_single_word(entity.all_names())
        if single and not _full_name_overlap(names, entity.all_names()):
            continue
        if any(names_match(a, b) for a in names for b in entity.all_names()):
            best = entity
            break
    return best


def _is_single_word(names: list[str]) -> bool:
    return all(len(n.split()) == 1 for n in names)


def _full_name_overlap(names: list[str], other: list[str]) -> bool:
    return any(fold(a) == fold(b) for a in names for b in other)


def resolve(
    model: type[Model], name: str, aliases: list[str], country: str, document=None, **defaults
) -> Model:
    """Return the stored entity for these names, creating it when nothing matches."""
    names = [name, *aliases]
    entity = find_match(model, names, country)
    if entity is None:
        entity = model.objects.create(name=name, aliases=list(dict.fromkeys(aliases)), country=country, **defaults)
        return entity
    entity = model.objects.get(pk=entity.pk)
    changed = False
    for alias in names:
        changed |= entity.add_alias(alias)
    if not entity.country and country:
        entity.country = country
        changed = True
    if _prefer_as_name(name, entity.name):
        entity.add_alias(entity.name)
        entity.aliases = [a for a in entity.aliases if a != name]
        entity.name = name
        changed = True
    if changed:
        entity.save()
    Judgement.objects.create(
        entity_type=model.__name__.lower(),
        left_id=entity.pk,
        name=name[:300],
        document=document,
        verdict=Judgement.Verdict.POSITIVE,
        reason=f"name {name!r} matched stored {entity.name!r}",
        automatic=True,
    )
    return entity


def _prefer_as_name(new: str, current: str) -> bool:
    """The fullest form becomes the display name."""
    return len(new.split()) > len(current.split())


MODELS = {"person": Person, "organization": Organization, "place": Place}
