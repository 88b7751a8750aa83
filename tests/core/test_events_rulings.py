"""Events from rulings: a ruling whose whole measure is a fine is a `fine` event (the annotation
guide), and what the prosecution asks for is no ruling at all."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _events(text: str, date: str | None = "2023-05-10"):
    return extract_text(text, DocumentMeta(date=date)).events


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May, the district court convicted Petra Lindqvist of obstruction and ordered her to pay a fine of 40,000 rubles.",
        "Petra Lindqvist was found guilty on 4 May and fined 2,000 euros by the regional court.",
        "The regional court sentenced Petra Lindqvist on 4 May to a fine of 15,000 pesos.",
    ],
)
def test_a_ruling_that_only_fines_is_a_fine(text):
    types = _types(text)
    assert "fine" in types
    assert "sentencing" not in types


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May, the district court sentenced Petra Lindqvist to two years in prison and a fine of 40,000 rubles.",
        "Petra Lindqvist was convicted on 4 May and sentenced to eight months' imprisonment.",
    ],
)
def test_a_ruling_with_a_prison_term_stays_a_sentencing(text):
    assert "sentencing" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the hearing on 2 May, the prosecutor asked the court to sentence Oskar Brandt to four years in a penal colony.",
        "On 2 May the prosecution requested three years' imprisonment for Oskar Brandt.",
        "The state attorney sought a sentence of five years for Oskar Brandt on 2 May.",
    ],
)
def test_a_prosecutors_request_is_no_sentencing(text):
    assert "sentencing" not in _types(text)


def test_a_ruling_after_the_request_is_still_a_sentencing():
    text = (
        "The prosecutor asked the court to sentence Oskar Brandt to four years in a penal colony. "
        "On 9 May, the district court sentenced Oskar Brandt to three years in a penal colony."
    )
    assert _types(text).count("sentencing") == 1


def test_the_article_of_a_conviction_is_no_charge_of_its_own():
    text = "On 4 May, the city court found Petra Lindqvist guilty under Article 88 of the Criminal Code and sentenced her to two years in prison."
    types = _types(text)
    assert "sentencing" in types
    assert "charges" not in types


def test_a_charge_under_an_article_alone_is_still_a_charge():
    assert "charges" in _types("On 4 May, prosecutors charged Petra Lindqvist under Article 88 of the Criminal Code.")


@pytest.mark.parametrize(
    "text",
    [
        # a release that turns into a charge
        "On 3 May, the investigating judge released Oskar Brandt on bail but charged him with incitement.",
        "The men were freed on 3 May but charged with blocking a road.",
        # officers counted or owned, between the verb and "with"
        "On 3 May, the prosecutor charged six members of the union's executive board, among them Oskar Brandt, with rioting.",
        "On 3 May, police charged the union's two leaders with holding an illegal meeting.",
        # the accusation quoted
        'On 3 May, prosecutors accused the strikers of "disturbing public order" and "sabotage".',
    ],
)
def test_charges_in_turns_counted_officers_and_quoted_accusations(text):
    assert "charges" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Riot police charged the crowd with batons on 3 May.",  # a police charge
        "Oskar Brandt was released on 3 May without charge.",
    ],
)
def test_no_charges_in_a_baton_charge_or_a_release(text):
    assert "charges" not in _types(text)


def test_a_first_ruling_and_its_appeal_give_one_event_each():
    text = (
        "In March 2022 a district court convicted Oskar Brandt. On 20 September 2022, the appeal court "
        "upheld the conviction of Oskar Brandt but reduced his prison term to eighteen months."
    )
    dates = sorted(e.date for e in _events(text) if e.type == "sentencing" and e.date)
    assert dates == ["2022-03", "2022-09-20"]


def test_one_ruling_told_twice_is_one_event():
    text = (
        "On 12 March 2022, the district court sentenced Oskar Brandt to three years in prison. "
        "Oskar Brandt was sentenced after a one-day trial."
    )
    assert _types(text).count("sentencing") == 1


def test_an_enumerated_item_is_not_dated_by_the_item_before():
    text = (
        "The complaint alleges that (i) the company dismissed Oskar Brandt on 3 March 2021; "
        "(ii) Petra Lindqvist received threats in May 2021; and (iii) both leaders were later convicted."
    )
    convicted = [e for e in _events(text) if e.type == "sentencing"]
    assert convicted and all(e.date != "2021-05" for e in convicted)


@pytest.mark.parametrize(
    "subject",
    [
        "Subject: Arbitrary detention, prosecution and death threats against the leaders of the dockworkers' union of Port Amara",
        "Re: Dismissals, threats and harassment of the members of the municipal cleaners' union in the city of Velden",
    ],
)
def test_a_long_subject_line_is_a_heading(subject):
    text = f"Dear Director-General,\n\n{subject}\n\nWe write to you about our union.\n"
    assert _types(text) == []


def test_a_long_line_that_tells_an_incident_is_no_heading():
    text = "Dear Director-General,\n\nOn 3 May police arrested Oskar Brandt and four other members of the dockworkers' union at the port gate\n"
    assert "arrest" in _types(text)


def test_a_complaints_committee_summary_line_tells_no_incident():
    text = (
        "Case No. 9999 (Velden)\n\n"
        "Allegations: The complainant organization alleges the arrest of union leaders and the dismissal of strikers.\n\n"
        "The union has 300 members.\n"
    )
    assert _types(text) == []


def test_the_complainants_allegations_in_the_body_are_incidents():
    text = "The complainant alleges that on 3 May 2023 police arrested Oskar Brandt, the union president, at the port gate."
    assert "arrest" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Brother Okafor was threatened by two officers on 3 May as he left the union office.",
        "On 3 May, sister Maria Lenz and brother Tomas Weil were questioned by the police about the strike.",
    ],
)
def test_brother_and_sister_as_a_form_of_address_are_no_relatives(text):
    assert "intimidation_of_family" not in _types(text)


def test_a_named_brother_of_a_unionist_is_kin():
    text = "On 3 May, Oskar Brandt's brother Tomas was threatened by two officers outside his home."
    assert "intimidation_of_family" in _types(text)
