"""The date grammar: absolute, partial and relative dates against the document date."""

from unionwatch.core.stages.dates import (
    find_dates,
    find_document_date,
    parse_iso,
    resolve_day_month,
)
from unionwatch.core.stages.text import Sentence


def _dates(text: str, doc: str | None = None) -> list[tuple[str, str | None]]:
    sentences = [Sentence(0, len(text), text)]
    return [(m.text, m.iso) for m in find_dates(text, sentences, parse_iso(doc))]


def test_absolute_dates():
    assert _dates("Held on 3 March 2019 and on July 4, 2020.") == [
        ("3 March 2019", "2019-03-03"),
        ("July 4, 2020", "2020-07-04"),
    ]


def test_numeric_dates_are_day_first():
    assert _dates("Dated 05/11/2020.") == [("05/11/2020", "2020-11-05")]
    assert _dates("Dated 12/25/2020.") == [("12/25/2020", "2020-12-25")]  # month first only when it must be


def test_day_and_month_take_the_year_of_the_document():
    assert _dates("On 2 March the office was raided.", "2021-06-10") == [("2 March", "2021-03-02")]
    # later in the year than the document: last year
    assert _dates("On 20 November the office was raided.", "2021-06-10") == [("20 November", "2020-11-20")]


def test_future_context_takes_the_next_occurrence():
    assert _dates("A hearing will take place on 3 July.", "2021-06-10") == [("3 July", "2021-07-03")]
    assert _dates("He stays in custody until 5 January.", "2021-06-10") == [("5 January", "2022-01-05")]


def test_without_document_date_the_year_is_left_open():
    assert _dates("On 2 March the office was raided.") == [("2 March", "--03-02")]
    assert resolve_day_month(2, 30, None, False) == (None, None)


def test_months_and_years():
    assert _dates("Arrested in December 2021, released in early 2022.") == [
        ("December 2021", "2021-12"),
        ("2022", "2022"),
    ]
    assert _dates("In April the union was dissolved.", "2019-09-01") == [("April", "2019-04")]
    assert _dates("In April the union was dissolved.") == [("April", None)]


def test_may_and_march_only_as_capitalised_months():
    assert _dates("They may march in May 2020.") == [("May 2020", "2020-05")]


def test_relative_days():
    doc = "2016-09-28"  # a Wednesday
    assert _dates("He was arrested last Saturday.", doc) == [("last Saturday", "2016-09-24")]
    assert _dates("He was summoned on Friday night.", doc) == [("on Friday", "2016-09-23")]
    assert _dates("She was freed today, a day after yesterday.", doc) == [
        ("today", "2016-09-28"),
        ("yesterday", "2016-09-27"),
    ]


def test_weekday_fixed_by_a_date_in_the_text():
    text = "Detained on Tuesday evening. On 18 and 19 April, officers searched homes."
    assert _dates(text, "2022-04")[0] == ("on Tuesday", "2022-04-19")


def test_weekday_without_any_anchor_is_unknown():
    assert _dates("Police detained him on Tuesday.") == [("on Tuesday", None)]


def test_digits_glued_to_words_still_give_a_date():
    assert _dates("noted that on25 April he was held", "2022-06-10") == [("25 April", "2022-04-25")]


def test_document_date_from_a_letter_date_line():
    text = "To the Minister\n\n03/04/2019\n\nDear Minister,\nOn 1 January 2018 we wrote.\n"
    assert find_document_date(text, []).iso == "2019-04-03"


def test_document_date_from_a_dateline():
    text = "Geneva, 14 February 2020 - The federation condemns the arrest."
    assert find_document_date(text, []).iso == "2020-02-14"


def test_no_document_date_from_a_date_inside_a_sentence():
    text = "The union said that on 14 February 2020 the police raided its office."
    assert find_document_date(text, []) is None


def test_set_for_a_weekday_is_the_coming_day():
    # 2023-05-17 is a Wednesday
    assert _dates("A bail hearing is set for Friday.", "2023-05-17") == [("Friday", "2023-05-19")]


def test_remanded_to_a_date_is_future():
    assert _dates("The judge remanded her in custody to 2 January.", "2023-12-20") == [("2 January", "2024-01-02")]


