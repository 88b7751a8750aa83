"""Escalation alerts after ingest: new violation type, family targeted, arrest or sentence."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.facts.builders import event, ingest, person, report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.monitoring.models import Alert
from unionwatch.monitoring.rules import run_alert_rules

pytestmark = pytest.mark.django_db


def kinds() -> list[str]:
    return sorted(Alert.objects.values_list("kind", flat=True))


def test_first_sight_of_a_case_sets_a_baseline_then_new_types_alert():
    report_person("Saule Nurova", type_="surveillance", date="2020-01-01")
    rebuild_cases()
    assert kinds() == []
    report_person("Saule Nurova", type_="surveillance", date="2020-02-01")
    rebuild_cases()
    assert kinds() == []
    report_person("Saule Nurova", type_="dismissal", date="2020-03-01")
    rebuild_cases()
    assert kinds() == ["new_violation_type"]
    assert "dismissal" in Alert.objects.get().message


def test_arrest_sentence_and_family_alerts_are_raised_once():
    report_person("Saule Nurova", type_="arrest", date="2020-01-01")
    text = "The house of the daughter of Saule Nurova was searched."
    ingest(text, persons=[person(text, "Saule Nurova")],
           events=[event(text, "raid", ["daughter of Saule Nurova"], "2020-02-01")])
    report_person("Saule Nurova", type_="sentencing", verb="was sentenced", date="2020-05-01")
    rebuild_cases()
    assert kinds() == ["arrest", "family_targeted", "sentence"]
    run_alert_rules()
    rebuild_cases()
    assert Alert.objects.count() == 3


def test_alerts_are_emailed_when_smtp_is_configured(settings, django_user_model,
                                                     django_capture_on_commit_callbacks):
    settings.ALERT_EMAILS = True
    django_user_model.objects.create_user("duty", email="duty@example.org", role="editor",
                                          password="a-long-test-password")
    django_user_model.objects.create_user("guest", email="guest@example.org", role="viewer",
                                          password="a-long-test-password")
    report_person("Saule Nurova", type_="arrest", date="2020-01-01")
    with django_capture_on_commit_callbacks(execute=True):
        rebuild_cases()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["duty@example.org"]
    assert "Saule Nurova" in mail.outbox[0].body
    assert Alert.objects.get().emailed_at is not None


def test_no_email_without_smtp(settings, django_capture_on_commit_callbacks):
    settings.ALERT_EMAILS = False
    report_person("Saule Nurova", type_="arrest", date="2020-01-01")
    with django_capture_on_commit_callbacks(execute=True):
        rebuild_cases()
    assert Alert.objects.count() == 1 and not mail.outbox


def test_an_upholding_appeal_does_not_restart_the_terms():
    from tests.facts.builders import decision
    from unionwatch.core import types as x
    from unionwatch.monitoring.deadlines import deadlines

    for text, date in (("Rustam Ibraev was sentenced on 2 March 2018 to three years.", "2018-03-02"),
                       ("On 9 June 2018 the appeal court upheld the three years.", "2018-06-09")):
        ingest(text, persons=[person(text, "Rustam Ibraev")] if "Rustam" in text else [],
               decisions=[decision(text, "Rustam Ibraev", date,
                                   [x.Term("restriction_of_movement", 3, "years")])])
    rebuild_cases()
    ends = [d.date.isoformat() for d in deadlines() if d.kind == "term_end"]
    assert ends == ["2021-03-02"]


def test_alerts_survive_when_their_case_is_folded_into_another():
    from unionwatch.facts.merge import accept_match, pending_matches

    report_person("Olena Petrenko", type_="arrest", date="2020-03-01")
    report_person("Petrenko", type_="detention", date="2020-05-01")
    rebuild_cases()
    assert Alert.objects.count() == 2
    accept_match(pending_matches().get())
    rebuild_cases()
    alerts = list(Alert.objects.all())
    assert len(alerts) == 2 and all(a.case_id for a in alerts)
    assert len({a.case_id for a in alerts}) == 1
