"""Build the search index from the documents and facts; rebuildable at any time.

Restricted documents are encrypted at rest, so their title and body text are never
copied into the index in clear: only the names and violation types of the facts
they state are indexed (those are stored in clear as facts anyway); their words go
to the blind index instead (documents/crypto.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from unionwatch.documents.models import Confidentiality, Document
from unionwatch.facts.models import Event, Evidence, Organization, Person, Place
from unionwatch.search.backends import fold_for_index, get_backend, tag
from unionwatch.search.models import FacetKind, SearchEntry, SearchFacet

REINDEX_CHUNK = 500


def index_documents(document_ids: Iterable[int], folded: dict[int, str] | None = None) -> int:
    """(Re)index these documents: facets in the database, words in the engine.

    `folded`: for some of them, `fold_body(title, text)` computed beforehand (ingest
    does it in its worker processes); their title and text are then not read again.
    """
    from unionwatch.facts.store import insert_rows

    ids = list(document_ids)
    if not ids:
        return 0
    folded = folded or {}
    fields = ["id", "country", "confidentiality", "date"]
    if len(folded) < len(ids):
        fields += ["title", "text"]  # (sealed titles are decrypted: skipped when folded)
    documents = list(Document.objects.filter(pk__in=ids).only(*fields))
    facts = _facts_by_document(ids)
    entries, facets, rows = [], [], []
    for document in documents:
        found = facts.get(document.pk, _DocumentFacts())
        entries.append(SearchEntry(document_id=document.pk, country=document.country,
                                   confidentiality=document.confidentiality, date=document.date,
                                   types=" ".join(sorted(found.types))[:1000]))
        mine = found.facets()
        facets += [(document.pk, kind, value) for kind, value in mine]
        rows.append((document.pk, _folded_text(document, found, folded.get(document.pk)),
                     entry_tags(document.country, document.confidentiality, mine)))
    SearchEntry.objects.filter(pk__in=ids).delete()
    SearchEntry.objects.bulk_create(entries)
    insert_rows(SearchFacet, ["entry_id", "kind", "value"], facets)
    get_backend().write(rows)
    return len(entries)


def fold_body(title: str, text: str) -> str:
    """The title and text of a document as the index holds them, after a line break
    (empty when both are): pure, so ingest workers compute it. Folding goes character
    by character, so the indexed text is the folded names followed by this."""
    body = "\n".join(p for p in (title, text) if p)
    return "\n" + fold_for_index(body) if body else ""


def _folded_text(document: Document, found: _DocumentFacts, body: str | None) -> str:
    """What `fold_for_index(_indexed_text(...))` gives, from a body folded beforehand."""
    if body is None:
        return fold_for_index(_indexed_text(document, found))
    names = " ".join(dict.fromkeys(found.names))
    if document.confidentiality == Confidentiality.RESTRICTED:
        body = ""
    return fold_for_index(names) + body if names else body[1:]


_TAG_KINDS = {FacetKind.TYPE: "t", FacetKind.PERSON: "p", FacetKind.ORG: "o"}


def entry_tags(country: str, confidentiality: str, facets: Iterable[tuple[str, str]]) -> list[str]:
    """The filter values of one document as engine tags (search.backends.tag): the
    engine then applies filters and access levels together with the words."""
    tags = [tag("l", confidentiality)]
    if country:
        tags.append(tag("c", country))
    tags += [tag(_TAG_KINDS[kind], value) for kind, value in facets if kind in _TAG_KINDS]
    return list(dict.fromkeys(tags))


class _DocumentFacts:
    def __init__(self) -> None:
        self.types: set[str] = set()
        self.persons: set[int] = set()
        self.orgs: set[int] = set()
        self.names: list[str] = []

    def facets(self) -> list[tuple[str, str]]:
        """(kind, value) of each facet row of the document."""
        out = [(FacetKind.TYPE.value, t) for t in sorted(self.types)]
        out += [(FacetKind.PERSON.value, str(p)) for p in sorted(self.persons)]
        out += [(FacetKind.ORG.value, str(o)) for o in sorted(self.orgs)]
        return out


def _facts_by_document(ids: list[int]) -> dict[int, _DocumentFacts]:
    """Event types and entities stated in each document: four queries for the whole batch."""
    cts = ContentType.objects.get_for_models(Event, Person, Organization, Place)
    by_ct = {ct.pk: model for model, ct in cts.items()}
    links = (
        Evidence.objects.filter(document_id__in=ids, content_type__in=list(by_ct))
        .values_list("document_id", "content_type_id", "object_id")
        .distinct()
    )
    wanted: dict[type, set[int]] = defaultdict(set)
    per_doc: dict[int, list[tuple[type, int]]] = defaultdict(list)
    for document_id, ct_id, object_id in links:
        model = by_ct[ct_id]
        wanted[model].add(object_id)
        per_doc[document_id].append((model, object_id))
    event_types = dict(Event.objects.filter(pk__in=wanted[Event]).values_list("id", "type"))
    names = {
        model: {pk: [name, *(aliases or [])] for pk, name, aliases in
                model.objects.filter(pk__in=wanted[model]).values_list("id", "name", "aliases")}
        for model in (Person, Organization, Place)
    }
    labels = {key: spec.label for key, spec in _taxonomy_types().items()}
    result: dict[int, _DocumentFacts] = defaultdict(_DocumentFacts)
    for document_id, pairs in per_doc.items():
        found = result[document_id]
        for model, pk in pairs:
            if model is Event and pk in event_types:
                found.types.add(event_types[pk])
                found.names.append(labels.get(event_types[pk], event_types[pk]))
            elif model is Person:
                found.persons.add(pk)
                found.names += names[Person].get(pk, [])
            elif model is Organization:
                found.orgs.add(pk)
                found.names += names[Organization].get(pk, [])
            else:
                found.names += names[Place].get(pk, [])
    return result


def _taxonomy_types() -> dict:
    from unionwatch.core import taxonomy

    return taxonomy.load_taxonomy().types


def _indexed_text(document: Document, found: _DocumentFacts) -> str:
    parts = [" ".join(dict.fromkeys(found.names))]
    if document.confidentiality != Confidentiality.RESTRICTED:
        parts += [document.title, document.text]
    return "\n".join(p for p in parts if p)


@transaction.atomic
def reindex(on_progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index from the database in one transaction.

    Readers keep seeing the old index until the new one commits.
    """
    SearchFacet.objects.all().delete()
    SearchEntry.objects.all().delete()
    get_backend().clear()
    total = Document.objects.count()
    done = 0
    last_id = 0
    while True:
        ids = list(Document.objects.filter(pk__gt=last_id).order_by("pk")
                   .values_list("pk", flat=True)[:REINDEX_CHUNK])
        if not ids:
            break
        done += index_documents(ids)
        last_id = ids[-1]
        if on_progress:
            on_progress(done, total)
    return done
