"""Store documents' extractions as entities and facts, each with its evidence.

A `StoreSession` is a unit of work for a batch of documents: entity resolution and
the merging of reports of one incident run in memory, against what the store held
(read with a few set-based queries: one `IN` query per table rather than one per
mention) plus what the batch's earlier documents added. The rows are then written
with a handful of statements per batch. Each document is processed exactly as if the
ones before it had been written, so the merge rules are those of one-document-at-a-time
storing.

Ingest stores a hundred rows per document, so the hot tables (evidence, events, claims,
audit entries) are written as prepared rows (`insert_rows`, `insert_objects`) rather than
through `bulk_create`, whose per-value preparation cost more than everything else the
store does; evidence quotes can arrive sealed from the extraction worker (`seal_quotes`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pycountry
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router
from django.db.models import Model
from django.db.models.constants import OnConflict
from django.utils import timezone

from unionwatch.core import types as core
from unionwatch.core.names import fold_name as fold
from unionwatch.core.names import names_match
from unionwatch.documents.crypto import Sealed, SealedTextField, prepare_sealed, seal_str
from unionwatch.documents.models import Document
from unionwatch.facts.conflicts import close_dates, conflicting, dates_compatible
from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Organization,
    Person,
    Place,
    Term,
    Upcoming,
    ValueClaim,
)
from unionwatch.facts.resolve import Context, Resolver, _chunks, marks

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s|\n\s*\n")
_VICTIMS = {Person: "victim_persons", Organization: "victim_organizations"}


def _first_by_date(facts: list, date_text: str):
    """The first fact whose date agrees with `date_text`, else the first with a close date."""
    for fact in facts:
        if dates_compatible(fact.date_text, date_text):
            return fact
    for fact in facts:
        if close_dates(fact.date_text, date_text):
            return fact
    return None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence containing [start, end)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    return left, min(right, len(text))


@dataclass
class DocumentEntities:
    """Names seen in one document, mapped to the stored entities they resolved to."""

    persons: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)

    def lookup(self, name: str) -> Model | None:
        for table in (self.persons, self.organizations):
            if name in table:
                return table[name]
        for table in (self.persons, self.organizations):
            for known, entity in table.items():
                if names_match(known, name):
                    return entity
        return None

    def persons_in(self, text: str) -> list[Person]:
        folded = f" {fold(text)} "
        found: list[Person] = []
        for known, person in self.persons.items():
            if f" {fold(known)} " in folded and not any(p is person for p in found):
                found.append(person)
        return found


def store_extraction(document: Document, extraction: core.Extraction) -> DocumentEntities:
    """Store one document's facts now (a session of one document)."""
    session = StoreSession()
    seen = session.add(document, extraction)
    session.flush()
    return seen


