"""Pages and API as a user meets them: draft, download, record as sent, reply; directory,
countries, CSV import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from unionwatch.actions.models import Intervention
from unionwatch.advocacy.models import CountryProfile, GovernmentContact

pytestmark = pytest.mark.django_db
FORM = {"kind": "appeal", "lang": "en", "format": "pdf", "date": "2017-08-01"}


def test_letter_page_previews_and_downloads_a_pdf(editor_client, kz_case, examples):
    url = f"/advocacy/cases/{kz_case.pk}/letter/"
    page = editor_client.get(url, {**FORM})
    assert page.status_code == 200
    body = page.content.decode()
    assert "President of the Republic of Kazakhstan" in body and "example data" in body
    response = editor_client.post(url, {**FORM, "action": "download"})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "25 July 2017" in text


def test_record_as_sent_then_reply_shows_on_the_case_page(editor_client, kz_case, examples):
    url = f"/advocacy/cases/{kz_case.pk}/letter/"
    response = editor_client.post(url, {**FORM, "format": "docx", "action": "record"})
    assert response.status_code == 302
    sent = Intervention.objects.get(case=kz_case)
    assert sent.kind == "appeal" and sent.language == "en" and str(sent.date) == "2017-08-01"
    assert sent.file.name.endswith(".docx") and sent.file.size > 1000
    assert any("Kassym-Jomart Tokayev" in a for a in sent.addressees)
    reply = editor_client.post(f"/advocacy/interventions/{sent.pk}/follow-up/", {
        "kind": "reply", "date": "2017-09-10", "correspondent": "Ministry of Justice",
        "subject": "Answer to the appeal", "notes": "The ministry says the case is lawful.",
        "file": SimpleUploadedFile("reply.txt", b"scanned reply"),
    })
    assert reply.status_code == 302
    answer = sent.follow_ups.get()
    assert answer.direction == "received" and answer.case == kz_case
    page = editor_client.get(f"/cases/{kz_case.pk}/").content.decode()
    assert "Interventions" in page and "Answer to the appeal" in page and "Ministry of Justice" in page


def test_recorded_letter_is_encrypted_on_disk_and_downloaded_with_an_audit_entry(
        editor_client, client, django_user_model, kz_case, examples):
    from pathlib import Path

    from unionwatch.audit.models import AuditEntry

    url = f"/advocacy/cases/{kz_case.pk}/letter/"
    editor_client.post(url, {**FORM, "format": "md", "action": "record"})
    sent = Intervention.objects.get(case=kz_case)
    on_disk = Path(sent.file.path).read_bytes()
    assert b"Kharkova" not in on_disk and b"25 July 2017" not in on_disk
    page = editor_client.get(f"/cases/{kz_case.pk}/").content.decode()
    link = f"/advocacy/interventions/{sent.pk}/file/"
    assert link in page
    download = editor_client.get(link)
    assert download.status_code == 200 and b"25 July 2017" in download.content
    assert "attachment" in download["Content-Disposition"]
    assert AuditEntry.objects.filter(action="download", object_id=str(sent.pk)).exists()
    viewer = django_user_model.objects.create_user("v2", password="a-long-test-password",
                                                   role="viewer")
    client.force_login(viewer)
    assert client.get(link).status_code == 404


def test_viewer_cannot_draft_letters(client, django_user_model, kz_case, examples):
    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", role="viewer")
    client.force_login(viewer)
    assert client.get(f"/advocacy/cases/{kz_case.pk}/letter/").status_code == 403


def test_directory_lists_example_contacts_and_edits(editor_client, examples):
    page = editor_client.get("/advocacy/directory/").content.decode()
    assert "Kassym-Jomart Tokayev" in page and "example" in page
    contact = GovernmentContact.objects.get(name="Kassym-Jomart Tokayev")
    data = {"country_code": "kz", "role": "head_of_state", "name": "Test Name", "gender": "f",
            "title_en": "President of the Republic of Kazakhstan", "title_fr": "", "title_de": "",
            "title_es": "", "email": "p@example.org", "address": ""}
    assert editor_client.post(f"/advocacy/directory/{contact.pk}/", data).status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Test Name" and contact.country_code == "KZ" and not contact.is_example


def test_country_page_shows_rating_chart_and_evidence(editor_client, kz_case, examples):
    page = editor_client.get("/advocacy/countries/KZ/").content.decode()
    assert "<svg" in page and "Suggested rating" in page
    assert 'id="rule-unions-dissolved"' in page and "/documents/" in page
    listing = editor_client.get("/advocacy/countries/").content.decode()
    assert "Kazakhstan" in listing and "Colombia" in listing


def test_csv_import_of_ratifications(editor_client, examples):
    csv = b"country_code,name,C87,C98,C105,C135,C151,C154\nGT,Guatemala,yes,yes,yes,no,no,no\nXX,Nowhere,yes,no,no,no,no,no\n"
    response = editor_client.post("/advocacy/standards/import/", {
        "what": "countries", "file": SimpleUploadedFile("r.csv", csv)}, follow=True)
    assert "1 created" in response.content.decode() and "unknown country" in response.content.decode()
    assert CountryProfile.objects.get(country_code="GT").ratifications()["C87"] is True


def test_api_rating_and_letter(editor_client, kz_case, examples):
    rating = editor_client.get("/api/advocacy/countries/KZ/rating").json()
    assert rating["rating"] in {"1", "2", "3", "4", "5", "5+"}
    assert any(r["holds"] and r["events"] for r in rating["rules"])
    letter = editor_client.get(f"/api/advocacy/cases/{kz_case.pk}/letter",
                               {"kind": "cfa", "lang": "es", "date": "2017-08-01"}).json()
    assert "Convenio núm. 87" in letter["markdown"]
    assert editor_client.get(f"/api/advocacy/cases/{kz_case.pk}/letter", {"kind": "x"}).status_code == 400


def test_admin_edits_the_directory(admin_client, examples):
    page = admin_client.get("/admin/advocacy/governmentcontact/")
    assert page.status_code == 200 and "Kassym-Jomart Tokayev" in page.content.decode()
    assert admin_client.get("/admin/advocacy/countryprofile/").status_code == 200
    assert admin_client.get("/admin/advocacy/senderprofile/").status_code == 200
