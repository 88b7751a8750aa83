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

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Model
from django.utils import timezone

from unionwatch.core.names import fold_name
from unionwatch.facts.keys import lookup_keys, stored_keys
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


@lru_cache(maxsize=1 << 15)
def _name_score(kind: str, names: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[float, str, str]:
    """`best_score` of two name lists (full names first): pure, and asked again and again
    in a bulk import (the same people in report after report, each scored against the
    same stored candidates), so remembered."""
    best = (0.0, "", "")
    # As `best_score`, pair by pair: an entity that gained an alias is scored again
    # only for the new pairs.
    for a in _full_names(kind, list(names)):
        for b in _full_names(kind, list(theirs)):
            score = _pair_score(kind, a, b)
            if score > best[0]:
                best = (score, a, b)
    return best


@lru_cache(maxsize=1 << 17)
def _pair_score(kind: str, a: str, b: str) -> float:
    return best_score(kind, [a], [b])[0]


def score_candidate(kind: str, names: list[str], entity: Model, context: Context) -> Candidate:
    name_score, mine, theirs = _name_score(kind, tuple(names), tuple(entity.all_names()))
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
    # By identity, not pk: organisations new in this batch have no id yet.
    return {
        id(org) for org in orgs
        if any(f" {fold_name(n)} " in text for n in org.all_names() if fold_name(n))
    }


@lru_cache(maxsize=1 << 15)
def _local_score(kind: str, names: tuple[str, ...], known: str) -> float:
    """`best_score` against one name of the document, remembered like `_name_score`."""
    return best_score(kind, list(names), [known])[0]


def match_local(kind: str, names: list[str], local: dict[str, Model]) -> Model | None:
    """An entity already named in this document: surnames resolve here."""
    hits = {}
    key = tuple(names)
    for known, entity in local.items():
        score = _local_score(kind, key, known)
        threshold = 0.6 if len(names[0].split()) == 1 or len(known.split()) == 1 else MERGE_AT
        if score >= threshold:
            hits[id(entity)] = entity  # new entities of this batch have no id yet
    # Two people of one surname in the document: the bare surname is ambiguous.
    return next(iter(hits.values())) if len(hits) == 1 else None


class Resolver:
    """Entity resolution for one store session (a batch of documents).

    Candidates come from the NameKey index as before, but read with one `IN` query per
    kind for every name of the batch (`prefetch`) and then kept in memory together with
    the entities created or renamed since, so a name costs no query. Each stored entity
    is loaded once (an identity map), so every document of the batch sees the changes of
    the ones before it exactly as if each had been written at once. New entities,
    changes and judgements are written in bulk by `flush`.
    """

    def __init__(self) -> None:
        self.loaded: dict[tuple[str, int], Model] = {}
        self.index: dict[str, dict[str, dict[int, Model]]] = defaultdict(lambda: defaultdict(dict))
        self.covered: dict[str, set[str]] = defaultdict(set)
        self.rejected: dict[tuple[str, int], set[str]] = {}
        self.created: list[Model] = []
        self.changed: dict[int, Model] = {}
        self.renamed: dict[int, Model] = {}
        self.judgements: list[tuple] = []
        self.serial: dict[int, int] = {}

    # --- reading ---------------------------------------------------------------------

    def prefetch(self, model: type[Model], name_lists: Iterable[list[str]]) -> None:
        """Read the candidates of all these names at once (one query per chunk of keys)."""
        kind = kind_of(model)
        keys: set[str] = set()
        for names in name_lists:
            keys |= lookup_keys(kind, names)
        self._load_keys(model, keys - self.covered[kind])

    def _load_keys(self, model: type[Model], keys: set[str]) -> None:
        # Plain SQL (`store.read_rows`, `store.select`): this runs for every batch and
        # for names the prefetch did not cover, and the ORM's query building cost more
        # than the queries.
        from unionwatch.facts.store import quoted, select
        from unionwatch.search.models import NameKey

        if not keys:
            return
        kind = kind_of(model)
        q = quoted(NameKey)
        rows: list[tuple[str, int]] = []
        for chunk in _chunks(sorted(keys)):
            rows += select(NameKey, f"SELECT {q['key']}, {q['entity_id']} FROM {q['']} "
                                    f"WHERE {q['kind']} = %s AND {q['key']} IN ({marks(chunk)})",
                           [kind, *chunk])
        self._load_entities(model, {pk for _, pk in rows})
        for key, pk in rows:
            entity = self.loaded.get((kind, pk))
            if entity is not None:
                self.index[kind][key][id(entity)] = entity
        self.covered[kind] |= keys

    def _load_entities(self, model: type[Model], ids: set[int]) -> None:
        from unionwatch.facts.store import as_object, quoted, read_rows, select

        kind = kind_of(model)
        missing = sorted(pk for pk in ids if (kind, pk) not in self.loaded)
        q, j = quoted(model), quoted(Judgement)
        for chunk in _chunks(missing):
            for _, values in read_rows(model, f"WHERE {q['id']} IN ({marks(chunk)})", chunk):
                entity = as_object(model, values)
                self.loaded[(kind, entity.pk)] = entity
                self.rejected[(kind, entity.pk)] = set()
            rows = select(Judgement, f"SELECT {j['left_id']}, {j['name']} FROM {j['']} "
                                     f"WHERE {j['entity_type']} = %s AND {j['verdict']} = %s "
                                     f"AND {j['undone_at']} IS NULL AND {j['left_id']} IN "
                                     f"({marks(chunk)})",
                          [kind, Judgement.Verdict.NEGATIVE.value, *chunk])
            for left_id, name in rows:
                if name and (kind, left_id) in self.rejected:
                    self.rejected[(kind, left_id)].add(name_key(name))

    def order(self, entity: Model) -> tuple[int, int]:
        """Creation order: stored rows by id, then this session's new rows as made."""
        return (0, entity.pk) if entity.pk is not None else (1, self.serial.get(id(entity), 0))

    def candidates(self, model: type[Model], names: list[str]) -> list[Model]:
        """Entities sharing a blocking key with `names`, stored or new in this session."""
        kind = kind_of(model)
        keys = lookup_keys(kind, names)
        self._load_keys(model, keys - self.covered[kind])
        found: dict[int, Model] = {}
        for key in keys:
            found.update(self.index[kind].get(key, {}))
        return sorted(found.values(), key=self.order)

    def rank(self, model: type[Model], names: list[str], context: Context) -> list[Candidate]:
        """Stored entities that could be these names, best first."""
        kind = kind_of(model)
        keys = {name_key(n) for n in names}
        found = []
        for entity in self.candidates(model, names):
            candidate = score_candidate(kind, names, entity, context)
            if candidate.score < REVIEW_AT:
                continue
            # A rejected spelling keeps away from this entity, unless it is one of its own
            # names (two namesakes told apart must each still find their own reports).
            rejected = self.rejected.get((kind, entity.pk), set()) if entity.pk else set()
            own = {name_key(n) for n in entity.all_names()}
            if (keys & rejected) - own:
                continue
            found.append(candidate)
        return sorted(found, key=lambda c: (-c.score, self.order(c.entity)))

    # --- resolving -------------------------------------------------------------------

    def resolve(self, model: type[Model], name: str, aliases: list[str], country: str,
                document=None, local: dict[str, Model] | None = None,
                context: Context | None = None, **defaults) -> Model:
        """The entity for these names, made (in memory) when nothing matches."""
        kind = kind_of(model)
        names = list(dict.fromkeys(n for n in [name, *aliases] if n.strip()))
        context = context or Context(country=country)
        context.country = country
        entity = match_local(kind, names, local or {})
        if entity is not None:
            return self._attach(entity, names, country)
        ranked = self.rank(model, names, context)
        best = ranked[0] if ranked else None
        if best and best.score >= MERGE_AT and not _surname_only(kind, names):
            entity = self._attach(best.entity, names, country)
            self._record(kind, entity, None, name, document, Judgement.Verdict.POSITIVE, best)
            return entity
        entity = model(name=name, aliases=[a for a in names if a != name], country=country,
                       **defaults)
        self.serial[id(entity)] = len(self.serial)
        self.created.append(entity)
        self._index(kind, entity)
        for candidate in ranked[:3]:
            self._record(kind, candidate.entity, entity, name, document,
                         Judgement.Verdict.UNSURE, candidate)
        return entity

    def _index(self, kind: str, entity: Model) -> None:
        for key in stored_keys(kind, entity.all_names()):
            self.index[kind][key][id(entity)] = entity

    def touch(self, entity: Model) -> None:
        """`entity` changed in memory: written by `flush`."""
        if entity.pk is not None:
            self.changed[id(entity)] = entity

    def _attach(self, entity: Model, names: list[str], country: str) -> Model:
        if attach_names(entity, names, country):
            self.touch(entity)
            self._index(kind_of(type(entity)), entity)
            if entity.pk is not None:
                self.renamed[id(entity)] = entity
        return entity

    def _record(self, kind, left, right, name, document, verdict, candidate: Candidate) -> None:
        self.judgements.append((kind, left, right, name, document, verdict, candidate))

    # --- writing ---------------------------------------------------------------------

    def flush(self) -> list[Model | WrittenJudgement]:
        """Write new entities, changes, judgements and name keys; returns the new rows
        (for the audit log).

        New rows go in as prepared rows (`store.insert_objects`, `store.insert_rows`):
        a batch makes thousands of name keys and judgements, and `bulk_create`'s
        per-value preparation cost more than the resolution itself."""
        from unionwatch.facts.store import insert_objects, insert_rows
        from unionwatch.search.models import NameKey

        now = timezone.now()
        for model in MODELS.values():
            insert_objects([e for e in self.created if type(e) is model], now)
            changed = [e for e in self.changed.values() if type(e) is model]
            for entity in changed:
                entity.updated = now
            fields = ["name", "aliases", "country", "updated"]
            fields += ["roles", "protected"] if model is Person else []
            model.objects.bulk_update(changed, fields, batch_size=500)
        renamed = list(self.renamed.values())
        for kind in MODELS:
            ids = [e.pk for e in renamed if kind_of(type(e)) == kind]
            for chunk in _chunks(ids):
                NameKey.objects.filter(kind=kind, entity_id__in=chunk).delete()
        insert_rows(NameKey, ["kind", "entity_id", "key"], [
            (kind_of(type(e)), e.pk, k) for e in [*self.created, *renamed]
            for k in sorted(stored_keys(kind_of(type(e)), e.all_names()))])
        return [*self.created, *self._write_judgements(now)]

    def _write_judgements(self, now) -> list[WrittenJudgement]:
        """One judgement per resolved name (thousands per batch), written as prepared
        rows; what is returned is what the audit log reads of each."""
        from unionwatch.facts.store import insert_rows

        rows = []
        for kind, left, right, name, document, verdict, candidate in self.judgements:
            if document is not None and document.pk is None:
                raise ValueError("Judgement.document: the related row is not saved")
            rows.append((kind, left.pk, right.pk if right else None, name[:300],
                         document.pk if document is not None else None, verdict,
                         candidate.score, "; ".join(candidate.reasons)[:300], True, now, {}))
        ids = insert_rows(Judgement, _JUDGEMENT_COLUMNS, rows, returning=True)
        return [WrittenJudgement(pk, *row[:3], row[5]) for pk, row in zip(ids, rows, strict=True)]


_JUDGEMENT_COLUMNS = ["entity_type", "left_id", "right_id", "name", "document_id", "verdict",
                      "score", "reason", "automatic", "created", "data"]


class WrittenJudgement:
    """A judgement row as written by `Resolver.flush`: its id and what its `__str__`
    (the audit log's description of it) reads, without a model instance."""

    __slots__ = ("pk", "entity_type", "left_id", "right_id", "verdict")
    _meta = Judgement._meta
    __str__ = Judgement.__str__

    def __init__(self, pk: int, entity_type: str, left_id: int, right_id: int | None,
                 verdict: str) -> None:
        self.pk, self.entity_type, self.left_id = pk, entity_type, left_id
        self.right_id, self.verdict = right_id, verdict


def marks(values: Sized) -> str:
    """Placeholders for the values of an `IN (...)` list."""
    return ", ".join(["%s"] * len(values))


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def resolve(model: type[Model], name: str, aliases: list[str], country: str, document=None,
            local: dict[str, Model] | None = None, context: Context | None = None,
            **defaults) -> Model:
    """Resolve one name and write the result now (outside a store session)."""
    resolver = Resolver()
    entity = resolver.resolve(model, name, aliases, country, document, local, context, **defaults)
    resolver.flush()
    return entity


def _surname_only(kind: str, names: list[str]) -> bool:
    return kind == "person" and all(len(n.split()) == 1 for n in names)


def attach_names(entity: Model, names: list[str], country: str) -> bool:
    """Add the new spellings to the entity; the fullest Latin form becomes its name.
    Returns whether anything changed."""
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
    return changed


def _display_rank(name: str) -> tuple[int, int, int]:
    """Latin script first, then more name words (a full name beats a surname or an
    acronym), then fewer titles ("Nursultan Nazarbayev" over "President Nursultan ...")."""
    return (int(name.isascii()), len(person_key(name).split()), -len(name.split()))
