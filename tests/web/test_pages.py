"""HTTP tests of the pages: login, documents, cases, timeline with sources, highlighting."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from unionwatch.cases.models import Case
from unionwatch.documents.models import Document
from unionwatch.facts.models import Event, Evidence

PAGES = ["home", "document-list", "case-list"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_every_page_requires_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_detail_pages_require_login(client, ingested_examples):
    doc = Document.objects.first()
    case = Case.objects.first()
    for url in (reverse("document-detail", args=[doc.pk]), reverse("case-detail", args=[case.pk])):
        assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_login_with_password(client, editor):
    response = client.post(reverse("login"), {"username": "editor", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.get(reverse("case-list")).status_code == 200
    assert editor.password.startswith("argon2")


def test_document_list_shows_examples(editor_client, ingested_examples):
    html = editor_client.get(reverse("document-list")).content.decode()
    assert len(set(re.findall(r'href="/documents/(\d+)/"', html))) == 8


def kharkova_case() -> Case:
    return Case.objects.get(victims__name__contains="Kharkova")


def test_case_page_has_dated_timeline_with_sources(editor_client, ingested_examples):
    case = kharkova_case()
    html = editor_client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert "Larisa Kharkova" in html
    assert "2017-07-25" in html  # the sentencing
    sentencing = Event.objects.filter(type="sentencing", victim_persons__name__contains="Kharkova", date_text="2017-07-25")
    assert sentencing.count() == 1
    evidence = Evidence.objects.filter(event=sentencing.get())
    assert evidence.count() >= 1
    for ev in evidence:
        assert f"?hl={ev.pk}#selected" in html
    # upcoming hearing of the case
    assert "Upcoming hearings" in html


def test_document_page_highlights_the_selected_evidence(editor_client, ingested_examples):
    ev = Evidence.objects.filter(role="statement", event__type="sentencing").select_related("document").first()
    url = reverse("document-detail", args=[ev.document_id]) + f"?hl={ev.pk}"
    html = editor_client.get(url).content.decode()
    selected = re.findall(r'<span class="[^"]*hl-selected[^"]*"[^>]*>(.*?)</span>', html, re.S)
    assert selected, "nothing highlighted"
    assert 'id="selected"' in html
    joined = "".join(selected)
    assert ev.document.text[ev.start:ev.end][:40].replace("'", "&#x27;") in joined.replace("&quot;", '"')


def test_admin_lists_every_model(client, django_user_model, ingested_examples):
    admin = django_user_model.objects.create_superuser("root", password="a-long-test-password")
    client.force_login(admin)
    for model in ("document", "person", "organization", "place", "event", "courtdecision",
                  "term", "upcoming", "evidence", "judgement", "case", "intervention", "user"):
        app = {"document": "documents", "case": "cases", "intervention": "actions", "user": "accounts"}.get(model, "facts")
        response = client.get(f"/admin/{app}/{model}/")
        assert response.status_code == 200, model


def test_api_lists_cases_for_logged_in_users_only(editor_client, ingested_examples):
    from django.test import Client

    assert Client().get("/api/cases").status_code == 401
    rows = editor_client.get("/api/cases").json()
    assert any("Kharkova" in v["name"] for r in rows for v in r["victims"])
