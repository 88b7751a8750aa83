"""Upcoming steps: wordings that schedule a step of the case, and agendas that are not one."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _upcoming(text: str, doc: str) -> list[tuple[str, str | None]]:
    return [(u.what, u.date) for u in extract_text(text, DocumentMeta(date=doc)).upcoming]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court setting its hearing
        ("The city court has set the appeal hearing for 9 August.", ("appeal hearing", "2022-08-09")),
        ("The labour tribunal set a first hearing on the claims for 2 August.", ("hearing", "2022-08-02")),
        # a defendant told to report, or to stand trial
        ("The treasurer must present herself to the probation office by 1 September to begin her term.",
         ("scheduled step", "2022-09-01")),
        ("Two shop stewards are to stand trial before the district court on 15 August.", ("trial", "2022-08-15")),
        # the end of a ban or a detention, told as "when it expires"
        ("The union may not meet until the ban is lifted, and it expires on 31 July.", ("end of restriction term", "2022-07-31")),
        ("His remand in custody runs out on 30 July.", ("end of detention term", "2022-07-30")),
    ],
)
def test_wordings_that_schedule_a_step(text, expected):
    assert _upcoming(text, "2022-07-20") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A national day of action will be held on 5 August.",
        "The federation will raise the case at the International Labour Conference in June.",
        "A solidarity delegation is scheduled to visit the port on 3 August.",
        "The union will hold its congress on 12 August.",
    ],
)
def test_an_agenda_is_no_step_of_the_case(text):
    assert _upcoming(text, "2022-07-20") == []


def test_a_step_without_a_label_of_its_own_is_kept_when_it_is_one_of_the_case():
    assert _upcoming("The application will be heard on 5 August.", "2022-07-20") == [("scheduled step", "2022-08-05")]
    assert _upcoming("The matter will be mentioned again on 5 August.", "2022-07-20") == [("scheduled step", "2022-08-05")]


def test_more_wordings_of_a_step_to_come():
    # "the next one", "is expected in early July", parole
    assert _upcoming("The hearing took place on 3 June and the next one is on 1 August.", "2022-07-20") == [
        ("hearing", "2022-08-01")]
    assert _upcoming("A preliminary hearing is expected in early September.", "2022-07-20") == [("hearing", "2022-09")]
    assert _upcoming("He will be eligible for parole in March next year.", "2022-07-20") == [("scheduled step", "2023-03")]
    # an inspection of a workplace is not a step of the case
    assert _upcoming("The labour inspectorate will inspect the factory on 30 July.", "2022-07-20") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date a step was called off is no step ahead (a day-month already past reads as next year's)
        ("The trial set for 14 July was postponed because the judge was ill.", []),
        ("Her hearing scheduled for 18 July has been cancelled.", []),
        ("The appeal hearing fixed for 12 July was again adjourned.", []),
        # the new date of a postponed step is one
        ("The trial set for 14 July was postponed to 9 September.", [("trial", "2022-09-09")]),
        ("The hearing was adjourned until 3 August.", [("hearing", "2022-08-03")]),
    ],
)
def test_a_step_called_off_keeps_only_its_new_date(text, expected):
    assert _upcoming(text, "2022-07-20") == expected
