"""Case files: proposed from connected victims per country; users rename, merge, split,
add and remove events, and the builder respects their edits."""

from __future__ import annotations

import pytest

from tests.facts.builders import event, ingest, org, person, report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.edit import (
    CaseEditError,
    add_event,
    merge_cases,
    remove_event,
    rename_case,
    split_case,
)
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event

pytestmark = pytest.mark.django_db


def _two_cases():
    report_person("Aliya Dosova", type_="arrest", date="2020-01-05")
    report_person("Berik Omarov", type_="dismissal", date="2020-02-05")
    rebuild_cases()
    return Case.objects.get(victims__name="Aliya Dosova"), Case.objects.get(victims__name="Berik Omarov")


def test_connected_victims_and_union_make_one_case_per_country():
    text = "Aliya Dosova, chair of the Steel Union, and the Steel Union were targeted."
    ingest(text, persons=[person(text, "Aliya Dosova", roles=["chair of the Steel Union"])],
           orgs=[org(text, "Steel Union")],
           events=[event(text, "deregistration", ["Steel Union"], "2020-01-01"),
                   event(text, "arrest", ["Aliya Dosova"], "2020-01-05")])
    report_person("Aliya Dosova", type_="threat", date="2020-03-01")
    report_person("Aliya Dosova", country="Belarus", type_="threat", date="2020-03-01")
    rebuild_cases()
    kz = Case.objects.get(country="Kazakhstan")
    assert kz.events.count() == 3 and kz.organizations.count() == 1
    assert Case.objects.count() == 2


def test_rename_keeps_title_through_rebuild():
    first, _ = _two_cases()
    rename_case(first, "Dosova arrest")
    rebuild_cases()
    first.refresh_from_db()
    assert first.title == "Dosova arrest" and not first.automatic
    with pytest.raises(CaseEditError):
        rename_case(first, "  ")


def test_merge_then_rebuild_keeps_one_case():
    first, second = _two_cases()
    merged = merge_cases(first, second)
    rebuild_cases()
    assert Case.objects.count() == 1
    assert set(merged.victims.values_list("name", flat=True)) == {"Aliya Dosova", "Berik Omarov"}
    assert merged.events.count() == 2


def test_split_moves_events_and_their_victims():
    first, second = _two_cases()
    merged = merge_cases(first, second)
    berik_event = Event.objects.get(type="dismissal")
    new = split_case(merged, [berik_event.pk], "Omarov dismissal")
    rebuild_cases()
    assert list(new.events.all()) == [berik_event]
    assert list(new.victims.values_list("name", flat=True)) == ["Berik Omarov"]
    merged.refresh_from_db()
    assert list(merged.victims.values_list("name", flat=True)) == ["Aliya Dosova"]
    assert not merged.events.filter(pk=berik_event.pk).exists()
    with pytest.raises(CaseEditError):
        split_case(new, [berik_event.pk], "all of it")


def test_removed_event_is_not_added_back_and_can_be_added_again():
    first, _ = _two_cases()
    arrest = first.events.get()
    remove_event(first, arrest)
    rebuild_cases()
    assert not first.events.exists()
    add_event(first, arrest)
    rebuild_cases()
    assert list(first.events.all()) == [arrest]


def test_new_events_still_join_an_edited_case():
    first, _ = _two_cases()
    rename_case(first, "Dosova")
    report_person("Aliya Dosova", type_="threat", date="2020-04-01")
    rebuild_cases()
    assert first.events.count() == 2
