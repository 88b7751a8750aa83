"""The editing API: what the UI can change, the API can change too."""

from __future__ import annotations

import json

import pytest

from tests.facts.builders import report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event, Judgement, Person

pytestmark = pytest.mark.django_db


def call(client, method: str, url: str, data=None):
    kwargs = {"content_type": "application/json"}
    if data is not None:
        kwargs["data"] = json.dumps(data)
    return getattr(client, method)(f"/api{url}", **kwargs)


@pytest.fixture
def viewer_client(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="a-long-test-password",
                                                 role="viewer")
    client.force_login(user)
    return client


def _question() -> Judgement:
    report_person("Olena Petrenko", type_="arrest", date="2020-03-01")
    report_person("Petrenko", type_="dismissal", date="2020-05-01")
    rebuild_cases()
    return Judgement.objects.get(verdict="unsure")


def test_answer_an_unsure_match_then_undo(editor_client):
    question = _question()
    queue = call(editor_client, "get", "/review").json()
    assert [m["id"] for m in queue["matches"]] == [question.pk]
    merged = call(editor_client, "post", f"/judgements/{question.pk}/accept")
    assert merged.status_code == 200, merged.content
    assert merged.json()["user"] == "editor" and merged.json()["action"] == "merge"
    assert Person.objects.count() == 1
    undone = call(editor_client, "post", f"/judgements/{merged.json()['id']}/undo").json()
    assert undone["undone_at"] and Person.objects.count() == 2
    again = call(editor_client, "post", f"/judgements/{merged.json()['id']}/undo")
    assert again.status_code == 422 and "already undone" in again.json()["detail"]


def test_manual_merge_and_split_of_persons(editor_client):
    report_person("Dana Orlova", type_="arrest", date="2020-01-02")
    second = report_person("Dana Orlova", type_="threat", date="2020-06-02")
    report_person("Dariga Orlova", type_="fine", date="2020-07-02")
    dana, dariga = Person.objects.get(name="Dana Orlova"), Person.objects.get(name="Dariga Orlova")
    split = call(editor_client, "post", "/judgements/split",
                 {"entity_type": "person", "entity_id": dana.pk, "document_ids": [second.pk]}).json()
    assert split["verdict"] == "negative" and Person.objects.count() == 3
    merged = call(editor_client, "post", "/judgements/merge",
                  {"entity_type": "person", "keep_id": dana.pk, "drop_id": dariga.pk}).json()
    assert merged["verdict"] == "positive"
    assert set(Person.objects.get(pk=dana.pk).events.values_list("type", flat=True)) == {"arrest", "fine"}


def test_patch_person_and_event_and_review(editor_client):
    report_person("Timur Sadykov", type_="detention", date="2021-02-03")
    person = Person.objects.get()
    body = call(editor_client, "patch", f"/persons/{person.pk}",
                {"name": "Timur B. Sadykov", "protected": True}).json()
    assert body["name"] == "Timur B. Sadykov" and "Timur Sadykov" in body["aliases"]
    assert body["protected"] is True
    event = Event.objects.get()
    body = call(editor_client, "patch", f"/events/{event.pk}", {"type": "arrest", "date": "2021-02-04"}).json()
    assert (body["type"], body["date"], body["status"]) == ("arrest", "2021-02-04", "accepted")
    bad = call(editor_client, "patch", f"/events/{event.pk}", {"type": "picnic"})
    assert bad.status_code == 422 and "type" in bad.json()["detail"]
    rejected = call(editor_client, "post", f"/review/event/{event.pk}", {"answer": "reject"}).json()
    assert rejected["status"] == "rejected"


def test_case_edits(editor_client):
    report_person("Aliya Dosova", type_="arrest", date="2020-01-05")
    report_person("Aliya Dosova", type_="threat", date="2020-02-05")
    rebuild_cases()
    case = Case.objects.get()
    assert call(editor_client, "patch", f"/cases/{case.pk}", {"title": "Dosova"}).json()["title"] == "Dosova"
    threat = Event.objects.get(type="threat")
    new = call(editor_client, "post", f"/cases/{case.pk}/split",
               {"event_ids": [threat.pk], "title": "Threats"}).json()
    assert new["events"] == [threat.pk]
    merged = call(editor_client, "post", f"/cases/{case.pk}/merge", {"other_id": new["id"]}).json()
    assert len(merged["events"]) == 2
    after = call(editor_client, "delete", f"/cases/{case.pk}/events/{threat.pk}").json()
    assert threat.pk not in after["events"]
    after = call(editor_client, "post", f"/cases/{case.pk}/events", {"event_id": threat.pk}).json()
    assert threat.pk in after["events"]
    empty = call(editor_client, "patch", f"/cases/{case.pk}", {"title": " "})
    assert empty.status_code == 422


def test_alerts_and_deadlines(editor_client):
    report_person("Saule Nurova", type_="arrest", date="2020-01-01")
    rebuild_cases()
    alerts = call(editor_client, "get", "/alerts").json()
    assert [a["kind"] for a in alerts] == ["arrest"]
    acknowledged = call(editor_client, "post", f"/alerts/{alerts[0]['id']}/acknowledge").json()
    assert acknowledged["acknowledged_at"]
    assert call(editor_client, "get", "/alerts").json() == []
    assert len(call(editor_client, "get", "/alerts?open_only=false").json()) == 1
    assert call(editor_client, "get", "/deadlines").json() == []


def test_viewers_read_but_do_not_edit(viewer_client):
    question = _question()
    assert call(viewer_client, "post", f"/judgements/{question.pk}/accept").status_code == 403
    person = Person.objects.first()
    assert call(viewer_client, "patch", f"/persons/{person.pk}", {"name": "X"}).status_code == 403
    assert call(viewer_client, "get", "/review").status_code == 403
    assert Person.objects.count() == 2


def test_anonymous_is_refused(client):
    assert call(client, "get", "/alerts").status_code == 401
