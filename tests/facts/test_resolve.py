"""Entity resolution across documents: one rule per test, on documents written here."""

from __future__ import annotations

import pytest

from unionwatch.facts.matching import initials, name_key, org_score, person_score
from unionwatch.facts.models import Judgement, Organization, Person, Place
from unionwatch.facts.resolve import MERGE_AT, REVIEW_AT

from .builders import event, ingest, org, person, report_person

pytestmark = pytest.mark.django_db


def persons_named(fragment: str) -> list[Person]:
    return [p for p in Person.objects.all() if any(fragment in name_key(n) for n in p.all_names())]


# --- transliteration --------------------------------------------------------------------


@pytest.mark.parametrize("spellings", [
    ["Larisa Kharkova", "Larissa Kharkova", "Лариса Харькова"],
    ["Nurbek Kushakbayev", "Nurbek Kushakbaev"],
    ["Amin Yeleusinov", "Amin Eleusinov"],
    ["Oksana Zhuravlyova", "Oksana Zhuravleva"],
    ["Pyotr Semyonov", "Petr Semenov", "Пётр Семёнов"],
])
def test_transliteration_variants_are_one_person(spellings):
    for name in spellings:
        report_person(name)
    assert Person.objects.count() == 1
    stored = Person.objects.get()
    assert set(spellings) <= set(stored.all_names())
    assert stored.name.isascii()  # the Latin spelling is the display name


def test_cyrillic_soft_sign_does_not_split_the_name():
    # anyascii writes ь as an apostrophe; the key must not cut the word there.
    assert name_key("Харькова") == name_key("Kharkova")


@pytest.mark.parametrize("a, b", [("Shimkent", "Shymkent"), ("Yenbekshinsky", "Enbekshinskiy")])
def test_place_spellings_are_one_place(a, b):
    for name in (a, b):
        text = f"Workers met in {name} on Monday."
        from unionwatch.core import types as x

        ingest(text, places=[x.Place(name=name, kind="city", mentions=[(15, 15 + len(name))])])
    assert Place.objects.count() == 1


def test_court_names_in_two_transliterations_are_one_court():
    for name in ("Yenbekshinsky district court of Shimkent", "Enbekshinskiy District Court of Shymkent",
                 "Enbekshinskiy District Court of Shymkent City"):
        text = f"The {name} heard the case."
        ingest(text, orgs=[org(text, name, kind="court")])
    assert Organization.objects.count() == 1


# --- acronyms and expansions ------------------------------------------------------------


def test_acronyms_in_other_languages_from_the_alias_table():
    for name in ("KNPRK", "CNTUK", "CITUK"):
        text = f"Leaders of {name} were questioned."
        ingest(text, orgs=[org(text, name)])
    text = "The Confederation of Independent Trade Unions of Kazakhstan was dissolved."
    ingest(text, orgs=[org(text, "Confederation of Independent Trade Unions of Kazakhstan")])
    assert Organization.objects.count() == 1
    assert Organization.objects.get().name == "Confederation of Independent Trade Unions of Kazakhstan"


def test_acronym_defined_in_a_document_links_later_bare_acronym():
    text = "The Free Miners Syndicate of Valdoria (SLMV) called a strike."
    ingest(text, country="Valdoria", orgs=[org(text, "Free Miners Syndicate of Valdoria", ["SLMV"])])
    text = "SLMV members were dismissed."
    ingest(text, country="Valdoria", orgs=[org(text, "SLMV")])
    assert Organization.objects.count() == 1


def test_initials_of_a_full_name_match_the_acronym():
    assert initials("Union of Metal Workers of Valdoria") == "UMWV"
    text = "The Union of Metal Workers of Valdoria protested."
    ingest(text, country="Valdoria", orgs=[org(text, "Union of Metal Workers of Valdoria")])
    text = "UMWV organisers were arrested."
    ingest(text, country="Valdoria", orgs=[org(text, "UMWV")])
    assert Organization.objects.count() == 1


def test_one_acronym_in_two_countries_is_a_question_not_a_merge():
    for country in ("Colombia", "Brazil"):
        text = "Members of the CUT marched."
        ingest(text, country=country, orgs=[org(text, "CUT")])
    assert Organization.objects.count() == 2
    assert Judgement.objects.filter(verdict="unsure", entity_type="organization").count() == 1


