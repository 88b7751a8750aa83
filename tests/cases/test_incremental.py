"""Rebuilding only the cases around a batch's events gives what a full rebuild gives."""

from __future__ import annotations

import pytest

from tests.facts.builders import event, ingest, org, person, report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event

pytestmark = pytest.mark.django_db


def cases() -> list[tuple]:
    return sorted((c.country, c.title, tuple(sorted(c.victims.values_list("pk", flat=True))),
                   tuple(sorted(c.events.values_list("pk", flat=True)))) for c in Case.objects.all())


def test_incremental_rebuild_matches_a_full_one_and_leaves_other_cases_alone():
    report_person("Saule Nurova", date="2020-01-01")
    report_person("Paval Lashkevich", country="Belarus", date="2020-01-02")
    rebuild_cases()
    belarus = Case.objects.get(country="Belarus")
    before = belarus.updated
    # A new report links a second person to Saule Nurova's case through her union.
    text = "Erlan Baltabay, chair of the KNPRK union, was arrested. The KNPRK was raided."
    ingest(text, orgs=[org(text, "KNPRK")],
           persons=[person(text, "Erlan Baltabay", roles=["chair of the KNPRK union"])],
           events=[event(text, "arrest", ["Erlan Baltabay"], "2020-02-01"),
                   event(text, "raid", ["KNPRK"], "2020-02-01")])
    report_person("Saule Nurova", type_="dismissal", date="2020-03-01")
    new = set(Event.objects.filter(date_text__gte="2020-02-01").values_list("pk", flat=True))
    rebuild_cases(new)
    incremental = cases()
    assert Case.objects.get(country="Belarus").updated == before  # not rebuilt
    rebuild_cases()
    assert cases() == incremental


def test_an_event_of_nobody_rebuilds_nothing():
    text = "A strike was banned."
    ingest(text, events=[event(text, "strike_ban", [], "2020-01-01")])
    assert rebuild_cases(Event.objects.values_list("pk", flat=True)) == []
