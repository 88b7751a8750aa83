"""The review queue, case editing, deadlines and alerts, through HTTP as a user sees them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.facts.builders import decision, event, ingest, person, report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.core import types as x
from unionwatch.facts.models import Event, Judgement, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer_client(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="a-long-test-password",
                                                 role="viewer")
    client.force_login(user)
    return client


def _question() -> Judgement:
    report_person("Olena Petrenko", type_="arrest", date="2020-03-01")
    report_person("Petrenko", type_="dismissal", date="2020-05-01")
    return Judgement.objects.get(verdict="unsure")


def test_review_page_lists_the_question_and_accept_merges(editor_client, editor):
    question = _question()
    html = editor_client.get(reverse("review")).content.decode()
    assert f'id="match-{question.pk}"' in html and "Olena Petrenko" in html
    response = editor_client.post(reverse("review-match", args=[question.pk, "accept"]))
    assert response.status_code == 302
    assert Person.objects.count() == 1
    merge = Judgement.objects.get(verdict="positive", user=editor)
    html = editor_client.get(reverse("review")).content.decode()
    assert f'id="match-{question.pk}"' not in html
    assert reverse("judgement-undo", args=[merge.pk]) in html
    editor_client.post(reverse("judgement-undo", args=[merge.pk]))
    assert Person.objects.count() == 2


def test_reject_keeps_them_apart(editor_client):
    question = _question()
    editor_client.post(reverse("review-match", args=[question.pk, "reject"]))
    assert Person.objects.count() == 2
    assert Judgement.objects.filter(verdict="negative").count() == 1


def test_an_automatic_match_can_be_undone_from_the_review_page(editor_client):
    report_person("Nurlan Abenov", type_="arrest", date="2019-04-01")
    doc = report_person("Nurlan Abenov", type_="threat", date="2019-08-01")
    attach = Judgement.objects.get(verdict="positive", document=doc)
    assert f'id="attached-{attach.pk}"' in editor_client.get(reverse("review")).content.decode()
    editor_client.post(reverse("judgement-undo", args=[attach.pk]))
    assert Person.objects.count() == 2
    assert f'id="attached-{attach.pk}"' not in editor_client.get(reverse("review")).content.decode()


def test_viewers_cannot_review(viewer_client):
    question = _question()
    assert viewer_client.get(reverse("review")).status_code == 403
    assert viewer_client.post(reverse("review-match", args=[question.pk, "accept"])).status_code == 403
    assert Person.objects.count() == 2


def test_low_confidence_fact_stays_marked_until_reviewed(editor_client):
    text = "Timur Sadykov may have been detained by the police."
    ingest(text, persons=[person(text, "Timur Sadykov")],
           events=[event(text, "detention", ["Timur Sadykov"], "2021-02-03", confidence=0.3)])
    rebuild_cases()
    case = Case.objects.get()
    detention = Event.objects.get()
    page = editor_client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert "needs-review" in page and "low confidence" in page
    assert f'id="event-{detention.pk}"' in editor_client.get(reverse("review")).content.decode()
    editor_client.post(reverse("review-fact", args=["event", detention.pk, "correct"]),
                       {"type": "arrest", "date": "2021-02-04"})
    detention.refresh_from_db()
    assert (detention.type, detention.date_text, detention.status) == ("arrest", "2021-02-04", "accepted")
    page = editor_client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert "needs-review" not in page
    assert f'id="event-{detention.pk}"' not in editor_client.get(reverse("review")).content.decode()


def test_bad_correction_is_refused_with_a_message(editor_client):
    text = "Timur Sadykov may have been detained."
    ingest(text, persons=[person(text, "Timur Sadykov")],
           events=[event(text, "detention", ["Timur Sadykov"], None, confidence=0.3)])
    detention = Event.objects.get()
    response = editor_client.post(reverse("review-fact", args=["event", detention.pk, "correct"]),
                                  {"date": "next week"}, follow=True)
    assert "is not YYYY-MM-DD" in response.content.decode()
    detention.refresh_from_db()
    assert detention.status == "unreviewed"


def test_reject_hides_the_fact_from_the_timeline(editor_client):
    report_person("Timur Sadykov", type_="threat", date="2021-01-01")
    report_person("Timur Sadykov", type_="surveillance", date="2021-01-02")
    rebuild_cases()
    threat = Event.objects.get(type="threat")
    editor_client.post(reverse("review-fact", args=["event", threat.pk, "reject"]))
    page = editor_client.get(reverse("case-detail", args=[Case.objects.get().pk])).content.decode()
    assert f'id="event-{threat.pk}"' not in page


def _sentencing(text, date, years):
    name = "Gulnara Tasova"
    ingest(text, persons=[person(text, name)], events=[event(text, "sentencing", [name], date)],
           decisions=[decision(text, name, date, [x.Term("restriction_of_movement", years, "years")])],
           upcoming=[x.Upcoming(what="appeal hearing", date="2030-09-27", date_precision="day",
                                evidence=text, span=(0, len(text)))])


def test_case_page_counts_sources_flags_conflicts_and_computes_term_end(editor_client):
    _sentencing("Gulnara Tasova was sentenced on 25 July 2017 to four years.", "2017-07-25", 4)
    _sentencing("On 26 July 2017 Gulnara Tasova got five years.", "2017-07-26", 5)
    rebuild_cases()
    page = editor_client.get(reverse("case-detail", args=[Case.objects.get().pk])).content.decode()
    assert 'data-count="2"' in page and "confirmed by 2 sources" in page
    assert "Sources disagree" in page and "2017-07-26" in page and "5 years" in page
    assert "2021-07-25" in page  # four years from the decision date
    assert "appeal hearing" in page and "2030-09-27" in page
    queue = editor_client.get(reverse("review")).content.decode()
    assert 'id="decision-' in queue and 'id="upcoming-' not in queue


def test_an_upheld_sentence_runs_from_the_first_decision(editor_client):
    name = "Gulnara Tasova"
    for text, date in (("Gulnara Tasova was sentenced on 25 July 2017 to four years.", "2017-07-25"),
                       ("On 27 September 2017 the appeal court upheld the four years.", "2017-09-27")):
        ingest(text, persons=[person(text, name)] if name in text else [],
               events=[event(text, "sentencing", [name], date)],
               decisions=[decision(text, name, date, [x.Term("restriction_of_movement", 4, "years")])])
    rebuild_cases()
    page = editor_client.get(reverse("case-detail", args=[Case.objects.get().pk])).content.decode()
    assert "upholds the decision of 2017-07-25" in page
    assert "2021-07-25" in page and "2021-09-27" not in page


def test_case_edits_through_the_page(editor_client):
    report_person("Aliya Dosova", type_="arrest", date="2020-01-05")
    report_person("Aliya Dosova", type_="threat", date="2020-02-05")
    rebuild_cases()
    case = Case.objects.get()
    editor_client.post(reverse("case-edit", args=[case.pk, "rename"]), {"title": "Dosova file"})
    threat = Event.objects.get(type="threat")
    response = editor_client.post(reverse("case-edit", args=[case.pk, "split"]),
                                  {"events": [threat.pk], "title": "Threats"})
    new = Case.objects.get(title="Threats")
    assert response["Location"] == reverse("case-detail", args=[new.pk])
    assert Case.objects.get(pk=case.pk).title == "Dosova file"
    editor_client.post(reverse("case-edit", args=[case.pk, "merge"]), {"other": new.pk})
    assert Case.objects.count() == 1 and Case.objects.get().events.count() == 2
    editor_client.post(reverse("case-edit", args=[case.pk, "remove-event"]), {"event": threat.pk})
    rebuild_cases()
    assert list(Case.objects.get().events.values_list("type", flat=True)) == ["arrest"]


def test_deadlines_page_and_calendar_feeds(editor_client):
    _sentencing("Gulnara Tasova was sentenced on 25 July 2017 to four years.", "2017-07-25", 4)
    rebuild_cases()
    case = Case.objects.get()
    page = editor_client.get(reverse("deadline-list") + "?past=1").content.decode()
    assert "2030-09-27" in page and "2021-07-25" in page
    upcoming_only = editor_client.get(reverse("deadline-list")).content.decode()
    assert "2021-07-25" not in upcoming_only and "2030-09-27" in upcoming_only
    for url in (reverse("deadlines-ics"), reverse("case-ics", args=[case.pk])):
        response = editor_client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        body = response.content.decode()
        assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
        assert "DTSTART;VALUE=DATE:20300927" in body and "DTSTART;VALUE=DATE:20210725" in body


def test_alerts_page_lists_and_acknowledges(editor_client):
    report_person("Saule Nurova", type_="arrest", date="2020-01-01")
    rebuild_cases()
    page = editor_client.get(reverse("alert-list")).content.decode()
    assert "New arrest or detention" in page and "Saule Nurova" in page
    from unionwatch.monitoring.models import Alert

    alert = Alert.objects.get()
    editor_client.post(reverse("alert-ack", args=[alert.pk]))
    assert "Saule Nurova" not in editor_client.get(reverse("alert-list")).content.decode()
    assert "acknowledged by editor" in editor_client.get(reverse("alert-list") + "?all=1").content.decode()


@pytest.mark.parametrize("name", ["review", "deadline-list", "alert-list", "deadlines-ics"])
def test_new_pages_require_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_accepting_a_match_joins_their_cases(editor_client, django_capture_on_commit_callbacks):
    question = _question()
    rebuild_cases()
    assert Case.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("review-match", args=[question.pk, "accept"]))
    assert Case.objects.count() == 1
    assert Case.objects.get().events.count() == 2


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_review_in_a_real_browser(live_server, django_user_model):
    """An officer answers a question from the nav bar, then takes the answer back."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests.web.test_browser import ARTIFACTS, CHROMIUM, FLAGS

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium")
    django_user_model.objects.create_user("officer", password="a-long-test-password", role="editor")
    question = _question()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/login/")
        page.fill("input[name=username]", "officer")
        page.fill("input[name=password]", "a-long-test-password")
        page.click("button[type=submit]")
        page.click("nav >> text=Review")
        row = page.locator(f"#match-{question.pk}")
        assert "Olena Petrenko" in row.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "review-queue.png"), full_page=True)
        row.locator("text=Same — merge").click()
        page.wait_for_selector(f"#match-{question.pk}", state="detached")
        assert Person.objects.count() == 1
        page.locator("section.history button:has-text('Undo')").first.click()
        page.wait_for_selector(f"#match-{question.pk}")
        assert Person.objects.count() == 2
        browser.close()


