"""Propose cases automatically: connected victims and organisations within a country.

Two victims are connected when they are victims of one event, or when they are
reported on in the same document. A person is connected to an organisation that
is a victim when one of their roles names it ("Chair of KNPRK"). Each connected
group in one country becomes a case. Cases a user edited (`automatic=False`) are
left as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Count

from unionwatch.cases.models import Case
from unionwatch.core.names import fold_name as fold
from unionwatch.facts.models import Event, Evidence, Person


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _event_sources(events: set[int] | None = None) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Per event: the documents stating it, and its country (first in name order).

    Flat queries, not prefetches: a prefetch of every event's evidence builds one huge
    SQL expression that SQLite refuses beyond about a thousand events.
    """
    from django.contrib.contenttypes.models import ContentType

    event_ct = ContentType.objects.get_for_model(Event)
    documents: dict[int, list[int]] = defaultdict(list)
    countries: dict[int, set[str]] = defaultdict(set)
    rows = Evidence.objects.filter(content_type=event_ct)
    for chunk in _chunks(events):
        part = rows if chunk is None else rows.filter(object_id__in=chunk)
        part = part.values_list("object_id", "document_id", "document__country")
        for event_id, document_id, country in part.iterator(chunk_size=5000):
            documents[event_id].append(document_id)
            if country:
                countries[event_id].add(country)
    return documents, {pk: sorted(c)[0] for pk, c in countries.items()}


def _event_victims(events: set[int] | None = None) -> dict[int, list[str]]:
    """Victim nodes per event ("p12" a person, "o3" an organisation), persons first."""
    nodes: dict[int, list[str]] = defaultdict(list)
    for through, column, prefix in _VICTIM_TABLES:
        rows = through.objects.values_list("event_id", column)
        for chunk in _chunks(events):
            part = rows if chunk is None else rows.filter(event_id__in=chunk)
            for event_id, entity_id in part.order_by("event_id", column).iterator(chunk_size=5000):
                nodes[event_id].append(f"{prefix}{entity_id}")
    return nodes


_VICTIM_TABLES = [(Event.victim_persons.through, "person_id", "p"),
                  (Event.victim_organizations.through, "organization_id", "o")]


def _chunks(ids: set[int] | None, size: int = 500) -> Iterator[list[int] | None]:
    """The ids in chunks (an IN list per query); None once: no restriction."""
    if ids is None:
        yield None
        return
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


def _groups(events: set[int] | None = None) -> dict[str, dict]:
    """Connected components of victims, keyed by a representative node; among `events`
    only when given (a set closed under the links, see `_closure`)."""
    uf = _UnionFind()
    event_nodes: dict[int, list[str]] = {}
    node_country: dict[str, str] = {}
    documents, event_country = _event_sources(events)
    doc_nodes: dict[tuple[int, str], list[str]] = defaultdict(list)
    for event_id, nodes in sorted(_event_victims(events).items()):
        country = event_country.get(event_id, "")
        event_nodes[event_id] = nodes
        for node in nodes:
            uf.find(node)
            node_country.setdefault(node, country)
        for node in nodes[1:]:
            uf.union(nodes[0], node)
        for document_id in documents.get(event_id, []):
            doc_nodes[(document_id, country)].extend(nodes)
    for nodes in doc_nodes.values():
        for node in nodes[1:]:
            uf.union(nodes[0], node)
    _link_roles_to_orgs(uf, node_country)
    groups: dict[str, dict] = defaultdict(lambda: {"persons": set(), "orgs": set(), "events": set()})
    for event_id, nodes in event_nodes.items():
        root = uf.find(nodes[0])
        group = groups[root]
        group["events"].add(event_id)
        for node in nodes:
            (group["persons"] if node[0] == "p" else group["orgs"]).add(int(node[1:]))
        group.setdefault("country", node_country.get(nodes[0], ""))
    return groups


def _link_roles_to_orgs(uf: _UnionFind, node_country: dict[str, str]) -> None:
    from unionwatch.facts.models import Organization

    org_nodes = [n for n in node_country if n[0] == "o"]
    if not org_nodes:
        return
    orgs = Organization.objects.in_bulk([int(n[1:]) for n in org_nodes])
    org_words = {
        f"o{pk}": {fold(name) for name in org.all_names()} for pk, org in orgs.items()
    }
    persons = Person.objects.in_bulk([int(n[1:]) for n in node_country if n[0] == "p"])
    for pk, person in persons.items():
        role_text = f" {fold(' '.join(person.roles))} "
        for node, names in org_words.items():
            if node_country.get(node) != node_country.get(f"p{pk}"):
                continue
            if any(f" {name} " in role_text for name in names if name):
                uf.union(f"p{pk}", node)