class StoreSession:
    """Facts of a batch of documents, merged in memory and written by `flush`."""

    def __init__(self) -> None:
        self.resolver = Resolver()
        self.new: dict[type, list[Model]] = defaultdict(list)
        self.changed: dict[int, Model] = {}
        self.evidence: list[tuple[Model, Evidence]] = []
        self.claims: list[tuple[Model, str, str, Evidence]] = []
        self.victim_links: dict[tuple[int, int], tuple[Event, Model]] = {}
        # Facts per entity (by identity), read once from the store and kept current.
        self.events_of: dict[int, dict[int, Event]] = defaultdict(dict)
        self.decisions_of: dict[int, list[CourtDecision]] = defaultdict(list)
        self.upcoming_of: dict[tuple[int, str], list[Upcoming]] = defaultdict(list)
        self.terms_of: dict[int, list[Term]] = defaultdict(list)
        self.loaded: set[tuple[str, int]] = set()
        # Event types whose stored events are read, per stored entity (by kind and id).
        self.event_types: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.events: dict[int, Event] = {}
        self.serial: dict[int, int] = {}
        self.quotes: dict[int, QuoteBook] = {}  # by id(document): quotes sealed in advance

    # --- adding documents ----------------------------------------------------------------

    def prefetch(self, extractions: Iterable[core.Extraction]) -> None:
        """Read the candidates of every name of these extractions at once."""
        extractions = list(extractions)
        self.resolver.prefetch(Organization, (_names(o) for x in extractions for o in x.organizations))
        self.resolver.prefetch(Person, [*(_names(p) for x in extractions for p in x.persons),
                                        *([d.defendant] for x in extractions for d in x.court_decisions)])
        self.resolver.prefetch(Place, ([p.name] for x in extractions for p in x.places))

    def add(self, document: Document, extraction: core.Extraction,
            quotes: QuoteBook | None = None) -> DocumentEntities:
        """Resolve and merge one document's facts in memory. `quotes`: this document's
        evidence quotes sealed in advance (`seal_quotes`), taken instead of sealing here."""
        seen = DocumentEntities()
        if quotes:
            self.quotes[id(document)] = quotes
        country = document.country
        for org in extraction.organizations:
            self._store_entity(Organization, org, document, seen.organizations, Context(country),
                               kind=org.kind)
        document_orgs = list({id(o): o for o in seen.organizations.values()}.values())
        # Full names first, so a bare surname later in the list finds its person in this document.
        for person in sorted(extraction.persons, key=lambda p: len(p.name.split()) == 1):
            roles = [*person.roles, *([person.relation] if person.relation else [])]
            context = Context(country, roles=roles, document_orgs=document_orgs)
            self._store_entity(Person, person, document, seen.persons, context, roles=roles,
                               protected=bool(person.relation))
        for place in extraction.places:
            self._store_place(place, document, seen)
        types = {e.type for e in extraction.events}
        if extraction.court_decisions:
            types.add("sentencing")  # a new decision is tied to the latest sentencing
        self._load_facts([*seen.persons.values(), *seen.organizations.values()], types)
        for event in extraction.events:
            self._store_event(event, document, seen)
        for decision in extraction.court_decisions:
            self._store_decision(decision, document, seen)
        for item in extraction.upcoming:
            self._store_upcoming(item, document, seen, extraction)
        return seen

    def _store_entity(self, model, item, document, table, context: Context, **extra) -> Model:
        defaults = {k: v for k, v in extra.items() if k != "roles"}
        entity = self.resolver.resolve(model, item.name, list(item.aliases), context.country,
                                       document=document, local=table, context=context, **defaults)
        roles = extra.get("roles") or []
        if roles:
            merged = list(dict.fromkeys([*entity.roles, *roles]))
            protected = entity.protected or bool(extra.get("protected"))
            if merged != entity.roles or protected != entity.protected:
                entity.roles, entity.protected = merged, protected
                self.resolver.touch(entity)
        for start, end in item.mentions:
            self.add_evidence(entity, document, start, end, "mention")
        for name in [item.name, *item.aliases]:
            table[name] = entity
        return entity

    def _store_place(self, place: core.Place, document: Document, seen: DocumentEntities) -> None:
        country = _place_country(place, document)
        entity = self.resolver.resolve(Place, place.name, [], country, document=document,
                                       local=seen.places, kind=place.kind,
                                       country_code=place.country_code)
        for start, end in place.mentions:
            self.add_evidence(entity, document, start, end, "mention")
        seen.places[place.name] = entity

    def add_evidence(self, fact: Model, document: Document, start: int, end: int, role: str,
                     sentence: str = "", confidence: float = 1.0) -> Quote:
        prepared = self.quotes.get(id(document), {}).get((start, end, sentence))
        if prepared:
            sentence, value = map(Sealed, prepared.pop())
        else:
            sentence, value = quote_text(document.text, start, end, sentence)
        evidence = Quote(document, role, start, end, sentence, value, confidence)
        self.evidence.append((fact, evidence))
        return evidence

    def record_claim(self, fact: Model, field: str, value: str | None, evidence: Quote) -> None:
        """Keep this source's value; the conflict flag is refreshed by `flush`."""
        if value:
            self.claims.append((fact, field, str(value)[:100], evidence))

    # --- facts already stored ----------------------------------------------------------

    def _order(self, row: Model) -> tuple[int, int]:
        """Stored rows by id, then this session's new rows in the order they were made."""
        return (0, row.pk) if row.pk is not None else (1, self.serial[id(row)])

    def _new(self, row: Model) -> Model:
        self.serial[id(row)] = len(self.serial)
        self.new[type(row)].append(row)
        return row

    def _touch(self, row: Model) -> None:
        if row.pk is not None:
            self.changed[id(row)] = row

    def _load_facts(self, entities: list[Model], types: Iterable[str] = (),
                    decisions: bool = False, upcoming: bool = False) -> None:
        """What these stored entities already have, as far as this document needs it:
        their events of these types (events only ever merge with one of their own type),
        and a person's decisions with their terms, and hearings. A few `IN` queries for
        all of them; each part once per session.

        An entity reported on again and again has hundreds of events: reading only the
        types a document speaks of keeps the cost from growing with the store."""
        types = set(types)
        todo: dict[type, dict[int, Model]] = defaultdict(dict)
        wanted: set[str] = set()
        for entity in entities:
            if entity.pk is None:
                continue
            known = self.event_types[(type(entity).__name__, entity.pk)]
            if types - known:
                wanted |= types - known
                known |= types
                todo[type(entity)][entity.pk] = entity
        for model, by_pk in todo.items():
            self._load_events(model, by_pk, wanted)
        persons = {e.pk: e for e in entities if isinstance(e, Person) and e.pk is not None}
        if decisions:
            self._load_decisions(self._first_time("decisions", persons))
        if upcoming:
            first = self._first_time("upcoming", persons)
            q = quoted(Upcoming)
            rows = read_rows(Upcoming, f"WHERE {q['person_id']} IN ({marks(first)}) "
                                       f"ORDER BY {q['id']}", list(first)) if first else ()
            for _, values in rows:
                row = as_object(Upcoming, values)
                row.person = first[row.person_id]
                self.upcoming_of[(id(row.person), row.date_text)].append(row)

    def _first_time(self, part: str, persons: dict[int, Person]) -> dict[int, Person]:
        """The persons whose `part` is not read yet in this session (now marked read)."""
        first = {pk: p for pk, p in persons.items() if (part, pk) not in self.loaded}
        self.loaded.update((part, pk) for pk in first)
        return first

    def _load_events(self, model: type[Model], by_pk: dict[int, Model], types: set[str]) -> None:
        # More types than an entity needs may be read: what is known already is kept.
        # One statement (links and events joined), read as rows: the ORM's query
        # building cost more than the query, once or twice per document.
        through = getattr(Event, _VICTIMS[model]).through
        column = through._meta.get_field(model.__name__.lower()).column
        event_column = through._meta.get_field("event").column
        for chunk in _chunks(sorted(by_pk)):
            q = quoted(through)
            rows = read_rows(
                Event, f"JOIN {q['']} ON {q[event_column]} = {quoted(Event)['id']} "
                f"WHERE {q[column]} IN ({marks(chunk)}) AND {quoted(Event)['type']} "
                f"IN ({marks(types)})", [*chunk, *sorted(types)], lead=[q[column]])
            for entity_pk, values in rows:
                event = self.events.get(values[0])
                if event is None:
                    event = self.events[values[0]] = as_object(Event, values)
                self.events_of[id(by_pk[entity_pk])][id(event)] = event

    def _load_decisions(self, persons: dict[int, Person]) -> None:
        if not persons:
            return
        q = quoted(CourtDecision)
        decisions = [as_object(CourtDecision, values) for _, values in read_rows(
            CourtDecision, f"WHERE {q['defendant_id']} IN ({marks(persons)}) ORDER BY {q['id']}",
            list(persons))]
        for decision in decisions:
            decision.defendant = persons[decision.defendant_id]
            self.decisions_of[id(decision.defendant)].append(decision)
        by_pk = {d.pk: d for d in decisions}
        q = quoted(Term)
        for chunk in _chunks(list(by_pk)):
            for _, values in read_rows(Term, f"WHERE {q['decision_id']} IN ({marks(chunk)}) "
                                             f"ORDER BY {q['id']}", chunk):
                term = as_object(Term, values)
                self.terms_of[id(by_pk[term.decision_id])].append(term)

    def _load_unattached(self, date_text: str) -> None:
        """Hearings naming nobody, for one date."""
        if ("unattached", date_text) in self.loaded:
            return
        self.loaded.add(("unattached", date_text))
        self.upcoming_of[(0, date_text)] += list(
            Upcoming.objects.filter(person=None, date_text=date_text).order_by("id"))

    # --- events, decisions, hearings -----------------------------------------------------

    def find_same_event(self, type_: str, date_text: str, persons, orgs) -> Event | None:
        """An event already stored for the same incident: same type, shared victim, and a
        compatible date, else a date a few days off (kept as a flagged conflict)."""
        if not persons and not orgs:
            return None
        pool: dict[int, Event] = {}
        for victim in persons or orgs:
            pool.update(self.events_of[id(victim)])
        candidates = sorted((e for e in pool.values() if e.type == type_), key=self._order)
        return _first_by_date(candidates, date_text)

    def _store_event(self, item: core.Event, document: Document, seen: DocumentEntities) -> Event:
        persons, orgs = _victims(item.victims, seen)
        event = self.find_same_event(item.type, item.date or "", persons, orgs)
        if event is None:
            event = Event(type=item.type, perpetrators=list(item.perpetrators),
                          confidence=item.confidence)
            event.set_date(item.date, item.date_precision)
            if item.place and item.place in seen.places:
                event.place = seen.places[item.place]
            self._new(event)
        elif _update_event(event, item, seen):
            self._touch(event)
        if _targets_family(item, persons) and not event.family_targeted:
            event.family_targeted = True
            self._touch(event)
        for victim in [*persons, *orgs]:
            self.victim_links[(id(event), id(victim))] = (event, victim)
            self.events_of[id(victim)][id(event)] = event
        evidence = self.add_evidence(event, document, item.span[0], item.span[1], "statement",
                                     sentence=item.evidence, confidence=item.confidence)
        self.record_claim(event, "date", item.date, evidence)
        return event

    def _store_decision(self, item: core.CourtDecision, document: Document,
                        seen: DocumentEntities) -> None:
        defendant = seen.lookup(item.defendant)
        if not isinstance(defendant, Person):
            inner = seen.persons_in(item.defendant)
            if not inner:
                defendant = self.resolver.resolve(Person, item.defendant, [], document.country,
                                                  document=document, local=seen.persons)
            else:
                defendant = inner[0]
        self._load_facts([defendant], {"sentencing"}, decisions=True)
        court = seen.organizations.get(item.court or "") if item.court else None
        decision = self._find_same_decision(defendant, item.date or "")
        if decision is None:
            decision = CourtDecision(defendant=defendant, court=court, court_name=item.court or "")
            decision.set_date(item.date, item.date_precision)
            decision.event = self._latest_sentencing(defendant)
            self._new(decision)
            self.decisions_of[id(defendant)].append(decision)
        elif _more_precise(item.date, decision.date_text) or (court and not decision.court_id
                                                              and decision.court is None):
            if _more_precise(item.date, decision.date_text):
                decision.set_date(item.date, item.date_precision)
            decision.court = decision.court or court
            decision.court_name = decision.court_name or item.court or ""
            self._touch(decision)
        evidence = self.add_evidence(decision, document, item.span[0], item.span[1], "statement",
                                     sentence=item.evidence)
        self.record_claim(decision, "date", item.date, evidence)
        self._store_terms(decision, item, evidence)

    def _store_terms(self, decision: CourtDecision, item: core.CourtDecision,
                     evidence: Quote) -> None:
        terms = self.terms_of[id(decision)]
        known = {(t.kind, t.unit, t.currency, _months(t.amount, t.unit)) for t in terms}
        kinds = {t.kind for t in terms}
        for term in item.terms:
            amount = Decimal(str(term.amount)) if term.amount is not None else None
            key = (term.kind, term.unit or "", term.currency or "", _months(amount, term.unit))
            self.record_claim(decision, f"term:{term.kind}", _term_value(amount, term), evidence)
            if key in known or term.kind in kinds:
                # Another length for a term already stored: kept as a claim, flagged.
                continue
            known.add(key)
            kinds.add(term.kind)
            terms.append(self._new(Term(decision=decision, kind=term.kind, amount=amount,
                                        unit=term.unit or "", currency=term.currency or "",
                                        note=term.note[:300])))

    def _latest_sentencing(self, defendant: Person) -> Event | None:
        sentencing = [e for e in self.events_of[id(defendant)].values() if e.type == "sentencing"]
        return max(sentencing, key=self._order) if sentencing else None

    def _find_same_decision(self, defendant: Person, date_text: str) -> CourtDecision | None:
        return _first_by_date(sorted(self.decisions_of[id(defendant)], key=self._order), date_text)

    def _store_upcoming(self, item: core.Upcoming, document: Document, seen: DocumentEntities,
                        extraction: core.Extraction) -> None:
        person = _upcoming_person(item, seen, extraction)
        date_text = item.date or ""
        if person is None:
            self._load_unattached(date_text)
        else:
            self._load_facts([person], upcoming=True)
        rows = self.upcoming_of[(id(person) if person is not None else 0, date_text)]
        existing = min(rows, key=self._order) if rows else None
        if existing is None:
            existing = Upcoming(what=item.what[:300], person=person, kind=_upcoming_kind(item.what))
            existing.set_date(item.date, item.date_precision)
            rows.append(self._new(existing))
        self.add_evidence(existing, document, item.span[0], item.span[1], "statement",
                          sentence=item.evidence)

    # --- writing -------------------------------------------------------------------------

    def flush(self, audited: Sequence[Model] = ()) -> None:
        """Write everything this session made or changed: a few statements per table.
        `audited`: rows the caller created in this transaction (the documents), logged
        as created before the facts."""
        now = timezone.now()
        created = [*audited, *self.resolver.flush()]
        changed = [*self.resolver.changed.values()]
        for model, fields in _UPDATED_FIELDS.items():
            created += insert_objects(self.new[model], now)
            if model is Event:
                self._write_victims()
            rows = [r for r in self.changed.values() if type(r) is model]
            for row in rows:
                row.updated = now
            model.objects.bulk_update(rows, fields, batch_size=500)
            changed += rows
        created += insert_objects(self.new[Term], now)
        created += insert_objects(self.new[Upcoming], now)
        cts = ContentType.objects.get_for_models(*{type(f) for f, _ in self.evidence})
        self._write_evidence(cts, now)
        insert_rows(ValueClaim, ["content_type_id", "object_id", "field", "value", "evidence_id"], [
            (cts[type(fact)].pk, fact.pk, name, value, evidence.pk)
            for fact, name, value, evidence in self.claims])
        changed += self._refresh_conflicts(cts, now)
        _audit(created, changed, now)

    def _write_evidence(self, cts: dict, now) -> None:
        # Ids are read back only when claims point at the rows.
        rows = [(cts[type(fact)].pk, fact.pk, e.document.pk, e.role, e.start, e.end, e.sentence,
                 e.value, e.confidence, now) for fact, e in self.evidence]
        ids = insert_rows(Evidence, _EVIDENCE_COLUMNS, rows, returning=bool(self.claims))
        for (_fact, evidence), pk in zip(self.evidence, ids, strict=False):
            evidence.pk = pk

    def _write_victims(self) -> None:
        for model, relation in _VICTIMS.items():
            through = getattr(Event, relation).through
            column = f"{model.__name__.lower()}_id"
            insert_rows(through, ["event_id", column], [
                (event.pk, victim.pk) for event, victim in self.victim_links.values()
                if type(victim) is model], ignore_conflicts=True)

    def _refresh_conflicts(self, cts: dict, now) -> list[Model]:
        """Set the `conflicted` flag of every fact that got a claim, from all its claims
        (one query per kind of fact)."""
        facts: dict[type, dict[int, Model]] = defaultdict(dict)
        for fact, *_ in self.claims:
            facts[type(fact)][fact.pk] = fact
        flipped: list[Model] = []
        for model, by_pk in facts.items():
            values: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
            for chunk in _chunks(list(by_pk)):
                rows = ValueClaim.objects.filter(content_type=cts[model], object_id__in=chunk)
                for pk, name, value in rows.values_list("object_id", "field", "value").distinct():
                    values[pk][name].add(value)
            rows = [f for pk, f in by_pk.items() if conflicting(values[pk]) != f.conflicted]
            for fact in rows:
                fact.conflicted, fact.updated = not fact.conflicted, now
            model.objects.bulk_update(rows, ["conflicted", "updated"], batch_size=500)
            flipped += rows
        return flipped