def test_a_future_cue_after_a_semicolon_does_not_move_the_date():
    text = "She was convicted on 10 January; the court will hear her case again on 3 March."
    assert _dates(text, "2024-02-06") == [("10 January", "2024-01-10"), ("3 March", "2024-03-03")]


def test_letter_date_after_a_place_name():
    text = "Brussels, 14 October 2024\n\nDear Minister,\n\nWe write about the arrest of a union leader."
    assert find_document_date(text, [Sentence(0, len(text), text)]).iso == "2024-10-14"


def test_a_long_future_clause_still_moves_the_date_forward():
    text = "His appeal is due to be heard by the Fourth Chamber of the Regional Court of Appeal on 4 September."
    assert _dates(text, "2022-11-09") == [("4 September", "2023-09-04")]
    text = "The hearing, which is due to be public, was held by the Regional Court of Appeal on 4 September."
    assert _dates(text, "2022-11-09") == [("4 September", "2022-09-04")]


def test_scheduled_steps_become_upcoming():
    from unionwatch.core import extract_text
    from unionwatch.core.types import DocumentMeta

    text = "The defence appealed on 2 May. The Regional Court of Appeals has scheduled a hearing for 12 June."
    upcoming = extract_text(text, DocumentMeta(date="2023-05")).upcoming
    assert [(u.what, u.date) for u in upcoming] == [("appeal hearing", "2023-06-12")]


def _upcoming(text: str, doc: str) -> list[str | None]:
    from unionwatch.core import extract_text
    from unionwatch.core.types import DocumentMeta

    return [u.date for u in extract_text(text, DocumentMeta(date=doc)).upcoming]


def test_is_to_be_and_report_to_prison_are_future():
    assert _dates("His case is to be heard by the regional appeals court on 2 March.", "2022-11-09") == [
        ("2 March", "2023-03-02")
    ]
    text = "The union said the treasurer was summoned to report to the central prison on 8 December to serve her term."
    assert _dates(text, "2022-12-01") == [("8 December", "2022-12-08")]
    assert _upcoming(text, "2022-12-01") == ["2022-12-08"]
    assert _upcoming("The appeal is to be heard on 3 April by the high court.", "2020-02-01") == ["2020-04-03"]


def test_a_past_act_between_the_date_and_a_later_cue():
    text = "On 3 March he was summoned to appear before an investigator."
    assert _dates(text, "2021-06-10") == [("3 March", "2021-03-03")]
    text = "A complaint was filed with the police on 9 May, and the case is to be called in court on 20 May."
    assert _dates(text, "2021-05-12") == [("9 May", "2021-05-09"), ("20 May", "2021-05-20")]
    assert _upcoming(text, "2021-05-12") == ["2021-05-20"]


def test_present_tense_schedules_and_past_expectations():
    assert _upcoming("Her trial opens on 3 July before the city court.", "2021-06-02") == ["2021-07-03"]
    assert _upcoming("His appeal is listed for hearing on 19 June.", "2021-06-02") == ["2021-06-19"]
    assert _upcoming("The verdict is expected on 30 June.", "2021-06-02") == ["2021-06-30"]
    assert _upcoming("He remains in custody until his trial on 13 July.", "2021-06-02") == ["2021-07-13"]
    assert _upcoming("The trial opened on 3 May and the verdict was read on 10 May.", "2021-06-02") == []
    assert _upcoming("The case was expected to close by 4 May but dragged on.", "2021-06-02") == []
    assert _upcoming("He was held until the hearing on 3 May, when he was released.", "2021-06-02") == []


def test_a_weekday_before_its_date_is_one_date():
    text = "On Monday 3 workers were arrested. On Thursday, 17 June, a hearing. On Friday 18th June too."
    assert _dates(text, "2021-06-22") == [("On Monday", "2021-06-21"), ("17 June", "2021-06-17"), ("18th June", "2021-06-18")]
    assert _upcoming("The court set the next hearing for Thursday, 17 June.", "2021-06-02") == ["2021-06-17"]


def test_the_end_of_a_term_in_the_present_tense():
    assert _upcoming("Her pre-trial detention ends on 12 July.", "2021-06-02") == ["2021-07-12"]
    assert _upcoming("His travel ban expires on 3 March.", "2021-06-02") == ["2022-03-03"]