def _title(country: str, person_ids: set[int], org_ids: set[int]) -> str:
    """"Country: A, B and C", or "Country: A, B and 4 others" for larger groups."""
    # Leads first: the persons the most sources speak of, then the most mentioned; event
    # counts come last because they swing most with extraction.
    persons = list(Person.objects.filter(pk__in=person_ids).annotate(
        sources=Count("evidence__document", distinct=True),
        mentions=Count("evidence", distinct=True),
        event_count=Count("events", distinct=True)))
    if persons:
        persons.sort(key=lambda p: (-p.sources, -p.mentions, -p.event_count, p.name))
        names = [p.name for p in persons]
        if len(names) <= 3:
            lead = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        else:
            lead = f"{names[0]}, {names[1]} and {len(names) - 2} others"
    else:
        from unionwatch.facts.models import Organization

        orgs = list(Organization.objects.filter(pk__in=org_ids).order_by("name"))
        lead = orgs[0].name if orgs else "Unnamed case"
    return f"{country}: {lead}" if country else lead


@transaction.atomic
def rebuild_cases(events: Iterable[int] | None = None) -> list[Case]:
    """Create or update the automatic cases from the current facts. Idempotent.

    `events`: only the cases these events' victims belong to (after an ingest batch):
    the connected part of the store around them is rebuilt, and the alert rules run on
    those cases only. Without it, every case.
    """
    scope = None if events is None else _closure(set(events))
    if scope is not None and not scope:
        return []
    touched: list[Case] = []
    used: set[int] = set()
    # Events a user placed in a case of theirs stay there and nowhere else.
    owned_rows = Case.events.through.objects.filter(case__automatic=False)
    owned: set[int] = set()
    for chunk in _chunks(scope):
        part = owned_rows if chunk is None else owned_rows.filter(event_id__in=chunk)
        owned |= set(part.values_list("event_id", flat=True))
    for group in _groups(scope).values():
        case = _matching_case(group, used)
        if case is not None and not case.automatic:
            # A user owns this case: only add new events of its victims.
            removed = set(case.removed_events.values_list("id", flat=True))
            case.events.add(*(group["events"] - owned - removed))
            used.add(case.pk)
            continue
        group["events"] -= owned
        if not group["events"]:
            continue
        if case is None:
            case = Case(automatic=True)
        case.country = group.get("country", "")
        case.title = _title(case.country, group["persons"], group["orgs"])
        case.save()
        case.victims.set(group["persons"])
        case.organizations.set(group["orgs"])
        case.events.set(group["events"])
        used.add(case.pk)
        touched.append(case)
    _drop_unused(scope, used)
    from unionwatch.monitoring.rules import run_alert_rules

    run_alert_rules(None if scope is None else used)
    return touched


def mark_for_rebuild(document_ids: Iterable[int]) -> int:
    """Mark the events these documents state as needing their cases rebuilt (call it in
    the transaction that stored them). Returns how many marks were written."""
    from django.contrib.contenttypes.models import ContentType

    from unionwatch.cases.models import PendingRebuild
    from unionwatch.facts.store import insert_rows

    event_ct = ContentType.objects.get_for_model(Event)
    events: set[int] = set()
    for chunk in _chunks(set(document_ids)):
        events |= set(Evidence.objects.filter(content_type=event_ct, document_id__in=chunk)
                      .values_list("object_id", flat=True))
    insert_rows(PendingRebuild, ["event_id"], [(pk,) for pk in sorted(events)])
    return len(events)


def rebuild_pending() -> int:
    """Rebuild the cases of every marked event and drop those marks, in one transaction:
    if the rebuild fails the marks stay for the next one. Returns how many events were
    marked. Marks written meanwhile by another process are left for the next call."""
    from unionwatch.cases.models import PendingRebuild

    with transaction.atomic():
        marks = list(PendingRebuild.objects.values_list("pk", "event_id"))
        if not marks:
            return 0
        rebuild_cases({event for _, event in marks})
        for chunk in _chunks({pk for pk, _ in marks}):
            PendingRebuild.objects.filter(pk__in=chunk).delete()
    return len({event for _, event in marks})


def _drop_unused(scope: set[int] | None, used: set[int]) -> None:
    """Automatic cases no group claimed (within the rebuilt part when incremental)."""
    stale = Case.objects.filter(automatic=True).exclude(pk__in=used)
    if scope is None:
        stale.delete()
        return
    ids: set[int] = set()
    for chunk in _chunks(scope):
        ids |= set(Case.events.through.objects.filter(event_id__in=chunk)
                   .values_list("case_id", flat=True))
    for chunk in _chunks(ids - used):
        stale.filter(pk__in=chunk).delete()


