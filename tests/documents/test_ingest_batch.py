"""The batch store path stores exactly what one-document-at-a-time storing does."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from tests.conftest import REPO
from unionwatch.cases.models import Case
from unionwatch.documents.ingest import ingest_paths
from unionwatch.documents.models import Document
from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Judgement,
    Organization,
    Person,
    Place,
    Term,
    Upcoming,
    ValueClaim,
)
from unionwatch.search.models import NameKey

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402 - the benchmark's own document generator

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """The store, in terms that do not depend on row ids."""
    persons = {p.pk: (p.name, tuple(p.aliases), p.country, tuple(p.roles), p.protected)
               for p in Person.objects.all()}
    return {
        "persons": sorted(persons.values()),
        "orgs": sorted(Organization.objects.values_list("name", "country", "kind")),
        "places": sorted(Place.objects.values_list("name", "country")),
        "events": sorted(
            (e.type, e.date_text, e.conflicted, e.family_targeted,
             tuple(sorted(persons[p][0] for p in e.victim_persons.values_list("pk", flat=True))))
            for e in Event.objects.all()),
        "decisions": sorted(CourtDecision.objects.values_list("defendant__name", "date_text",
                                                              "conflicted")),
        "terms": sorted(Term.objects.values_list("decision__defendant__name", "kind", "amount")),
        "upcoming": sorted(Upcoming.objects.values_list("date_text", "person__name", "kind")),
        "evidence": Evidence.objects.count(),
        "claims": sorted(ValueClaim.objects.values_list("field", "value")),
        "judgements": sorted(Judgement.objects.values_list("entity_type", "verdict", "name", "score")),
        "keys": NameKey.objects.count(),
        "cases": sorted((c.country, c.victims.count(), c.events.count()) for c in Case.objects.all()),
    }


def wipe() -> None:
    for model in (Case, Document, Event, CourtDecision, Upcoming, Judgement, Person,
                  Organization, Place, NameKey):
        model.objects.all().delete()


def test_one_batch_stores_what_one_document_per_batch_stores(tmp_path):
    generate(tmp_path, 40, seed=5)
    one_by_one = ingest_paths([tmp_path], batch_size=1, workers=1)
    assert one_by_one.count("stored") == 40
    expected = snapshot()
    assert expected["events"] and expected["judgements"] and expected["cases"]
    wipe()
    batched = ingest_paths([tmp_path], batch_size=40, workers=1)
    assert batched.count("stored") == 40
    assert snapshot() == expected


# --- the fast path against the per-document path ---------------------------------------------

WORDS = ["arrested", "union", "court", "dismissed", "hearing", "prison", "strike", "police"]


def _fact_label(model: str, pk: int) -> tuple:
    """A fact named by what it is, not by its id (ids differ between the two runs)."""
    if model in ("person", "organization", "place"):
        return (model, {"person": Person, "organization": Organization,
                        "place": Place}[model].objects.get(pk=pk).name)
    if model == "event":
        event = Event.objects.get(pk=pk)
        return (model, event.type, event.date_text)
    if model == "courtdecision":
        decision = CourtDecision.objects.get(pk=pk)
        return (model, decision.defendant.name, decision.date_text)
    upcoming = Upcoming.objects.get(pk=pk)
    return (model, upcoming.what, upcoming.date_text)


def full_state() -> dict:
    """Everything the two paths must store alike, ids replaced by natural keys, sealed
    values decrypted."""
    import re

    from unionwatch.audit.models import AuditEntry
    from unionwatch.documents.crypto import open_extraction
    from unionwatch.documents.models import SealedWord
    from unionwatch.monitoring.models import Alert
    from unionwatch.search.query import search

    sha = dict(Document.objects.values_list("pk", "sha256"))
    state = snapshot()
    state["documents"] = sorted(
        (d.sha256, d.title, d.original_name, d.plain_text, d.text, d.kind, d.country, str(d.date),
         d.date_precision, d.language, d.confidentiality, d.media_type, tuple(d.notices),
         repr(sorted(open_extraction(d).items())), d.file.open("rb").read(), d.sealed_index_key,
         SealedWord.objects.filter(document=d).count())
        for d in Document.objects.all())
    state["evidence"] = sorted(
        (sha[e.document_id], _fact_label(e.content_type.model, e.object_id), e.role, e.start, e.end,
         e.sentence, e.value, e.confidence)
        for e in Evidence.objects.select_related("content_type"))
    state["claims"] = sorted((c.field, c.value, sha[c.evidence.document_id], c.evidence.start)
                             for c in ValueClaim.objects.select_related("evidence"))
    # In one batch the documents are written before their facts: the same entries, in
    # another order than one document after the other.
    state["audit"] = sorted((a.action, a.object_type, re.sub(r"\d+", "#", a.object_repr),
                             a.detail, a.actor) for a in AuditEntry.objects.all())
    state["cases"] = sorted(
        (c.title, c.country, tuple(sorted(c.victims.values_list("name", flat=True))),
         tuple(sorted(_fact_label("event", pk) for pk in c.events.values_list("pk", flat=True))))
        for c in Case.objects.all())
    state["alerts"] = sorted(Alert.objects.values_list("kind", "message"))
    state["search"] = {word: (found.total, sorted(sha[h.id] for h in found.hits))
                       for word in WORDS for found in [search(word, limit=100)]}
    return state


def wipe_all() -> None:
    from unionwatch.audit.models import AuditEntry
    from unionwatch.monitoring.models import Alert, CaseWatch, SeenEvent
    from unionwatch.search.backends import get_backend

    wipe()
    for model in (AuditEntry, Alert, CaseWatch, SeenEvent):
        model.objects.all().delete()
    get_backend().clear()


def test_the_fast_path_stores_what_the_per_document_path_stores(tmp_path, monkeypatch):
    from unionwatch.documents import ingest as ingest_module

    generate(tmp_path / "internal", 24, seed=11)
    generate(tmp_path / "restricted", 6, seed=12)

    def run() -> dict:
        first = ingest_paths([tmp_path / "internal"], batch_size=12, workers=1)
        second = ingest_paths([tmp_path / "restricted"], confidentiality="restricted", workers=1)
        assert first.count("stored") == 24 and second.count("stored") == 6
        return full_state()

    fast = run()
    assert fast["evidence"] and fast["audit"] and fast["cases"] and any(
        total for total, _ in fast["search"].values())
    assert any(row[-1] for row in fast["documents"])  # the restricted ones: blind index
    wipe_all()
    # The per-document path, without anything prepared in the worker: each document is
    # saved with `Document.save` and its facts stored in a session of its own.
    monkeypatch.setattr(ingest_module, "_store_fast", lambda *args: None)
    monkeypatch.setattr(ingest_module, "_store_aids", lambda *args: None)
    slow = run()
    fast_audit, slow_audit = fast.pop("audit"), slow.pop("audit")
    for key in fast:
        assert fast[key] == slow[key], key
    # A fact made by one document and changed by a later one of the same batch is written
    # once, as made: one "update" fewer than when each document is stored on its own.
    assert [a for a in fast_audit if a[0] != "update"] == [a for a in slow_audit if a[0] != "update"]
    assert not Counter(a for a in fast_audit if a[0] == "update") - Counter(slow_audit)


def test_the_storing_connection_gets_a_larger_page_cache_on_sqlite():
    from django.db import connection

    from unionwatch.documents.ingest import SQLITE_CACHE_KIB, _bulk_cache

    if connection.vendor != "sqlite":
        pytest.skip("a SQLite setting")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = -2000")
        _bulk_cache()
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == -SQLITE_CACHE_KIB
