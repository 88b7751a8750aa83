"""Persons: one person written in several forms (initials, surname first, patronymic left out);
sentences written for these tests."""

from unionwatch.core import extract_text


def _persons(text: str) -> dict[str, list[str]]:
    return {p.name: p.aliases for p in extract_text(text).persons}


def test_initials_surname_first_and_short_forms_are_one_person():
    text = (
        "Case: charges against Yu. P. Morozova and K. S. Belov.\n\n"
        "Yuliya Morozova, the union's treasurer, was detained on 3 March. Konstantin Belov was fined. "
        "The court found Morozova Yuliya Petrovna guilty and Belov Konstantin Sergeyevich guilty."
    )
    persons = _persons(text)
    assert len(persons) == 2, persons
    names = {n for name, aliases in persons.items() for n in [name, *aliases]}
    assert {"Yu. P. Morozova", "K. S. Belov", "Yuliya Morozova", "Belov Konstantin Sergeyevich"} <= names


def test_first_and_last_name_match_a_name_with_a_middle_name():
    text = "Anna Marie Kessler chaired the meeting. Later Anna Kessler was dismissed."
    assert len(_persons(text)) == 1


def test_different_initials_stay_another_person():
    text = "Olga Ivanova, a nurse, was arrested. Her brother, P. Ivanov, and T. Ivanova protested."
    persons = _persons(text)
    assert "Olga Ivanova" in persons
    assert "T. Ivanova" not in persons["Olga Ivanova"]


def test_union_forms_of_address_are_no_part_of_the_name():
    text = (
        "The regional union denounces the arrest of brother Karim Ouali. Brother Ouali was taken away at night. "
        "Sister Amina Toumi, his colleague, was questioned. Comrade Haddad spoke to the press."
    )
    persons = _persons(text)
    assert {"Karim Ouali", "Amina Toumi"} <= set(persons)
    assert not any(name.startswith(("Brother", "Sister")) for name in persons)
    assert "Brother Ouali" not in persons


def test_bylines_slogans_and_spanish_body_names_are_not_persons():
    text = (
        "Staff Reporter, Khulna\n\nSpecial Correspondent, Dhaka\n\n"
        "Reinstate Rubel and Sumon! Surface Rahima now!\n\n"
        "The complaint went to the Procurador de los Derechos Humanos and a vigil was held at the "
        "Palacio Nacional de la Cultura. Workers from the Mekong Delta city of Can Tho marched."
    )
    persons = _persons(text)
    assert not any(
        word in name for name in persons
        for word in ("Reporter", "Correspondent", "Reinstate", "Surface", "Derechos", "Palacio", "Delta")
    ), persons
