"""Review answers, merges, splits and their undo; conflicting values kept with sources."""

from __future__ import annotations

import pytest

from unionwatch.core import types as x
from unionwatch.facts.conflicts import conflicts_of
from unionwatch.facts.merge import (
    MergeError,
    accept_match,
    merge_entities,
    pending_matches,
    reject_match,
    split_entity,
    undo_judgement,
)
from unionwatch.facts.models import CourtDecision, Event, Evidence, Judgement, Person

from .builders import decision, event, ingest, person, report_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("officer", password="a-long-test-password",
                                                 role="editor")


def _question():
    report_person("Olena Petrenko", type_="arrest", date="2020-03-01")
    report_person("Petrenko", type_="dismissal", date="2020-05-01")
    return pending_matches().get()


def test_accept_merges_and_records_who_and_when(officer):
    question = _question()
    decision_ = accept_match(question, user=officer)
    assert Person.objects.count() == 1
    olena = Person.objects.get()
    assert "Petrenko" in olena.aliases
    assert set(olena.events.values_list("type", flat=True)) == {"arrest", "dismissal"}
    assert Evidence.objects.filter(person=olena).count() == 2
    assert decision_.verdict == "positive" and decision_.user == officer and decision_.created
    assert not pending_matches().exists()


def test_reject_is_never_proposed_again(officer):
    reject_match(_question(), user=officer)
    assert Judgement.objects.filter(verdict="negative", user=officer).count() == 1
    olena = Person.objects.get(name="Olena Petrenko")
    report_person("Petrenko", type_="threat", date="2021-01-01")
    assert not pending_matches().filter(left_id=olena.pk).exists()
    assert "Petrenko" not in Person.objects.get(pk=olena.pk).aliases


def test_undo_of_a_merge_restores_the_entity_and_its_facts(officer):
    question = _question()
    dropped_id = question.right_id
    merged = accept_match(question, user=officer)
    undo_judgement(merged, user=officer)
    assert Person.objects.count() == 2
    restored = Person.objects.get(pk=dropped_id)
    assert restored.name == "Petrenko"
    assert list(restored.events.values_list("type", flat=True)) == ["dismissal"]
    olena = Person.objects.get(name="Olena Petrenko")
    assert "Petrenko" not in olena.aliases
    assert list(olena.events.values_list("type", flat=True)) == ["arrest"]
    merged.refresh_from_db()
    assert merged.undone_at and merged.undone_by == officer
    assert pending_matches().count() == 1  # the question is open again
    with pytest.raises(MergeError):
        undo_judgement(merged)


def test_manual_merge_keeps_shared_event_once():
    text = "Dana Orlova and D. Orlova-Sen were arrested together."
    ingest(text, persons=[person(text, "Dana Orlova"), person(text, "D. Orlova-Sen")],
           events=[event(text, "arrest", ["Dana Orlova", "D. Orlova-Sen"], "2020-01-02")])
    keep, drop = Person.objects.get(name="Dana Orlova"), Person.objects.get(name="D. Orlova-Sen")
    judgement = merge_entities(keep, drop)
    assert list(Event.objects.get().victim_persons.all()) == [keep]
    undo_judgement(judgement)
    assert Event.objects.get().victim_persons.count() == 2


def test_split_moves_one_documents_facts_and_undo_folds_them_back(officer):
    report_person("Amir Saduakas", type_="arrest", date="2019-04-01")
    second = report_person("Amir Saduakas", type_="fine", date="2019-06-01")
    amir = Person.objects.get()
    judgement = split_entity(amir, [second.pk], user=officer)
    assert Person.objects.count() == 2
    other = Person.objects.get(pk=judgement.right_id)
    assert list(other.events.values_list("type", flat=True)) == ["fine"]
    assert list(amir.events.values_list("type", flat=True)) == ["arrest"]
    assert judgement.verdict == "negative" and judgement.user == officer
    undo_judgement(judgement, user=officer)
    assert Person.objects.count() == 1
    assert Person.objects.get().events.count() == 2