def _closure(seeds: set[int]) -> set[int]:
    """The events connected to `seeds`: through shared victims, a document stating both,
    or a person's role naming a victim organisation. A superset of what `_groups`
    links (documents link whatever their country), so every group touching the seeds
    lies wholly inside and is rebuilt exactly as a full rebuild would."""
    from django.contrib.contenttypes.models import ContentType

    event_ct = ContentType.objects.get_for_model(Event)
    evidence = Evidence.objects.filter(content_type=event_ct)
    roles = _RoleLinks()
    events: set[int] = set()
    frontier = set(seeds)
    while frontier:
        events |= frontier
        nodes = _event_victims(frontier)
        persons = {int(n[1:]) for ns in nodes.values() for n in ns if n[0] == "p"}
        orgs = {int(n[1:]) for ns in nodes.values() for n in ns if n[0] == "o"}
        persons, orgs = roles.extend(persons, orgs)
        found: set[int] = set()
        for through, column, ids in ((_VICTIM_TABLES[0][0], "person_id", persons),
                                     (_VICTIM_TABLES[1][0], "organization_id", orgs)):
            for chunk in _chunks(ids):
                found |= set(through.objects.filter(**{f"{column}__in": chunk})
                             .values_list("event_id", flat=True))
        documents: set[int] = set()
        for chunk in _chunks(frontier | found):
            documents |= set(evidence.filter(object_id__in=chunk).values_list("document_id", flat=True))
        for chunk in _chunks(documents):
            found |= set(evidence.filter(document_id__in=chunk).values_list("object_id", flat=True))
        frontier = found - events
    return events


class _RoleLinks:
    """Persons and victim organisations linked by a role naming the organisation
    ("Chair of KNPRK"), read once per rebuild: names by folded n-gram, not pair by pair."""

    def __init__(self) -> None:
        from unionwatch.facts.models import Organization

        org_ids = Event.victim_organizations.through.objects.values("organization_id")
        self.by_name: dict[str, set[int]] = defaultdict(set)
        for pk, name, aliases in Organization.objects.filter(pk__in=org_ids).values_list(
                "pk", "name", "aliases"):
            for folded in {fold(x) for x in [name, *(aliases or [])]} - {""}:
                self.by_name[folded].add(pk)
        self.longest = max((len(n.split()) for n in self.by_name), default=0)
        self.person_orgs: dict[int, set[int]] = {}
        self.org_persons: dict[int, set[int]] = defaultdict(set)
        person_ids = Event.victim_persons.through.objects.values("person_id")
        for pk, roles in Person.objects.filter(pk__in=person_ids).exclude(roles=[]).values_list(
                "pk", "roles"):
            self.person_orgs[pk] = self._named(f" {fold(' '.join(roles or []))} ")
            for org in self.person_orgs[pk]:
                self.org_persons[org].add(pk)

    def _named(self, text: str) -> set[int]:
        words = text.split()
        found: set[int] = set()
        for size in range(1, self.longest + 1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start:start + size])
                if phrase in self.by_name and f" {phrase} " in text:
                    found |= self.by_name[phrase]
        return found

    def extend(self, persons: set[int], orgs: set[int]) -> tuple[set[int], set[int]]:
        """Add the organisations named in these persons' roles, and the persons whose
        roles name these organisations."""
        orgs = orgs | {o for p in persons for o in self.person_orgs.get(p, ())}
        return persons | {p for o in orgs for p in self.org_persons.get(o, ())}, orgs


def _matching_case(group: dict, used: set[int]) -> Case | None:
    """The existing case sharing most victims with this group."""
    best, best_overlap = None, 0
    query = Case.objects.filter(victims__in=group["persons"]) if group["persons"] else Case.objects.filter(
        organizations__in=group["orgs"]
    )
    for case in query.distinct():
        if case.pk in used:
            continue
        overlap = len(set(case.victims.values_list("id", flat=True)) & group["persons"]) + len(
            set(case.organizations.values_list("id", flat=True)) & group["orgs"]
        )
        if overlap > best_overlap:
            best, best_overlap = case, overlap
    return best


def case_upcoming(case: Case):
    from unionwatch.facts.models import Upcoming

    return Upcoming.objects.filter(person__in=case.victims.all()).order_by("date", "id")


def evidence_for(obj) -> list[Evidence]:
    return list(obj.evidence.select_related("document").order_by("document__date", "start"))