_UPDATED_FIELDS: dict[type, list[str]] = {
    Event: ["date", "date_text", "date_precision", "perpetrators", "confidence", "place",
            "family_targeted", "updated"],
    CourtDecision: ["date", "date_text", "date_precision", "court", "court_name", "updated"],
}


_EVIDENCE_COLUMNS = ["content_type_id", "object_id", "document_id", "role", "start", "end",
                     "sentence", "value", "confidence", "created"]


def _audit(created: list[Model], changed: list[Model], now=None) -> None:
    """One audit entry per created or changed row of an audited model, written in bulk
    (what the save signals write one by one)."""
    from unionwatch.audit.log import AUDITED_MODELS, _actor, _repr
    from unionwatch.audit.models import AuditEntry

    labels = set(AUDITED_MODELS)
    who, actor, ip = _actor(None, None)
    user_id = who.pk if who is not None and who.pk else None
    at = now or timezone.now()

    def entry(action: str, row: Model) -> tuple:
        return (at, user_id, actor[:150], action, row._meta.label_lower[:60], str(row.pk),
                _repr(row), "", ip)

    rows = [entry("create", r) for r in created if r._meta.label in labels]
    seen: set[int] = set()
    for row in changed:
        if row._meta.label in labels and id(row) not in seen:
            seen.add(id(row))
            rows.append(entry("update", row))
    insert_rows(AuditEntry, ["at", "user_id", "actor", "action", "object_type", "object_id",
                             "object_repr", "detail", "ip"], rows)


