"""Match extracted names against the entities already stored.

Each candidate gets a score: the name score of `facts.matching` (transliteration,
acronyms, the organisation alias table), raised or lowered by context (country,
the organisations named in a person's roles). Above `MERGE_AT` the names attach
to the stored entity; between `REVIEW_AT` and `MERGE_AT` a new entity is made and
an "unsure" Judgement puts the pair in the review queue, never merged silently.
A bare surname is matched first inside its own document; across the store it
can only ever reach the review queue. A rejected pair is never proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Model

from unionwatch.core.names import fold_name
from unionwatch.facts.keys import candidates
from unionwatch.facts.matching import (
    best_score,
    is_acronym,
    known_equivalent,
    name_key,
    person_key,
)
from unionwatch.facts.models import Judgement, Organization, Person, Place

MERGE_AT = 0.85
REVIEW_AT = 0.55
# A differing country: a strong sign of two entities. Identical organisation names
# (ILO, ITUC) are international and cross borders, so they are penalised less.
OTHER_COUNTRY = 0.45
OTHER_COUNTRY_SAME_ORG_NAME = 0.1

MODELS = {"person": Person, "organization": Organization, "place": Place}


def kind_of(model: type[Model]) -> str:
    return model.__name__.lower()


@dataclass
class Context:
    """What the document says around a name: its country and the people's organisations."""

    country: str = ""
    roles: list[str] = field(default_factory=list)
    # Organisations resolved in this document, to read roles like "Chair of KNPRK".
    document_orgs: list[Organization] = field(default_factory=list)


@dataclass
class Candidate:
    entity: Model
    score: float
    reasons: list[str]


def _full_names(kind: str, names: list[str]) -> list[str]:
    """For people, the full names when there are any: a bare surname kept as an alias
    ("Karpenko") must not make two full names ("Viktor ...", "Ales ...") look alike."""
    if kind != "person":
        return names
    full = [n for n in names if len(person_key(n).split()) > 1]
    return full or names


def score_candidate(kind: str, names: list[str], entity: Model, context: Context) -> Candidate:
    name_score, mine, theirs = best_score(kind, _full_names(kind, names),
                                          _full_names(kind, entity.all_names()))
    reasons = [f"{mine!r}~{theirs!r} {name_score:.2f}"] if name_score else []
    score = name_score
    if name_score and context.country and entity.country:
        if context.country != entity.country:
            # A full name, or a name of the alias table, crosses borders (ILO); a bare
            # acronym does not (CUT is a Colombian and a Brazilian confederation).
            same_org = kind == "organization" and name_score >= 1.0 and (
                known_equivalent(mine, theirs)
                or not (is_acronym(mine) and is_acronym(theirs)))
            penalty = OTHER_COUNTRY_SAME_ORG_NAME if same_org else OTHER_COUNTRY
            score -= penalty
            reasons.append(f"other country {entity.country} -{penalty}")
        else:
            score += 0.05
            reasons.append("same country +0.05")
    if name_score and kind == "person":
        delta = _role_org_delta(context, getattr(entity, "roles", []))
        if delta:
            score += delta
            reasons.append(f"organisation in roles {delta:+.2f}")
    return Candidate(entity, round(min(score, 1.0), 3), reasons)


def _role_org_delta(context: Context, stored_roles: list[str]) -> float:
    """+0.1 when both role lists name one organisation of this document, -0.1 when
    they name only different ones."""
    mine = _orgs_in_roles(context.roles, context.document_orgs)
    theirs = _orgs_in_roles(stored_roles, context.document_orgs)
    if not mine or not theirs:
        return 0.0
    return 0.1 if mine & theirs else -0.1


def _orgs_in_roles(roles: list[str], orgs: list[Organization]) -> set[int]:
    text = f" {fold_name(' '.join(roles))} "
    if not text.strip():
        return set()
    return {
        org.pk for org in orgs
        if any(f" {fold_name(n)} " in text for n in org.all_names() if fold_name(n))
    }


def _rejected_keys(kind: str, entity_ids: list[int] | None = None) -> dict[int, set[str]]:
    """Per stored entity, the spellings a user said are someone else."""
    rows = Judgement.objects.filter(
        entity_type=kind, verdict=Judgement.Verdict.NEGATIVE, undone_at=None
    )
    if entity_ids is not None:
        # Only the candidates' judgements: uses the (entity_type, left_id) index instead
        # of reading every judgement of the store for each name resolved.
        rows = rows.filter(left_id__in=entity_ids)
    rows = rows.values_list("left_id", "name")
    rejected: dict[int, set[str]] = {}
    for left_id, name in rows:
        if name:
            rejected.setdefault(left_id, set()).add(name_key(name))
    return rejected


