"""The batch store path stores exactly what one-document-at-a-time storing does."""

from __future__ import annotations

import sys

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