def test_undo_of_an_automatic_attach_splits_that_document_off():
    report_person("Nurlan Abenov", type_="arrest", date="2019-04-01")
    doc = report_person("Nurlan Abenov", type_="threat", date="2019-08-01")
    attach = Judgement.objects.get(verdict="positive", document=doc)
    undo_judgement(attach)
    assert Person.objects.count() == 2


def _sentence(text, date, years):
    name = "Gulnara Tasova"
    return ingest(text, persons=[person(text, name)],
                  events=[event(text, "sentencing", [name], date)],
                  decisions=[decision(text, name, date, [x.Term("prison", years, "years")])])


def test_different_dates_and_terms_for_one_sentencing_are_kept_and_flagged():
    _sentence("Gulnara Tasova was sentenced on 25 March 2019 to four years.", "2019-03-25", 4)
    _sentence("Gulnara Tasova was sentenced on 26 March 2019 to five years.", "2019-03-26", 5)
    event_ = Event.objects.get()
    assert event_.conflicted and event_.evidence.count() == 2
    dates = conflicts_of(event_)["date"]
    assert sorted(c.value for c in dates) == ["2019-03-25", "2019-03-26"]
    assert all(c.evidence.document_id for c in dates)
    court = CourtDecision.objects.get()
    assert court.conflicted
    assert sorted(c.value for c in conflicts_of(court)["term:prison"]) == ["4 years", "5 years"]


def test_agreeing_sources_raise_no_flag():
    _sentence("Gulnara Tasova was sentenced on 25 March 2019 to four years.", "2019-03-25", 4)
    _sentence("In March 2019 Gulnara Tasova got four years.", "2019-03", 4)
    assert not Event.objects.get().conflicted
    assert not CourtDecision.objects.get().conflicted


def test_dates_weeks_apart_are_two_events():
    _sentence("Gulnara Tasova was sentenced on 25 March 2019.", "2019-03-25", 4)
    _sentence("Gulnara Tasova was sentenced on 20 May 2019.", "2019-05-20", 4)
    assert Event.objects.count() == 2


def test_relatives_make_an_event_family_targeted():
    text = "The car of the son of Zarina Bekova was set on fire."
    ingest(text, persons=[person(text, "Zarina Bekova")],
           events=[event(text, "property_damage", ["son of Zarina Bekova"], "2018-09-14")])
    assert Event.objects.get().family_targeted


def test_merging_people_merges_their_reports_of_one_incident_and_undo_restores():
    report_person("Kairat Nurgali", type_="arrest", date="2019-02-11")
    text = "Nurgali was arrested in February 2019 and dismissed in May."
    ingest(text, persons=[person(text, "Nurgali")],  # a bare surname: only a question
           events=[event(text, "arrest", ["Nurgali"], "2019-02"),
                   event(text, "dismissal", ["Nurgali"], "2019-05-02")])
    question = pending_matches().get()
    assert Event.objects.filter(type="arrest").count() == 2
    merged = accept_match(question)
    arrest = Event.objects.get(type="arrest")
    assert arrest.date_text == "2019-02-11" and arrest.evidence.count() == 2
    assert list(arrest.victim_persons.values_list("name", flat=True)) == ["Kairat Nurgali"]
    undo_judgement(merged)
    arrests = Event.objects.filter(type="arrest").order_by("id")
    assert [a.date_text for a in arrests] == ["2019-02-11", "2019-02"]
    assert [a.evidence.count() for a in arrests] == [1, 1]
    assert [list(a.victim_persons.values_list("name", flat=True)) for a in arrests] == [
        ["Kairat Nurgali"], ["Nurgali"]]


def test_namesakes_told_apart_each_keep_finding_their_own_reports(officer):
    report_person("Maria Kovalenko", country="Kazakhstan", type_="arrest", date="2020-01-01")
    report_person("Maria Kovalenko", country="Belarus", type_="arrest", date="2020-02-01")
    reject_match(pending_matches().get(), user=officer)
    report_person("Maria Kovalenko", country="Kazakhstan", type_="threat", date="2020-03-01")
    report_person("Maria Kovalenko", country="Belarus", type_="threat", date="2020-04-01")
    assert Person.objects.count() == 2
    for person_ in Person.objects.all():
        assert person_.events.count() == 2
    assert not pending_matches().exists()