# --- prepared rows --------------------------------------------------------------------------

# Fields whose value goes to the database as the Python value itself (the ORM's
# preparation only checks its type); any other field goes through its own
# `get_db_prep_save`, so JSON, dates, binary and sealed text are written as the ORM would.
_AS_IS = (models.CharField, models.TextField, models.IntegerField, models.BigIntegerField,
          models.PositiveIntegerField, models.PositiveBigIntegerField, models.SmallIntegerField,
          models.PositiveSmallIntegerField, models.FloatField, models.BooleanField,
          models.AutoField, models.BigAutoField, models.SmallAutoField)
MAX_ROWS_PER_STATEMENT = 500


def _converter(field: models.Field, connection) -> Callable | None:
    target = field.target_field if field.many_to_one else field
    if type(target) in _AS_IS and (field.many_to_one or type(field) in _AS_IS):
        return None
    if type(field) is SealedTextField:
        return prepare_sealed  # sealed here unless sealed already (crypto.Sealed)
    prep = field.get_db_prep_save
    last: list = [object(), None]

    def convert(value):
        if value is not last[0]:  # one timestamp for a whole batch: converted once
            last[0], last[1] = value, prep(value, connection)
        return last[1]
    return convert


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence],
                returning: bool = False, ignore_conflicts: bool = False) -> list[int]:
    """Insert rows given as tuples of Python values in the order of `columns` (field
    attnames), in few statements; returns the new primary keys when `returning`.
    `ignore_conflicts`: a row that breaks a unique constraint is skipped (as
    `bulk_create(ignore_conflicts=True)`; no keys are returned then).

    Portable SQL built by the backend's own operations (Django's connection), so the
    same code runs on SQLite and PostgreSQL. The caller supplies every column the
    ORM would (defaults, timestamps): nothing is filled in here.
    """
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    fields = [meta.get_field(name) for name in columns]  # attnames are looked up too
    rows = _converted(list(rows), [_converter(f, connection) for f in fields])
    if not rows:
        return []
    ops = connection.ops
    conflict = OnConflict.IGNORE if ignore_conflicts else None
    head = (f"{ops.insert_statement(on_conflict=conflict)} {ops.quote_name(meta.db_table)} "
            f"({', '.join(ops.quote_name(f.column) for f in fields)}) ")
    if not returning or ignore_conflicts:
        suffix = ops.on_conflict_suffix_sql(fields, conflict, None, None) if conflict else ""
        with connection.cursor() as cursor:
            cursor.executemany(f"{head}{ops.bulk_insert_sql(fields, [['%s'] * len(fields)])} {suffix}",
                               rows)
        return []
    return _insert_returning(connection, meta, head, fields, rows)


