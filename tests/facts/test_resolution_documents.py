"""Resolution through the whole ingest (reader, extraction, store) on documents written
for these tests: spelling variants of one person merge, a namesake abroad stays apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from unionwatch.cases.models import Case
from unionwatch.facts.models import Event, Judgement, Person

DOCUMENTS = Path(__file__).with_name("documents")

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def stored(db):
    from unionwatch.documents.ingest import ingest_paths

    summary = ingest_paths([DOCUMENTS], confidentiality="public")
    assert not summary.failed, [(o.path, o.reason) for o in summary.failed]


def test_variants_merge_and_the_namesake_abroad_stays_apart(stored):
    karpenkos = [p for p in Person.objects.all() if "Karpenk" in p.name]
    assert sorted((p.name, p.country) for p in karpenkos) == [
        ("Ales Karpenko", "Belarus"), ("Viktor Karpenko", "Kazakhstan")]
    viktor = Person.objects.get(name="Viktor Karpenko")
    assert {"Viktor Karpenka", "Karpenka", "Karpenko"} <= set(viktor.aliases)
    ales = Person.objects.get(name="Ales Karpenko")
    assert not Judgement.objects.filter(verdict="unsure", left_id__in=[viktor.pk, ales.pk]).exists()
    arrest = Event.objects.get(type="arrest", victim_persons=viktor)
    assert arrest.date_text == "2021-03-03" and arrest.evidence.count() == 2
    assert not Event.objects.filter(victim_persons=ales).exclude(type="dismissal").exists()
    assert sorted(Case.objects.values_list("country", flat=True)) == ["Belarus", "Kazakhstan"]
