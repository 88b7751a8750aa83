"""Deadlines of a case ('appeals must be lodged by 4 July') and a court's session month ('its May session')."""

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _upcoming(text: str, date: str = "2023-06-20") -> list[tuple]:
    return [(u.what, u.date) for u in extract_text(text, DocumentMeta(date=date)).upcoming]


def test_a_deadline_to_lodge_or_file_an_appeal_is_upcoming():
    assert _upcoming("The court convicted Anna Petrenko on 19 June. Appeals must be lodged by 4 July.") == [
        ("deadline", "2023-07-04")
    ]
    assert _upcoming("Her lawyer said the defence must file its appeal by 2 July.") == [("deadline", "2023-07-02")]
    assert _upcoming("Any appeal must be submitted to the regional court by 30 June.") == [("deadline", "2023-06-30")]


def test_past_or_non_legal_deadlines_are_not_upcoming():
    assert _upcoming("The appeal was lodged by 4 May.") == []
    assert _upcoming("Appeals had to be lodged by 4 May.") == []
    assert _upcoming("The union must submit its observations by 30 June.") == []


def test_a_courts_session_month_after_a_possessive():
    assert _upcoming("The court of cassation is expected to hear the case during its March session.", "2024-01-10") == [
        ("court appearance", "2024-03")
    ]
    assert _upcoming("The judges will rule at their October sitting.", "2024-01-10") == [("scheduled step", "2024-10")]
    assert _upcoming("Her complaint was rejected at its March session.", "2024-06-10") == []


def test_has_until_and_the_deadline_is():
    assert _upcoming("The court convicted Anna Petrenko on 19 June. She has until 4 July to appeal.") == [("deadline", "2023-07-04")]
    assert _upcoming("The deadline for an appeal to the regional court is 4 July.") == [("deadline", "2023-07-04")]
    # negative: a deadline told in the past tense
    assert _upcoming("The deadline for an appeal was 4 June.") == []
