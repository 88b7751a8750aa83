"""The issue's "done when", on the real seeds plus the bundled documents on the same case:
one person per unionist, one union, one sentencing event with all its sources, one case."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, SEEDS, needs_shared
from unionwatch.cases.models import Case
from unionwatch.facts.matching import known_equivalent, person_key
from unionwatch.facts.models import Event, Organization, Person

pytestmark = [pytest.mark.django_db, pytest.mark.slow, needs_shared]


@pytest.fixture
def store(db):
    from unionwatch.documents.ingest import ingest_paths

    summary = ingest_paths([*sorted(SEEDS.glob("*.txt")), EXAMPLES], confidentiality="public")
    assert not summary.failed, [(o.path, o.reason) for o in summary.failed]


def persons_with_surname(surname: str) -> list[Person]:
    key = person_key(surname)
    return [p for p in Person.objects.all()
            if any(key in person_key(n).split() for n in p.all_names())]


def test_one_entity_per_unionist_and_one_union(store):
    for surname in ("Kharkova", "Kushakbayev", "Yeleusinov"):
        found = persons_with_surname(surname)
        assert len(found) == 1, [(p.name, p.aliases) for p in found]
    union = [o for o in Organization.objects.all()
             if any(known_equivalent(n, "CNTUK") for n in o.all_names())]
    assert len(union) == 1, [(o.name, o.aliases) for o in Organization.objects.all()]


def test_one_sentencing_event_with_all_its_sources_and_one_case(store):
    kharkova = persons_with_surname("Kharkova")[0]
    july = [e for e in Event.objects.filter(type="sentencing", victim_persons=kharkova)
            if not e.date_text or e.date_text.startswith("2017-07")]
    assert len(july) == 1, [(e.pk, e.date_text) for e in july]
    sentencing = july[0]
    assert sentencing.date_text == "2017-07-25"
    sources = {ev.document.original_name for ev in sentencing.evidence.select_related("document")}
    expected = {p.name for p in SEEDS.glob("*.txt")} | {
        "01-kz-press-sentence-kharkova.md", "03-kz-letter-urgent-appeal.md"}
    assert expected <= sources, sources
    cases = {c for s in ("Kharkova", "Kushakbayev", "Yeleusinov")
             for c in Case.objects.filter(victims__in=persons_with_surname(s))}
    assert len(cases) == 1, [c.title for c in cases]
    assert Case.objects.filter(country="Kazakhstan").count() == 1
