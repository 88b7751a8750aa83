"""The pipeline as a whole: stages, offsets, language, and end-to-end facts on written texts."""

from pathlib import Path

import pytest

from unionwatch.core import extract, extract_text, read_path
from unionwatch.core.pipeline import Pipeline, build_pipeline, default_pipeline
from unionwatch.core.taxonomy import event_types, term_kinds
from unionwatch.core.types import DocumentMeta, SourceDocument

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"

PRESS_RELEASE = """Union leaders detained in Eastland

Vienna, 12 March 2021 - The Global Transport Federation (GTF) condemns the arrest of union leaders in Eastland.

On 10 March 2021, police arrested Mira Kovac, President of the Eastland Railway Workers' Union (ERWU), at her home in Portville. Her deputy, Tomas Brenner, was also detained.

Officers searched the union's office and seized computers and membership lists.

"This is an attack on every worker in the country," said Ellen Fry, General Secretary of the GTF.

Kovac was charged with organising an illegal strike. A court hearing is scheduled for 19 March 2021.

We call for the release of Mira Kovac and Tomas Brenner.
"""


@pytest.fixture(scope="module")
def press():
    return extract_text(PRESS_RELEASE, DocumentMeta(title="Union leaders detained in Eastland"))


def test_default_pipeline_is_cached_and_named():
    assert default_pipeline() is default_pipeline()
    names = default_pipeline().stage_names
    assert names[:3] == ["normalise", "sentences", "language"]
    assert names.index("persons") > names.index("organisations")


def test_stages_can_be_replaced_and_removed():
    pipeline = build_pipeline()
    pipeline.remove_stage("events")
    assert "events" not in pipeline.stage_names
    result = pipeline(SourceDocument(PRESS_RELEASE, DocumentMeta()))
    assert result.events == [] and result.persons


def test_empty_pipeline_still_returns_an_extraction():
    result = Pipeline([])(SourceDocument("Nothing.", DocumentMeta()))
    assert result.persons == [] and result.document.language == "en"


def test_persons_with_aliases_and_roles(press):
    persons = {p.name: p for p in press.persons}
    assert set(persons) == {"Mira Kovac", "Tomas Brenner", "Ellen Fry"}
    assert "Kovac" in persons["Mira Kovac"].aliases
    assert any("President" in r for r in persons["Mira Kovac"].roles)


def test_organisations_with_acronyms(press):
    orgs = {o.name: o for o in press.organizations}
    assert "GTF" in orgs["Global Transport Federation"].aliases
    assert orgs["Global Transport Federation"].kind == "federation"
    assert orgs["Eastland Railway Workers' Union"].aliases == ["ERWU"]
    assert not any(o.name.lower() == "police" for o in press.organizations)


def test_events_dates_and_victims(press):
    by_type = {e.type: e for e in press.events}
    assert by_type["arrest"].date == "2021-03-10"
    assert {"Mira Kovac", "Tomas Brenner"} <= set(by_type["arrest"].victims)
    assert "raid" in by_type and "charges" in by_type
    assert set(by_type) <= set(event_types())
    assert press.document.date is None or press.document.date == "2021-03-12"


def test_calls_for_release_are_not_events(press):
    assert not any("call for the release" in e.evidence for e in press.events)


def test_upcoming_hearing(press):
    assert [(u.what, u.date) for u in press.upcoming] == [("hearing", "2021-03-19")]


def test_every_offset_points_at_its_text(press):
    for person in press.persons:
        for start, end in person.mentions:
            assert PRESS_RELEASE[start:end] in [person.name, *person.aliases]
    for event in press.events:
        start, end = event.span
        assert PRESS_RELEASE[start:end] == event.evidence


def test_places_without_demonyms():
    result = extract_text("Kazakh workers marched in Almaty and in Astana, Kazakhstan, on 3 May 2019.")
    names = [p.name for p in result.places]
    assert "Kazakhstan" in names and "Almaty" in names
    assert "Kazakh" not in names


def test_non_english_document_gives_a_notice_and_no_facts():
    text = (
        "Le syndicat a été dissous par le tribunal et les dirigeants de la confédération ont été arrêtés "
        "par la police pour leur participation à la grève des travailleurs du pétrole dans la région."
    )
    result = extract_text(text)
    assert result.document.language == "fr"
    assert result.notices and "not supported" in result.notices[0]
    assert not (result.persons or result.events or result.organizations)


def test_term_kinds_come_from_the_taxonomy(press):
    text = "On 2 June 2020 the court sentenced union leader Ola Berg to two years in prison and a fine of €500."
    result = extract_text(text)
    kinds = {t.kind for d in result.court_decisions for t in d.terms}
    assert kinds == {"prison", "fine"} and kinds <= set(term_kinds())


def test_to_dict_is_json_ready(press):
    import json

    data = json.loads(json.dumps(press.to_dict()))
    assert {"persons", "organizations", "places", "events", "court_decisions", "upcoming"} <= set(data)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_documents_give_the_three_terms(name):
    result = extract(read_path(SEEDS / name))
    terms = {
        (t.kind, t.amount, t.unit)
        for d in result.court_decisions
        if "Kharkova" in d.defendant
        for t in d.terms
    }
    assert terms == {("restriction_of_movement", 4, "years"), ("forced_labour", 100, "hours"), ("ban_from_office", 5, "years")}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
def test_seed_letter_dates_come_from_its_letter_date():
    letter = next(p for p in sorted(SEEDS.glob("*.txt")) if "21/09/2018" in p.read_text(encoding="utf-8"))
    result = extract(read_path(letter))
    assert result.document.date == "2018-09-21"
    assert "2018-09-14" in {e.date for e in result.events}
    assert [u.date for u in result.upcoming] == ["2018-09-27"]


def test_offsets_survive_letters_that_lower_case_to_two_characters():
    text = "İİİ İstanbul: DİSK said police arrested Arzu Demir on 12 June 2023 in İzmir."
    result = extract_text(text)
    arrest = next(e for e in result.events if e.type == "arrest")
    assert text[arrest.span[0]:arrest.span[1]] == arrest.evidence
    assert arrest.date == "2023-06-12"
    for person in result.persons:
        for start, end in person.mentions:
            assert text[start:end] in [person.name, *person.aliases]
