"""Dates named from the document's own: 'last month', 'in March last year', and a labelled letter date."""

import pytest

from unionwatch.core.stages.dates import find_dates, find_document_date, parse_iso
from unionwatch.core.stages.text import Sentence


def _dates(text: str, doc: str | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.iso) for m in find_dates(text, [Sentence(0, len(text), text)], parse_iso(doc))]


@pytest.mark.parametrize(
    ("text", "doc", "expected"),
    [
        ("The judge convicted them last month.", "2024-01-15", [("last month", "2023-12")]),
        ("Earlier this month, his sister was questioned.", "2022-05-20", [("this month", "2022-05")]),
        ("A hearing will be held next month.", "2022-12-03", [("next month", "2023-01")]),
        # a day or a month with "last year" or "this year" after it
        ("Police raided the office in April last year.", "2024-11-02", [("April", "2023-04")]),
        ("He was detained on 12 May last year.", "2024-11-02", [("12 May", "2023-05-12")]),
        ("The union was founded in February this year.", "2024-01-10", [("February", "2024-02")]),
        # with no document date, nothing is certain
        ("The judge convicted them last month.", None, [("last month", None)]),
        # and a day with no such words keeps the usual reading
        ("He was detained on 12 May.", "2024-11-02", [("12 May", "2024-05-12")]),
    ],
)
def test_dates_relative_to_the_document(text, doc, expected):
    assert _dates(text, doc) == expected


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("GLOBAL FEDERATION OF DOCKERS\nOur ref.: GFD/2023-114\nDate: 04.09.2023\n\nTo the Minister of Labour\n", "2023-09-04"),
        ("Dated: 17 October 2022\n\nDear Minister,\n", "2022-10-17"),
        ("Sent on 3 May 2021\n\nDear Sir,\n", "2021-05-03"),
        # a date inside a line of text is no letter date
        ("The date: 4 May 2021 was when it began, the union says.\n", None),
    ],
)
def test_a_labelled_letter_date(top, expected):
    text = top + "We write about the dismissal of union members at the plant.\n"
    found = find_document_date(text, [Sentence(0, len(text), text)])
    assert (found.iso if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court froze the account on 28 November 2023, and the union was evicted the following day.",
         [("28 November 2023", "2023-11-28"), ("the following day", "2023-11-29")]),
        ("Police detained his son on 15 April; he surrendered two days later.",
         [("15 April", "2024-04-15"), ("two days later", "2024-04-17")]),
        ("She was transferred on 9 June. Three days earlier, her deputy had been dismissed.",
         [("9 June", "2024-06-09"), ("Three days earlier", "2024-06-06")]),
        ("He was arrested on 3 May and charged the next morning.", [("3 May", "2024-05-03"), ("the next morning", "2024-05-04")]),
        # no day to count from, or "the day before" something else: no date
        ("He was freed the following day.", []),
        ("On 3 May he spoke at the rally; the day before the strike he had been warned.", [("3 May", "2024-05-03")]),
    ],
)
def test_days_counted_from_the_day_told_before(text, expected):
    assert _dates(text, "2024-06-20") == expected
