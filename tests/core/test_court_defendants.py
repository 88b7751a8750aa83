"""Who the terms of a ruling go to: lists of defendants, 'both', 'the two others', unnamed groups."""

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _decisions(text: str) -> dict[str, list[tuple]]:
    result = extract_text(text, DocumentMeta(date="2024-03-10"))
    return {d.defendant: [(t.kind, t.amount, t.unit) for t in d.terms] for d in result.court_decisions}


def test_a_title_in_apposition_before_the_second_name():
    text = "In May, the city court fined Goran Vukic and the union's treasurer, Mira Lazic, 80,000 dinars each."
    fine = [("fine", 80000, "currency")]
    assert _decisions(text) == {"Goran Vukic": fine, "Mira Lazic": fine}
    text = "The court jailed Omar Haddad, 44, the branch chair, and his deputy, Sami Nour, for a year."
    assert _decisions(text) == {"Omar Haddad": [("prison", 1, "years")], "Sami Nour": [("prison", 1, "years")]}


def test_appositions_with_an_acronym_or_a_company():
    text = (
        "The tribunal sentenced Lina Vargas, president of the Union of Cement Workers of the Andes Plant (SUTCA), "
        "and Pablo Ortiz, an organiser at Andes Cement Co., to six years in prison."
    )
    assert _decisions(text) == {"Lina Vargas": [("prison", 6, "years")], "Pablo Ortiz": [("prison", 6, "years")]}


def test_both_and_all_of_them_take_every_defendant_of_the_ruling():
    text = (
        "On 2 March the regional court sentenced the chair, Ivan Horak, to three years in a penal colony. "
        "His deputy, Olga Brun, received two years of restricted freedom. "
        "Both were also ordered to pay a fine of 2,000 euros."
    )
    got = _decisions(text)
    assert got["Ivan Horak"] == [("prison", 3, "years"), ("fine", 2000, "currency")]
    assert got["Olga Brun"] == [("restriction_of_movement", 2, "years"), ("fine", 2000, "currency")]


def test_the_others_are_the_defendants_not_named():
    text = (
        "The provincial court found Sok Lim, Chea Mony and Keo Dara guilty of incitement. "
        "Sok Lim received two years, suspended; the two others each received a one-year suspended term."
    )
    got = _decisions(text)
    assert got["Sok Lim"] == [("suspended", 2, "years")]
    assert got["Chea Mony"] == [("suspended", 1, "years")] == got["Keo Dara"]


def test_an_unnamed_group_waits_for_the_names_of_the_next_sentence():
    text = (
        "By Ana Silva\n\n"
        "Two former officials of a dockers' union were jailed for 20 months on Friday for sedition. "
        "Judge Mark Ho handed down the sentences to Tomas Lee, 50, the former chair, and his deputy, Paul Kim, 44."
    )
    assert _decisions(text) == {"Tomas Lee": [("prison", 20, "months")], "Paul Kim": [("prison", 20, "months")]}


def test_a_single_defendant_keeps_the_terms():
    # no "both" or "others": the last-named defendant only
    text = (
        "The court sentenced Ivan Horak to three years in a penal colony. "
        "His deputy, Olga Brun, received two years of restricted freedom. "
        "She was also ordered to pay a fine of 2,000 euros."
    )
    got = _decisions(text)
    assert got["Ivan Horak"] == [("prison", 3, "years")]
    assert got["Olga Brun"] == [("restriction_of_movement", 2, "years"), ("fine", 2000, "currency")]


def test_fines_of_an_authority_on_an_unnamed_group_are_no_ruling():
    text = (
        "A court jailed union leader Deniz Acar for a year. "
        "The Provincial Governorate has also imposed administrative fines of 2,500 lira on each of the 40 strikers."
    )
    assert _decisions(text) == {"Deniz Acar": [("prison", 1, "years")]}
    # a court's fine on the same group is still no fine for the person named before
    text = "A court jailed union leader Deniz Acar for a year. It fined all 40 strikers 500 lira."
    assert _decisions(text) == {"Deniz Acar": [("prison", 1, "years")]}


def test_a_list_of_objects_of_one_sentencing_verb():
    text = ("The court sentenced union president Luis Mora to six years in prison, secretary Eva Lind to four years "
            "and treasurer Jon Sato to one year.")
    assert _decisions(text) == {"Luis Mora": [("prison", 6, "years")], "Eva Lind": [("prison", 4, "years")],
                                "Jon Sato": [("prison", 1, "years")]}
    text = "The court sentenced Luis Mora to six years in prison; Eva Lind to four years; and Jon Sato to one year."
    assert _decisions(text)["Jon Sato"] == [("prison", 1, "years")]
    text = "Luis Mora received six years in prison, Eva Lind four years and Jon Sato one year."
    assert _decisions(text) == {"Luis Mora": [("prison", 6, "years")], "Eva Lind": [("prison", 4, "years")],
                                "Jon Sato": [("prison", 1, "years")]}


def test_an_acquittal_beside_a_sentence():
    text = "The court acquitted Luis Mora but sentenced Eva Lind to two years in prison."
    assert _decisions(text) == {"Luis Mora": [], "Eva Lind": [("prison", 2, "years")]}
    # a person named later in the clause is no acquitted defendant
    text = "The court sentenced Eva Lind to two years in prison, although it had acquitted her in 2019, said Luis Mora."
    assert set(_decisions(text)) == {"Eva Lind"}


def test_condemned_to_and_punished_with_are_rulings():
    assert _decisions("Union leader Rosa Lind was condemned to two years of prison.") == {"Rosa Lind": [("prison", 2, "years")]}
    assert _decisions("Union leader Rosa Lind was punished with a fine of 900 euros.") == {
        "Rosa Lind": [("fine", 900, "currency")]}
    # a union condemning a verdict is no ruling
    assert _decisions("The union condemned the arrest of Rosa Lind on 2 May.") == {}


def test_a_fine_at_work_is_no_ruling():
    assert _decisions("The company fined shop steward Rosa Lind 500 rupees for missing a shift.") == {}
    assert _decisions("Management docked Rosa Lind 2,000 pesos for attending the union meeting.") == {}
    # a court's fine on a worker of a company stays a ruling
    assert _decisions("The labour court fined shop steward Rosa Lind 500 rupees.") == {"Rosa Lind": [("fine", 500, "currency")]}
