"""Persons read from their context: signatures, bylines, relatives, employers (sentences written for these tests)."""

from unionwatch.core import extract_text


def _persons(text: str) -> set[str]:
    return {p.name for p in extract_text(text).persons}


def test_signature_lines_under_a_closing_name_their_signers():
    text = (
        "Dear Minister,\n\nWe ask you to release the three drivers.\n\nYours sincerely,\n\n"
        "Marisol Lima\nGeneral Secretary, FENAT\n\n"
        "Farah Qadri, Director, Labour Rights Forum\n"
        "Advocate Tariq Baig, Lawyers for Workers\n"
        "Observer: Linde Marais, Trial Monitors Africa\n"
    )
    result = extract_text(text)
    assert {"Marisol Lima", "Farah Qadri", "Tariq Baig", "Linde Marais"} <= {p.name for p in result.persons}
    assert "Lima" not in {p.name for p in result.places}  # the town's name signs the letter here


def test_a_title_with_a_comma_is_not_a_signature():
    text = "Indonesia: Garment Workers Fired, Beaten for Forming Union\n\nTwelve workers were dismissed on 2 May."
    assert _persons(text) == set()


def test_wire_bylines_name_persons_whatever_their_last_word():
    text = "Police fired tear gas. (Reporting by Ana Ruiz; Editing by Helen Brook Park)"
    assert {"Ana Ruiz", "Helen Brook Park"} <= _persons(text)


def test_a_relative_named_by_one_name():
    text = "His brother Wilmar was stopped on the road. Her 17-year-old son Kevin was held overnight. The son Monday left."
    persons = _persons(text)
    assert {"Wilmar", "Kevin"} <= persons and "Monday" not in persons


def test_an_honorific_with_the_paternal_surname_of_a_three_part_name():
    text = "Secretary General Verónica Lozano Quiroga was attacked on 2 May; Ms Lozano has since left the city."
    persons = {p.name: p for p in extract_text(text).persons}
    assert set(persons) == {"Verónica Lozano Quiroga"}
    assert "Ms Lozano" in persons["Verónica Lozano Quiroga"].aliases


def test_employers_without_a_legal_suffix_are_companies_not_persons():
    text = (
        "The dispute at the dam site operated by Constructora Rio Azul went on. Earlier, Constructora Rio Azul "
        "dismissed 37 workers. A pay dispute at Hillside Blooms entered its third week. Hillside Blooms general "
        "manager Piet de Wit denied it. The union called on the bus operator Kraljevo Linije to negotiate."
    )
    result = extract_text(text)
    assert {p.name for p in result.persons} == {"Piet de Wit"}
    assert {"Constructora Rio Azul", "Hillside Blooms", "Kraljevo Linije"} <= {o.name for o in result.organizations}


def test_the_first_words_of_a_company_name_are_that_company():
    text = "The union at Silver Crane Knitting Co. was busted in May. Silver Crane did not respond to questions."
    result = extract_text(text)
    assert result.persons == []
    company = next(o for o in result.organizations if o.name.startswith("Silver Crane Knitting"))
    assert "Silver Crane" in company.aliases


def test_a_person_owning_a_farm_stays_a_person():
    text = "Mr Peter Kamau, who owns the farm, said the strike at Kamau Farm was illegal. Peter Kamau denied threats."
    assert "Peter Kamau" in _persons(text)


def test_plural_roles_are_no_part_of_a_name():
    text = "Leaders of the Kenya Nurses' and Midwives' Union were questioned on 3 May."
    assert _persons(text) == set()
