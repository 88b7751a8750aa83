"""Case proposals over thousands of events (a prefetch of all evidence used to exceed
SQLite's expression limits beyond about a thousand events)."""

import pytest

from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.documents.models import Document
from unionwatch.facts.models import Event, Evidence, Person


@pytest.mark.django_db
def test_rebuild_handles_thousands_of_events():
    doc = Document.objects.create(sha256="x" * 64, text="t", country="Kazakhstan")
    people = Person.objects.bulk_create(
        [Person(name=f"Person {i}", country="Kazakhstan") for i in range(300)]
    )
    events = Event.objects.bulk_create([Event(type="arrest") for _ in range(3000)])
    through = Event.victim_persons.through
    through.objects.bulk_create(
        [through(event_id=e.pk, person_id=people[i % 300].pk) for i, e in enumerate(events)]
    )
    Evidence.objects.bulk_create([Evidence(fact=e, document=doc, start=0, end=1) for e in events])
    rebuild_cases()
    case = Case.objects.get()  # one document links every victim into one case
    assert case.events.count() == 3000 and case.country == "Kazakhstan"
