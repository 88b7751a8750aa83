"""Store one document's extraction as entities and facts, each with its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pycountry
from django.db.models import Model

from unionwatch.core import types as core
from unionwatch.core.names import fold_name as fold
from unionwatch.core.names import names_match
from unionwatch.documents.models import Document
from unionwatch.facts.conflicts import close_dates, dates_compatible, record_claim
from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Organization,
    Person,
    Place,
    Term,
    Upcoming,
)
from unionwatch.facts.resolve import Context, resolve

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s|\n\s*\n")


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
            if f" {fold(known)} " in folded and person not in found:
                found.append(person)
        return found


def add_evidence(fact: Model, document: Document, start: int, end: int, role: str,
                 sentence: str = "", confidence: float = 1.0) -> Evidence:
    if not sentence:
        s_start, s_end = sentence_around(document.text, start, end)
        sentence = document.text[s_start:s_end].strip()
    return Evidence.objects.create(
        fact=fact,
        document=document,
        role=role,
        start=start,
        end=end,
        sentence=sentence,
        value=document.text[start:end][:500],
        confidence=confidence,
    )


def store_extraction(document: Document, extraction: core.Extraction) -> DocumentEntities:
    seen = DocumentEntities()
    country = document.country
    for org in extraction.organizations:
        _store_entity(Organization, org, document, seen.organizations, Context(country),
                      kind=org.kind)
    document_orgs = list({o.pk: o for o in seen.organizations.values()}.values())
    # Full names first, so a bare surname later in the list finds its person in this document.
    for person in sorted(extraction.persons, key=lambda p: len(p.name.split()) == 1):
        roles = [*person.roles, *([person.relation] if person.relation else [])]
        context = Context(country, roles=roles, document_orgs=document_orgs)
        _store_entity(Person, person, document, seen.persons, context, roles=roles,
                      protected=bool(person.relation))
    for place in extraction.places:
        _store_place(place, document, seen)
    for event in extraction.events:
        _store_event(event, document, seen)
    for decision in extraction.court_decisions:
        _store_decision(decision, document, seen)
    for item in extraction.upcoming:
        _store_upcoming(item, document, seen, extraction)
    return seen


def _store_entity(model, item, document, table, context: Context, **extra) -> Model:
    defaults = {k: v for k, v in extra.items() if k != "roles"}
    entity = resolve(model, item.name, list(item.aliases), context.country, document=document,
                     local=table, context=context, **defaults)
    roles = extra.get("roles") or []
    if roles:
        merged = list(dict.fromkeys([*entity.roles, *roles]))
        protected = entity.protected or bool(extra.get("protected"))
        if merged != entity.roles or protected != entity.protected:
            entity.roles, entity.protected = merged, protected
            entity.save(update_fields=["roles", "protected", "updated"])
    for start, end in item.mentions:
        add_evidence(entity, document, start, end, "mention")
    for name in [item.name, *item.aliases]:
        table[name] = entity
    return entity


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


def _store_place(place: core.Place, document: Document, seen: DocumentEntities) -> None:
    country = _place_country(place, document)
    entity = resolve(Place, place.name, [], country, document=document, local=seen.places,
                     kind=place.kind, country_code=place.country_code)
    for start, end in place.mentions:
        add_evidence(entity, document, start, end, "mention")
    seen.places[place.name] = entity


def _victims(names: list[str], seen: DocumentEntities) -> tuple[list[Person], list[Organization]]:
    persons: list[Person] = []
    orgs: list[Organization] = []
    for name in names:
        entity = seen.lookup(name)
        if entity is None:
            # "son of Larisa Kharkova": the unionist named inside the phrase.
            inner = seen.persons_in(name)
            entity = inner[0] if inner else None
        if isinstance(entity, Person) and entity not in persons:
            persons.append(entity)
        elif isinstance(entity, Organization) and entity not in orgs:
            orgs.append(entity)
    return persons, orgs


def find_same_event(type_: str, date_text: str, persons, orgs) -> Event | None:
    """An event already stored for the same incident: same type, shared victim, and a
    compatible date, else a date a few days off (kept as a flagged conflict)."""
    if not persons and not orgs:
        return None
    candidates = Event.objects.filter(type=type_)
    if persons:
        candidates = candidates.filter(victim_persons__in=persons)
    else:
        candidates = candidates.filter(victim_organizations__in=orgs)
    candidates = list(candidates.distinct().order_by("id"))
    for event in candidates:
        if dates_compatible(event.date_text, date_text):
            return event
    for event in candidates:
        if close_dates(event.date_text, date_text):
            return event
    return None


_FAMILY = re.compile(
    r"\b(son|daughter|wife|husband|relatives?|family|brother|sister|mother|father|child(ren)?|"
    r"spouse|parents?|nephew|niece)\b", re.IGNORECASE)


def _targets_family(item: core.Event, persons: list[Person]) -> bool:
    return (item.type == "intimidation_of_family"
            or any(_FAMILY.search(v) for v in item.victims)
            or any(p.protected for p in persons))


def _store_event(item: core.Event, document: Document, seen: DocumentEntities) -> Event:
    persons, orgs = _victims(item.victims, seen)
    event = find_same_event(item.type, item.date or "", persons, orgs)
    if event is None:
        event = Event(type=item.type, perpetrators=list(item.perpetrators), confidence=item.confidence)
        event.set_date(item.date, item.date_precision)
        if item.place and item.place in seen.places:
            event.place = seen.places[item.place]
        event.save()
    else:
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
        if event.place_id is None and item.place and item.place in seen.places:
            event.place = seen.places[item.place]
            changed = True
        if changed:
            event.save()
    if _targets_family(item, persons) and not event.family_targeted:
        event.family_targeted = True
        event.save(update_fields=["family_targeted", "updated"])
    event.victim_persons.add(*persons)
    event.victim_organizations.add(*orgs)
    evidence = add_evidence(event, document, item.span[0], item.span[1], "statement",
                            sentence=item.evidence, confidence=item.confidence)
    record_claim(event, "date", item.date, evidence)
    return event


def _more_precise(new: str | None, old: str) -> bool:
    if not new:
        return False
    if not old:
        return True
    return len(new) > len(old) and new.startswith(old)


def _store_decision(item: core.CourtDecision, document: Document, seen: DocumentEntities) -> None:
    defendant = seen.lookup(item.defendant)
    if not isinstance(defendant, Person):
        inner = seen.persons_in(item.defendant)
        if not inner:
            defendant = resolve(Person, item.defendant, [], document.country, document=document,
                                local=seen.persons)
        else:
            defendant = inner[0]
    court = seen.organizations.get(item.court or "") if item.court else None
    decision = _find_same_decision(defendant, item.date or "")
    if decision is None:
        decision = CourtDecision(defendant=defendant, court=court, court_name=item.court or "")
        decision.set_date(item.date, item.date_precision)
        decision.event = (
            Event.objects.filter(type="sentencing", victim_persons=defendant)
            .order_by("-id")
            .first()
        )
        decision.save()
    elif _more_precise(item.date, decision.date_text) or (court and not decision.court_id):
        if _more_precise(item.date, decision.date_text):
            decision.set_date(item.date, item.date_precision)
        decision.court = decision.court or court
        decision.court_name = decision.court_name or item.court or ""
        decision.save()
    evidence = add_evidence(decision, document, item.span[0], item.span[1], "statement",
                            sentence=item.evidence)
    record_claim(decision, "date", item.date, evidence)
    known = {(t.kind, t.unit, t.currency, _months(t.amount, t.unit)) for t in decision.terms.all()}
    kinds = {t.kind for t in decision.terms.all()}
    for term in item.terms:
        amount = Decimal(str(term.amount)) if term.amount is not None else None
        key = (term.kind, term.unit or "", term.currency or "", _months(amount, term.unit))
        record_claim(decision, f"term:{term.kind}", _term_value(amount, term), evidence)
        if key in known or term.kind in kinds:
            # Another length for a term already stored: kept as a claim, flagged.
            continue
        known.add(key)
        kinds.add(term.kind)
        Term.objects.create(decision=decision, kind=term.kind, amount=amount, unit=term.unit or "",
                            currency=term.currency or "", note=term.note[:300])


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


def _find_same_decision(defendant: Person, date_text: str) -> CourtDecision | None:
    decisions = list(CourtDecision.objects.filter(defendant=defendant).order_by("id"))
    for decision in decisions:
        if dates_compatible(decision.date_text, date_text):
            return decision
    for decision in decisions:
        if close_dates(decision.date_text, date_text):
            return decision
    return None


def _store_upcoming(item: core.Upcoming, document: Document, seen: DocumentEntities,
                    extraction: core.Extraction) -> None:
    person = _upcoming_person(item, seen, extraction)
    existing = Upcoming.objects.filter(date_text=item.date or "", person=person).first()
    if existing is None:
        existing = Upcoming(what=item.what[:300], person=person, kind=_upcoming_kind(item.what))
        existing.set_date(item.date, item.date_precision)
        existing.save()
    add_evidence(existing, document, item.span[0], item.span[1], "statement", sentence=item.evidence)


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