def test_case_list_shows_next_term_end_and_open_alerts(editor_client):
    _sentencing("Gulnara Tasova was sentenced on 25 July 2025 to four years.", "2025-07-25", 4)
    rebuild_cases()
    html = editor_client.get(reverse("case-list")).content.decode()
    assert 'class="alerts-count"' in html
    assert "2029-07-25" in html  # the term end comes before the hearing of 2030


def test_calendar_apps_subscribe_with_a_token(client, editor):
    from unionwatch.accounts.tokens import create_token

    _sentencing("Gulnara Tasova was sentenced on 25 July 2017 to four years.", "2017-07-25", 4)
    rebuild_cases()
    token = create_token(editor, "phone calendar", scope="calendar")
    response = client.get(reverse("deadlines-ics"), {"token": token})
    assert response.status_code == 200 and b"DTSTART;VALUE=DATE:20210725" in response.content
    case = Case.objects.get()
    assert client.get(reverse("case-ics", args=[case.pk]), {"token": token}).status_code == 200
    assert client.get(reverse("deadlines-ics"), {"token": "uw_wrong"}).status_code == 401
    assert client.get(reverse("deadline-list"), {"token": token}).status_code == 302  # feeds only
    # A feed token opens no API, and an API token is refused in a feed URL.
    assert client.get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    api_token = create_token(editor, "scripts")
    assert client.get(reverse("deadlines-ics"), {"token": api_token}).status_code == 401