def _converted(rows: list[Sequence], converters: list[Callable | None]) -> list[Sequence]:
    """The rows with their values converted, column by column (no row copied when no
    column needs it)."""
    if not rows or not any(converters):
        return rows
    columns = list(zip(*rows, strict=True))
    for index, convert in enumerate(converters):
        if convert is not None:
            columns[index] = [convert(value) for value in columns[index]]
    return list(zip(*columns, strict=True))


def _insert_returning(connection, meta, head: str, fields: list, rows: list) -> list[int]:
    ops, features = connection.ops, connection.features
    if not features.can_return_rows_from_bulk_insert:
        return _insert_one_by_one(connection, meta, head, fields, rows)
    size = max(1, min(MAX_ROWS_PER_STATEMENT, ops.bulk_batch_size(fields, rows)))
    returning_sql, returning_params = ops.return_insert_columns([meta.pk])
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start:start + size]
            values = ops.bulk_insert_sql(fields, [["%s"] * len(fields)] * len(chunk))
            cursor.execute(f"{head}{values} {returning_sql}",
                           [*(v for row in chunk for v in row), *returning_params])
            ids += [row[0] for row in ops.fetch_returned_insert_rows(cursor)]
    if len(ids) != len(rows):
        raise RuntimeError(f"{meta.label}: {len(rows)} rows written, {len(ids)} ids read back")
    return ids