def rank(model: type[Model], names: list[str], context: Context) -> list[Candidate]:
    """Stored entities that could be these names, best first."""
    kind = kind_of(model)
    keys = {name_key(n) for n in names}
    # Indexed blocking (facts/keys.py) instead of scoring every stored entity: the
    # full scan made ingest quadratic in the size of the store.
    pool = candidates(model, names)
    rejected = _rejected_keys(kind, [e.pk for e in pool])
    found = []
    for entity in pool:
        candidate = score_candidate(kind, names, entity, context)
        if candidate.score < REVIEW_AT:
            continue
        # A rejected spelling keeps away from this entity, unless it is one of its own
        # names (two namesakes told apart must each still find their own reports).
        own = {name_key(n) for n in entity.all_names()}
        if (keys & rejected.get(entity.pk, set())) - own:
            continue
        found.append(candidate)
    return sorted(found, key=lambda c: (-c.score, c.entity.pk))


def match_local(kind: str, names: list[str], local: dict[str, Model]) -> Model | None:
    """An entity already named in this document: surnames resolve here."""
    hits = {}
    for known, entity in local.items():
        score, _, _ = best_score(kind, names, [known])
        threshold = 0.6 if len(names[0].split()) == 1 or len(known.split()) == 1 else MERGE_AT
        if score >= threshold:
            hits[entity.pk] = entity
    # Two people of one surname in the document: the bare surname is ambiguous.
    return next(iter(hits.values())) if len(hits) == 1 else None


def resolve(
    model: type[Model], name: str, aliases: list[str], country: str, document=None,
    local: dict[str, Model] | None = None, context: Context | None = None, **defaults,
) -> Model:
    """Return the stored entity for these names, creating it when nothing matches."""
    kind = kind_of(model)
    names = list(dict.fromkeys(n for n in [name, *aliases] if n.strip()))
    context = context or Context(country=country)
    context.country = country
    entity = match_local(kind, names, local or {})
    if entity is not None:
        return _attach(model.objects.get(pk=entity.pk), names, country)
    ranked = rank(model, names, context)
    best = ranked[0] if ranked else None
    if best and best.score >= MERGE_AT and not _surname_only(kind, names):
        entity = _attach(model.objects.get(pk=best.entity.pk), names, country)
        _record(kind, entity.pk, None, name, document, Judgement.Verdict.POSITIVE, best)
        return entity
    entity = model.objects.create(
        name=name, aliases=[a for a in names if a != name], country=country, **defaults
    )
    for candidate in ranked[:3]:
        _record(kind, candidate.entity.pk, entity.pk, name, document, Judgement.Verdict.UNSURE,
                candidate)
    return entity


def _surname_only(kind: str, names: list[str]) -> bool:
    return kind == "person" and all(len(n.split()) == 1 for n in names)


def _record(kind, left_id, right_id, name, document, verdict, candidate: Candidate) -> Judgement:
    return Judgement.objects.create(
        entity_type=kind, left_id=left_id, right_id=right_id, name=name[:300], document=document,
        verdict=verdict, score=candidate.score, reason="; ".join(candidate.reasons)[:300],
        automatic=True,
    )


def _attach(entity: Model, names: list[str], country: str) -> Model:
    """Add the new spellings to the entity; the fullest Latin form becomes its name."""
    changed = False
    for alias in names:
        changed |= entity.add_alias(alias)
    if not entity.country and country:
        entity.country = country
        changed = True
    fullest = max(names, key=_display_rank)
    if _display_rank(fullest) > _display_rank(entity.name):
        entity.add_alias(entity.name)
        entity.aliases = [a for a in entity.aliases if a != fullest]
        entity.name = fullest
        changed = True
    if changed:
        entity.save()
    return entity


def _display_rank(name: str) -> tuple[int, int, int]:
    """Latin script first, then more name words (a full name beats a surname or an
    acronym), then fewer titles ("Nursultan Nazarbayev" over "President Nursultan ...")."""
    return (int(name.isascii()), len(person_key(name).split()), -len(name.split()))
