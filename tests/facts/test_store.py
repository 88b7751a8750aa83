"""Storing extractions: entities resolve across spellings, reports of one incident merge."""

from __future__ import annotations

import hashlib

import pytest

from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.core import types as x
from unionwatch.documents.models import Document
from unionwatch.facts.models import CourtDecision, Event, Evidence, Person
from unionwatch.facts.store import sentence_around, store_extraction

pytestmark = pytest.mark.django_db


def make_document(text: str, country: str = "Kazakhstan") -> Document:
    return Document.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, title=text[:30], country=country
    )


def sentenced(name: str, text: str, date: str | None, country: str = "Kazakhstan", terms=()) -> Document:
    doc = make_document(text, country)
    start = text.index(name)
    extraction = x.Extraction(
        document=x.DocumentMeta(),
        persons=[x.Person(name=name, mentions=[(start, start + len(name))])],
        events=[x.Event(type="sentencing", date=date, date_precision="day" if date else None,
                       victims=[name], evidence=text, span=(0, len(text)), confidence=0.9)],
        court_decisions=[x.CourtDecision(defendant=name, date=date, terms=list(terms), evidence=text,
                                   span=(0, len(text)))],
    )
    store_extraction(doc, extraction)
    return doc


def test_spelling_variants_resolve_to_one_person_and_one_event():
    sentenced("Larisa Kharkova", "On 25 July 2017 a court sentenced Larisa Kharkova.", "2017-07-25",
              terms=[x.Term("restriction_of_movement", 4, "years")])
    sentenced("Larissa Kharkova", "Larissa Kharkova was sentenced by a court.", None,
              terms=[x.Term("restriction_of_movement", 4, "years"), x.Term("forced_labour", 100, "hours")])
    assert Person.objects.count() == 1
    person = Person.objects.get()
    assert person.name == "Larisa Kharkova" and "Larissa Kharkova" in person.aliases
    event = Event.objects.get()
    assert event.date_text == "2017-07-25"
    assert Evidence.objects.filter(event=event).count() == 2
    decision = CourtDecision.objects.get()
    assert sorted(t.kind for t in decision.terms.all()) == ["forced_labour", "restriction_of_movement"]


def test_same_name_in_different_countries_stays_apart():
    sentenced("Maria Ivanova", "Maria Ivanova was sentenced in one country.", None, country="Kazakhstan")
    sentenced("Maria Ivanova", "Maria Ivanova was sentenced elsewhere.", None, country="Belarus")
    assert Person.objects.count() == 2
    assert Event.objects.count() == 2


def test_incompatible_dates_do_not_merge_events():
    sentenced("Amin Yeleusinov", "Amin Yeleusinov was sentenced on 8 May 2017.", "2017-05-08")
    sentenced("Amin Yeleusinov", "Amin Yeleusinov was sentenced again on 2 June 2019.", "2019-06-02")
    assert Event.objects.count() == 2


def test_cases_group_victims_per_country_and_rebuild_is_idempotent():
    sentenced("Larisa Kharkova", "Larisa Kharkova was sentenced.", None)
    sentenced("Nurbek Kushakbayev", "Nurbek Kushakbayev was sentenced.", None)
    sentenced("Paval Lashkevich", "Paval Lashkevich was sentenced.", None, country="Belarus")
    rebuild_cases()
    first = sorted(Case.objects.values_list("id", "country"))
    rebuild_cases()
    assert sorted(Case.objects.values_list("id", "country")) == first
    assert {c for _, c in first} == {"Kazakhstan", "Belarus"}


def test_sentence_around_finds_the_sentence():
    text = "First one. The second sentence is here! Third?"
    start = text.index("second")
    left, right = sentence_around(text, start, start + 6)
    assert text[left:right] == "The second sentence is here!"