def _insert_one_by_one(connection, meta, head: str, fields: list, rows: list) -> list[int]:
    """For a backend that cannot return the ids of a multi-row insert."""
    ids: list[int] = []
    values = connection.ops.bulk_insert_sql(fields, [["%s"] * len(fields)])
    with connection.cursor() as cursor:
        for row in rows:
            cursor.execute(head + values, row)
            ids.append(connection.ops.last_insert_id(cursor, meta.db_table, meta.pk.column))
    return ids


def insert_objects(objs: Sequence[Model], now=None) -> list[Model]:
    """Insert new model instances of one model as `bulk_create` would (timestamps, foreign
    keys to rows saved since, primary keys set on them), but as prepared rows. No
    `save()` and no signals, as with `bulk_create`."""
    if not objs:
        return []
    model = type(objs[0])
    now = now or timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]
    stamped = [f.attname for f in fields if getattr(f, "auto_now", False)
               or getattr(f, "auto_now_add", False)]
    relations = [f for f in fields if f.many_to_one]
    for obj in objs:
        for name in stamped:
            setattr(obj, name, now)
        for relation in relations:
            _refresh_foreign_key(obj, relation)
    rows = [tuple(getattr(obj, f.attname) for f in fields) for obj in objs]
    ids = insert_rows(model, [f.attname for f in fields], rows, returning=True)
    db = router.db_for_write(model)
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, db
    return list(objs)


