"""Persons: where a name starts and ends inside a capitalised run (sentences written for these tests)."""

from unionwatch.core import extract_text


def _persons(text: str) -> set[str]:
    return {p.name for p in extract_text(text).persons}


def test_rank_titles_inside_a_run_are_not_part_of_the_name():
    text = (
        "The case went before Senior Resident Magistrate Ruth Akinyi on Monday. "
        "Kisumu County Police Commander Samuel Otieno said officers had acted lawfully. "
        "Deputy Regional Prosecutor Halima Said asked for a remand."
    )
    persons = {p.name: p for p in extract_text(text).persons}
    assert {"Ruth Akinyi", "Samuel Otieno", "Halima Said"} <= set(persons)
    assert not any("Magistrate" in name or "Commander" in name for name in persons)
    assert persons["Samuel Otieno"].roles == ["Kisumu County Police Commander"]


def test_a_post_without_a_name_gives_no_person():
    text = "The five will appear before the Chief Judicial Magistrate in Tinsukia. The Kisumu County Commander declined."
    assert _persons(text) == set()


def test_a_month_or_common_word_after_an_honorific_opens_the_name():
    text = "The union's chair, Ms. Nov Channary, and Mr. May Sokun were questioned. Mr Justice Okello refused bail."
    persons = _persons(text)
    assert {"Nov Channary", "May Sokun", "Okello"} <= persons
    assert "Justice Okello" not in persons  # a role title after an honorific is still a title


def test_bodies_chambers_addresses_and_product_names_are_not_persons():
    text = (
        "The Governing Body examined the complaint and the Appeals Chamber ruled on it. "
        "Letters can be sent to the Prosecutor General, 14 Lenina St. 5, Minsk. "
        "Workers at Bluefield Roses went on strike. Officers of the Detective Branch took him away. "
        "A copy went to the Minister for Overseas Filipinos."
    )
    assert _persons(text) == set()


def test_names_whose_words_are_also_small_towns_stay_whole():
    text = (
        "Organisers Luz Palma and Kong Córdoba were handcuffed. "
        "Police later arrested Ana Ruiz in Lima and two drivers in Nakuru and Naivasha."
    )
    result = extract_text(text)
    assert {"Luz Palma", "Kong Córdoba", "Ana Ruiz"} <= {p.name for p in result.persons}
    places = {p.name for p in result.places}
    assert {"Lima", "Nakuru", "Naivasha"} <= places
    assert not places & {"Palma", "Córdoba"}


def test_an_ethnic_surname_closing_a_full_name_is_kept():
    text = "Rahim Khan Baloch, a teacher, was held for a week. The Baloch community protested."
    assert "Rahim Khan Baloch" in _persons(text)
