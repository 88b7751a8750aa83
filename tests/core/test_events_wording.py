"""Events: families of wording seen on unseen documents (bail conditions, suspensions and transfers,
investigations, cameras, company bodies, warnings, blows, statistics), each on written sentences."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _events(text: str, date: str | None = "2022-05-10"):
    return extract_text(text, DocumentMeta(date=date)).events


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a duty to report at set intervals
        "The judge granted Omar Said and Ben Kato bail and ordered them to report to the police station every Monday.",
        "The magistrate set bail for Dan Okoro and required him to report to the prosecutor twice a month.",
        "The judge placed the two organisers under judicial control, requiring them to report to a gendarmerie post twice a week.",
        # a pledge or an order not to leave or come near
        "Lina Vos was freed on 3 June after signing an undertaking not to leave the city.",
        "The court released Ana Ruiz on a bond and directed her not to go within 200 metres of the mine.",
        # an order that bars named persons from leaving
        "A restriction order bars Tom Reyes from leaving the province.",
    ],
)
def test_bail_and_release_conditions_are_travel_restrictions(text):
    assert "travel_restriction" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was summoned to report to the police station on Monday.",  # one summons, no standing duty
        "The union asked members to report to the office twice a week.",  # not an authority
        "The organisers decided not to leave the square until nightfall.",  # their own choice
    ],
)
def test_reporting_and_staying_without_a_condition_are_no_restriction(text):
    assert "travel_restriction" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May the regional office suspended Lina Vos and Ben Kato from their teaching posts.",
        "The director suspended him from his duties without pay.",
        "The union's secretary, Ana Ruiz, had been transferred without notice to a branch in the north.",
    ],
)
def test_suspensions_and_punitive_transfers_are_dismissals(text):
    assert "dismissal" in _types(text)


def test_a_prisoner_moved_or_a_plan_suspended_is_no_dismissal():
    assert "dismissal" not in _types("The employer suspended the union's dues collection.")
    assert "dismissal" not in _types("Ana Ruiz was transferred without notice to the central prison.")


@pytest.mark.parametrize(
    "text",
    [
        "A First Information Report (FIR) was registered against 18 named workers, including Lina Vos.",
        "The prosecutor's office is investigating all 27 workers for rioting.",
        "Prosecutors are investigating both leaders for inciting a strike.",
    ],
)
def test_reports_and_investigations_against_workers_are_charges(text):
    assert "charges" in _types(text)


def test_an_investigation_of_a_fire_is_no_charge():
    assert "charges" not in _types("Police said they were investigating the fire at the depot.")


def test_cameras_installed_where_workers_meet_are_surveillance():
    assert "surveillance" in _types("Cameras were installed in the drivers' rest room in March.")
    assert "surveillance" in _types("A hidden microphone had been placed in the union office.")
    assert "surveillance" not in _types("New cameras were installed to film the company's anniversary parade.")


def test_a_body_set_up_by_the_employer_is_interference():
    assert "interference" in _types("Management signed a deal with a workers' committee set up by the company last year.")
    assert "interference" not in _types("The union's committee set up a strike fund last year.")


def test_a_warning_that_workers_face_sanctions_is_a_threat():
    assert "threat" in _types("The company wrote to 30 nurses, warning them that they face disciplinary hearings.")
    assert "threat" in _types("Managers warned the drivers they risked dismissal.")
    assert "threat" not in _types("The union warned that the drivers face longer shifts under the new rota.")


def test_a_person_hit_in_a_part_of_the_body_is_assaulted():
    events = _events("His cousin, Tom Reyes, 22, was hit in the arm and taken to hospital.")
    assert [e.type for e in events] == ["assault"] and events[0].victims == ["Tom Reyes"]
    assert "assault" not in _types("The region was hit in the spring by floods.")


def test_people_held_at_a_point_in_time_are_a_statistic():
    assert _types("More than 40 trade unionists were behind bars in the country at the end of 2021.") == []
    assert "arrest" in _types("More than 40 trade unionists were arrested in the capital on 3 May.")


def test_since_the_act_refers_to_the_act_told_before():
    text = "Gunmen killed union leader Ana Ruiz on 3 May. Since the murder, her deputy Tom Reyes has received threats."
    assert [e.type for e in _events(text)].count("killing") == 1
    # "since the arrest of X" may be the only report of the arrest
    assert "dismissal" in _types("Since the dismissal of Ana Ruiz on 3 May, the union has held weekly pickets.")


def test_hit_and_died_is_a_killing():
    types = _types("Tom Reyes, a union steward, was hit in the chest by a bullet and died before reaching hospital.")
    assert "killing" in types and "assault" not in types
