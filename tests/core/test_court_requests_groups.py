"""Requests for a sentence are no ruling; terms of 'N other <people>' are no named defendant's;
honorifics between listed names ('Mr X and Mr Y ... respectively')."""

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _decisions(text: str) -> dict[str, list[tuple]]:
    result = extract_text(text, DocumentMeta(date="2024-03-10"))
    return {d.defendant: [(t.kind, t.amount, t.unit) for t in d.terms] for d in result.court_decisions}


def test_a_prosecutor_asking_the_court_to_sentence_is_no_ruling():
    for text in (
        "At the hearing, the prosecutor, Boris Klimov, asked the court to sentence Anna Petrenko to four years in a colony.",
        "The state attorney urged the judge to give Omar Salih five years in prison.",
        "The prosecution called on the tribunal to jail Rita Osei for two years.",
    ):
        assert all(not terms for terms in _decisions(text).values()), text


def test_a_ruling_after_the_request_keeps_its_terms():
    text = (
        "The prosecutor asked the court to sentence Anna Petrenko to four years in a colony. "
        "On 3 March the district court sentenced Anna Petrenko to two years of corrective labour."
    )
    assert _decisions(text) == {"Anna Petrenko": [("forced_labour", 2, "years")]}


def test_terms_of_other_unnamed_people_stay_with_them():
    text = "The court fined the union's secretary, Lena Novak, 900 euros, and three other members 300 euros each."
    assert _decisions(text) == {"Lena Novak": [("fine", 900, "currency")]}
    text = "The court jailed Karim Bashir for a year; the six other strikers were each fined 200 dinars."
    assert _decisions(text) == {"Karim Bashir": [("prison", 1, "years")]}
    # negative: a named defendant listed with the others shares their term
    text = "The court fined Lena Novak and three other members 300 euros each."
    assert _decisions(text) == {"Lena Novak": [("fine", 300, "currency")]}
    text = "Karim Bashir and seven other strikers were each fined 200 dinars."
    assert _decisions(text) == {"Karim Bashir": [("fine", 200, "currency")]}
    # negative: a named second defendant still gets the term
    text = "The court fined Lena Novak 900 euros and her deputy, Ivo Maric, 300 euros."
    assert _decisions(text) == {"Lena Novak": [("fine", 900, "currency")], "Ivo Maric": [("fine", 300, "currency")]}


def test_honorifics_between_names_and_administrative_detention():
    text = (
        "Police detained the branch chair, Levan Beridze, and the safety officer, Giorgi Tsereteli. "
        "Mr Beridze and Mr Tsereteli were sentenced to administrative detention of 15 and 7 days respectively."
    )
    assert _decisions(text) == {"Levan Beridze": [("prison", 15, "days")], "Giorgi Tsereteli": [("prison", 7, "days")]}
    text = "Ms Lena Novak and Dr Ivo Maric were given administrative arrest for 10 days."
    assert _decisions(text) == {"Lena Novak": [("prison", 10, "days")], "Ivo Maric": [("prison", 10, "days")]}


def test_asked_that_and_called_for_a_sentence_are_requests():
    for text in (
        "The prosecutor asked that Anna Petrenko be sentenced to four years in a colony.",
        "The prosecution called for Omar Salih to be jailed for five years.",
    ):
        assert all(not terms for terms in _decisions(text).values()), text
    # negative: a union calling for a release does not void the sentence it tells
    text = "The union called for the release of Anna Petrenko, who was sentenced to four years in March."
    assert _decisions(text) == {"Anna Petrenko": [("prison", 4, "years")]}


def test_a_ruling_after_a_request_in_the_same_sentence():
    text = "The prosecution sought six years in prison for Mirela Dunca, but the court sentenced her to three years."
    assert _decisions(text) == {"Mirela Dunca": [("prison", 3, "years")]}
    # a request alone still gives no term
    text = "The prosecution sought six years in prison for Mirela Dunca, and the verdict is due in May."
    assert all(not terms for terms in _decisions(text).values())


def test_a_second_term_that_cannot_be_part_of_a_mixed_one():
    text = "Petra Holm and Jonas Berg were sentenced to three years and twenty months in prison respectively."
    assert _decisions(text) == {"Petra Holm": [("prison", 3, "years")], "Jonas Berg": [("prison", 20, "months")]}
    # a true mixed term stays one
    text = "Petra Holm was sentenced to three years and nine months in prison."
    assert _decisions(text) == {"Petra Holm": [("prison", 45, "months")]}


def test_a_prison_term_in_default_of_a_fine_and_an_unnamed_group_before_a_semicolon():
    text = "The court sentenced Tomas Lind to pay a fine of 900 euros or serve four months in prison."
    assert _decisions(text) == {"Tomas Lind": [("fine", 900, "currency")]}
    text = "Each of the nine strikers was fined 400 euros; their spokesman Tomas Lind was jailed for ten days."
    assert _decisions(text) == {"Tomas Lind": [("prison", 10, "days")]}
    # a named defendant after the term in the same clause still gets it
    text = "A fine of 400 euros was imposed on the spokesman, Tomas Lind."
    assert _decisions(text) == {"Tomas Lind": [("fine", 400, "currency")]}