# --- rows read back -------------------------------------------------------------------------


def quoted(model: type[Model]) -> dict[str, str]:
    """The model's columns, qualified and quoted for this backend ('' is the table)."""
    return _QUOTED.get(model) or _QUOTED.setdefault(model, _quote_columns(model))


def _quote_columns(model: type[Model]) -> dict[str, str]:
    qn = connections[router.db_for_read(model)].ops.quote_name
    table = qn(model._meta.db_table)
    return {"": table, **{f.column: f"{table}.{qn(f.column)}" for f in model._meta.concrete_fields}}


_QUOTED: dict[type, dict[str, str]] = {}


def select(model: type[Model], sql: str, params: Sequence) -> list[tuple]:
    """The rows of one plain statement, on the database `model` is read from."""
    with connections[router.db_for_read(model)].cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def read_rows(model: type[Model], tail: str, params: Sequence,
              lead: Sequence[str] = ()) -> list[tuple]:
    """`SELECT <lead>, <model's columns> FROM <model's table> <tail>`: each row as
    (lead values, or the first one alone, raw; the model's values, raw). `as_object`
    makes an instance of the values. For the reads a document makes (its entities'
    facts): the same rows the ORM would read, without building a query each time."""
    connection = connections[router.db_for_read(model)]
    q = quoted(model)
    columns = [*lead, *(q[f.column] for f in model._meta.concrete_fields)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {q['']} {tail}", list(params))
        rows = cursor.fetchall()
    n = len(lead)
    if n == 1:
        return [(row[0], row[1:]) for row in rows]
    return [(row[:n], row[n:]) for row in rows]


def as_object(model: type[Model], values: Sequence) -> Model:
    """An instance of `model` from the raw values of its concrete fields (`read_rows`),
    converted as the ORM converts what it reads (dates, JSON, decimals, sealed text)."""
    db = router.db_for_read(model)
    converters = _CONVERTERS.get((model, db))
    if converters is None:
        converters = _CONVERTERS[(model, db)] = _read_converters(model, connections[db])
    if converters:
        values = list(values)
        connection = connections[db]
        for index, convs, col in converters:
            value = values[index]
            for convert in convs:
                value = convert(value, col, connection)
            values[index] = value
    return model.from_db(db, None, values)


_CONVERTERS: dict[tuple[type, str], list] = {}


def _read_converters(model: type[Model], connection) -> list:
    found = []
    for index, model_field in enumerate(model._meta.concrete_fields):
        col = model_field.get_col(model._meta.db_table)
        convs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        if convs:
            found.append((index, convs, col))
    return found


def _refresh_foreign_key(obj: Model, relation) -> None:
    """A related row saved after it was assigned: take its id now (as `save` does)."""
    related = relation.get_cached_value(obj, None)
    if related is None:
        return
    if related.pk is None:
        raise ValueError(f"{type(obj).__name__}.{relation.name}: the related row is not saved")
    setattr(obj, relation.attname, related.pk)


def _names(item) -> list[str]:
    return list(dict.fromkeys(n for n in [item.name, *item.aliases] if n.strip()))


class Quote:
    """An evidence row before it is written (lighter than a model instance: ingest makes
    forty per document). `sentence` and `value` are clear text, sealed when written, or
    `Sealed` already (by the extraction worker: see `seal_quotes`)."""

    __slots__ = ("document", "role", "start", "end", "sentence", "value", "confidence", "pk")

    def __init__(self, document: Document, role: str, start: int, end: int, sentence: str,
                 value: str, confidence: float) -> None:
        self.document, self.role, self.start, self.end = document, role, start, end
        self.sentence, self.value, self.confidence = sentence, value, confidence
        self.pk: int | None = None


# (start, end, sentence given by the extraction) -> that span's quotes, each
# (sentence, value) sealed: nothing in clear, the main process only writes them. Plain
# `str` through the pipe (cheaper to unpickle), marked `Sealed` when taken.
QuoteBook = dict[tuple[int, int, str], list[tuple[str, str]]]


def quote_text(text: str, start: int, end: int, sentence: str = "") -> tuple[str, str]:
    """The sentence an evidence row quotes (the one given, else the one around the span)
    and the value as written there."""
    if not sentence:
        s_start, s_end = sentence_around(text, start, end)
        sentence = text[s_start:s_end].strip()
    return sentence, text[start:end][:500]


def seal_quotes(text: str, extraction: core.Extraction) -> QuoteBook:
    """Every evidence quote `StoreSession.add` cuts from this document, cut and sealed in
    advance. Pure (no database): runs in the extraction worker processes, so the main
    process, which stores, does not spend its time in encryption. A span `add` asks for
    and does not find here is cut and sealed there as before."""
    spans = [(start, end, "") for items in (extraction.organizations, extraction.persons,
                                            extraction.places)
             for item in items for start, end in item.mentions]
    spans += [(item.span[0], item.span[1], item.evidence)
              for items in (extraction.events, extraction.court_decisions, extraction.upcoming)
              for item in items]
    book: QuoteBook = defaultdict(list)
    for start, end, given in spans:
        sentence, value = quote_text(text, start, end, given)
        book[(start, end, given)].append((seal_str(sentence), seal_str(value)))
    return dict(book)


def add_evidence(fact: Model, document: Document, start: int, end: int, role: str,
                 sentence: str = "", confidence: float = 1.0) -> Evidence:
    """Write one evidence row now (outside a store session)."""
    sentence, value = quote_text(document.text, start, end, sentence)
    evidence = Evidence(document=document, role=role, start=start, end=end, sentence=sentence,
                        value=value, confidence=confidence)
    evidence.fact = fact
    evidence.save()
    return evidence


def _update_event(event: Event, item: core.Event, seen: DocumentEntities) -> bool:
    """Fold a new report into a stored event; returns whether it changed."""
    changed = False
    if _more_precise(item.date, event.date_text):
        event.set_date(item.date, item.date_precision)
        changed = True
    new_perps = [p for p in item.perpetrators if p not in event.perpetrators]
    if new_perps:
        event.perpetrators = [*event.perpetrators, *new_perps]
        changed = True
    if item.confidence > event.confidence:
        event.confidence = item.confidence
        changed = True
    if event.place_id is None and event.place is None and item.place and item.place in seen.places:
        event.place = seen.places[item.place]
        changed = True
    return changed


def _place_country(place: core.Place, document: Document) -> str:
    """The country a place lies in: from its code when known (Brussels named in a letter
    about Kazakhstan is in Belgium), else the document's country."""
    if place.kind == "country":
        return ""
    if place.country_code:
        found = pycountry.countries.get(alpha_2=place.country_code.upper())
        if found is not None:
            return getattr(found, "common_name", None) or found.name
    return document.country


def _victims(names: list[str], seen: DocumentEntities) -> tuple[list[Person], list[Organization]]:
    persons: list[Person] = []
    orgs: list[Organization] = []
    for name in names:
        entity = seen.lookup(name)
        if entity is None:
            # "son of Larisa Kharkova": the unionist named inside the phrase.
            inner = seen.persons_in(name)
            entity = inner[0] if inner else None
        if isinstance(entity, Person) and not any(p is entity for p in persons):
            persons.append(entity)
        elif isinstance(entity, Organization) and not any(o is entity for o in orgs):
            orgs.append(entity)
    return persons, orgs


_FAMILY = re.compile(
    r"\b(son|daughter|wife|husband|relatives?|family|brother|sister|mother|father|child(ren)?|"
    r"spouse|parents?|nephew|niece)\b", re.IGNORECASE)


def _targets_family(item: core.Event, persons: list[Person]) -> bool:
    return (item.type == "intimidation_of_family"
            or any(_FAMILY.search(v) for v in item.victims)
            or any(p.protected for p in persons))


def _more_precise(new: str | None, old: str) -> bool:
    if not new:
        return False
    if not old:
        return True
    return len(new) > len(old) and new.startswith(old)


def _term_value(amount: Decimal | None, term: core.Term) -> str:
    if term.unit == "life":
        return "life"
    number = f"{amount.normalize():f}" if amount is not None else "?"
    return f"{number} {term.currency or term.unit or ''}".strip()


def _months(amount, unit) -> Decimal | None:
    if amount is None:
        return None
    amount = Decimal(str(amount))
    return amount * 12 if unit == "years" else amount


def _upcoming_kind(what: str) -> str:
    lowered = what.lower()
    if "appeal" in lowered:
        return "appeal"
    if any(w in lowered for w in ("end", "expiry", "expire", "until")):
        return "term_end"
    if "hearing" in lowered or "trial" in lowered or "court" in lowered:
        return "hearing"
    return "deadline"


def _upcoming_person(item: core.Upcoming, seen: DocumentEntities,
                     extraction: core.Extraction) -> Person | None:
    """Who the hearing concerns: named in its sentence, else the document's latest defendant."""
    named = seen.persons_in(item.evidence) or seen.persons_in(item.what)
    if named:
        return named[0]
    for decision in reversed(extraction.court_decisions):
        entity = seen.lookup(decision.defendant)
        if isinstance(entity, Person):
            return entity
    for event in extraction.events:
        persons, _ = _victims(event.victims, seen)
        if persons:
            return persons[0]
    return None