@pytest.mark.parametrize("names", [
    ["International Labour Organization", "International Labor Organisation"],
    ["ILO", "ILO"],
])
def test_international_body_is_one_across_countries(names):
    for name, country in zip(names, ("Colombia", "Belarus"), strict=True):
        text = f"The {name} was informed."
        ingest(text, country=country, orgs=[org(text, name)])
    assert Organization.objects.count() == 1


def test_unrelated_acronyms_and_similar_names_stay_apart():
    assert org_score("UMWV", "Union of Mine Workers of Ruritania") == 0
    assert org_score("Federation of Trade Unions of Belarus",
                     "Federation of Trade Unions of Ukraine") < REVIEW_AT


# --- surnames -----------------------------------------------------------------------------


def test_surname_only_mention_resolves_within_its_document():
    text = "Olena Petrenko was detained. Later Petrenko was released."
    ingest(text, persons=[person(text, "Petrenko"), person(text, "Olena Petrenko")],
           events=[event(text, "detention", ["Petrenko"])])
    assert Person.objects.count() == 1
    assert Person.objects.get().name == "Olena Petrenko"
    assert Person.objects.get().events.count() == 1


def test_surname_only_across_documents_goes_to_review_not_merge():
    report_person("Olena Petrenko")
    report_person("Petrenko")
    assert Person.objects.count() == 2
    pending = Judgement.objects.get(verdict="unsure")
    assert pending.name == "Petrenko"


def test_bare_surname_with_two_namesakes_in_the_document_stays_unresolved():
    text = "Olena Petrenko and Taras Petrenko were questioned. Petrenko refused to answer."
    ingest(text, persons=[person(text, "Olena Petrenko"), person(text, "Taras Petrenko"),
                          person(text, "Petrenko")])
    olena = Person.objects.get(name="Olena Petrenko")
    assert "Petrenko" not in olena.aliases


# --- context ------------------------------------------------------------------------------


def test_namesakes_in_different_countries_stay_apart():
    report_person("Maria Kovalenko", country="Kazakhstan")
    report_person("Pavel Kovalenko", country="Belarus")
    assert Person.objects.count() == 2
    assert not Judgement.objects.filter(verdict="unsure").exists()


def test_same_full_name_in_another_country_is_a_question_not_a_merge():
    report_person("Maria Kovalenko", country="Kazakhstan")
    report_person("Maria Kovalenko", country="Belarus")
    assert Person.objects.count() == 2
    assert Judgement.objects.filter(verdict="unsure").count() == 1


def test_same_surname_other_given_name_same_country_are_two_people():
    report_person("Maria Kovalenko")
    report_person("Iryna Kovalenko")
    assert Person.objects.count() == 2
    assert person_score("Maria Kovalenko", "Iryna Kovalenko") < REVIEW_AT


def _initial_report(roles):
    text = "I. Marchenko of the Dock Workers Union was questioned."
    return ingest(text, persons=[person(text, "I. Marchenko", roles=roles)],
                  orgs=[org(text, "Dock Workers Union")],
                  events=[event(text, "interrogation", ["I. Marchenko"])])


def test_shared_organisation_in_roles_raises_a_match():
    text = "Ivan Marchenko, chair of the Dock Workers Union, was warned."
    ingest(text, persons=[person(text, "Ivan Marchenko", roles=["chair of the Dock Workers Union"])],
           orgs=[org(text, "Dock Workers Union")])
    _initial_report(["member of the Dock Workers Union"])
    assert Person.objects.count() == 1


def test_without_organisation_context_an_initial_is_only_a_question():
    report_person("Ivan Marchenko")
    _initial_report([])
    assert Person.objects.count() == 2
    judgement = Judgement.objects.get(verdict="unsure")
    assert REVIEW_AT <= judgement.score < MERGE_AT


def test_automatic_merges_are_recorded_with_score_and_reason():
    report_person("Nurbek Kushakbayev")
    doc = report_person("Nurbek Kushakbaev")
    judgement = Judgement.objects.get(verdict="positive", document=doc)
    assert judgement.automatic and judgement.score >= MERGE_AT
    assert "Kushakbaev" in judgement.reason
