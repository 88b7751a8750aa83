"""The case page of a large case: the timeline a page at a time, counts of everything."""

from __future__ import annotations

import re

import pytest

from unionwatch.cases.models import Case
from unionwatch.documents.models import Document
from unionwatch.facts.models import Event, Evidence, Person
from unionwatch.web.case_page import SOURCES_SHOWN, TIMELINE_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_case() -> Case:
    docs = Document.objects.bulk_create(
        [Document(sha256=f"{i:064d}", text="A report.", title=f"Report {i}", country="Peru",
                  confidentiality="internal" if i else "restricted") for i in range(12)])
    person = Person.objects.create(name="Rosa Quispe", country="Peru")
    events = []
    for i in range(TIMELINE_PAGE + 5):
        event = Event(type="threat")
        event.set_date(f"{2000 + i // 12}-{i % 12 + 1:02d}-01", "day")
        events.append(event)
    events = Event.objects.bulk_create(events)
    Event.victim_persons.through.objects.bulk_create(
        [Event.victim_persons.through(event_id=e.pk, person_id=person.pk) for e in events])
    # Every event is stated in all twelve documents; the first event only in the
    # restricted one, so viewers do not see it.
    Evidence.objects.bulk_create(
        [Evidence(fact=e, document=d, start=0, end=8, sentence=f"Sentence {e.pk}")
         for n, e in enumerate(events) for d in (docs[:1] if n == 0 else docs)])
    Evidence.objects.create(fact=person, document=docs[1], start=0, end=4)
    case = Case.objects.create(title="Peru: Rosa Quispe", country="Peru")
    case.victims.add(person)
    case.events.add(*events)
    return case


def events_shown(html: str) -> list[str]:
    return re.findall(r'<li class="event[^"]*" id="event-(\d+)"', html)


def test_the_timeline_is_paginated_and_counted(big_case, editor_client):
    total = TIMELINE_PAGE + 5
    html = editor_client.get(f"/cases/{big_case.pk}/").content.decode()
    assert len(events_shown(html)) == TIMELINE_PAGE
    assert f"{total} events" in html and "page 1 of 2" in html
    assert 'data-count="12"' in html  # sources counted, not all quoted
    first = Event.objects.order_by("date", "id").first()
    assert html.count(f"“Sentence {first.pk + 1}”") == SOURCES_SHOWN
    assert "the first 12 of 12 documents" not in html and "Report 11" in html
    rest = editor_client.get(f"/cases/{big_case.pk}/?page=2").content.decode()
    assert len(events_shown(rest)) == 5
    assert not set(events_shown(html)) & set(events_shown(rest))


def test_a_viewer_sees_only_events_of_documents_open_to_them(big_case, client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x" * 16, role="viewer")
    client.force_login(viewer)
    html = client.get(f"/cases/{big_case.pk}/").content.decode()
    assert f"{TIMELINE_PAGE + 4} events" in html
    first = Event.objects.order_by("date", "id").first()
    assert f'id="event-{first.pk}"' not in html
    assert 'data-count="11"' in html and "Report 0" not in html


def test_timeline_rows_written_in_python_escape_and_link(big_case, editor_client):
    event = big_case.events.order_by("date", "id")[1]
    event.perpetrators = ["<b>riot police</b>"]
    event.family_targeted = True
    event.save()
    Evidence.objects.filter(object_id=event.pk, content_type__model="event").update(
        sentence="Guards said <script>x</script> & left.")
    person = Person.objects.get(name="Rosa Quispe")
    person.name = "Rosa <i>Quispe</i>"
    person.save()
    html = editor_client.get(f"/cases/{big_case.pk}/").content.decode()
    assert "<script>x" not in html and "Guards said &lt;script&gt;x&lt;/script&gt; &amp; left." in html
    assert '<span class="perp">by &lt;b&gt;riot police&lt;/b&gt;</span>' in html
    assert '<span class="victim">Rosa &lt;i&gt;Quispe&lt;/i&gt;</span>' in html
    assert '<span class="flag family">family targeted</span>' in html
    evidence = Evidence.objects.filter(object_id=event.pk, content_type__model="event").order_by("id").first()
    assert f'href="/documents/{evidence.document_id}/?hl={evidence.pk}#selected"' in html
    assert html.count('<form method="post" action="/cases/') >= TIMELINE_PAGE  # remove forms kept
