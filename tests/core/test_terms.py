"""Sentence terms: durations, kinds, money, life, and their defendants."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.stages.court import find_terms, parse_number
from unionwatch.core.stages.text import Sentence
from unionwatch.core.types import DocumentMeta


def _terms(text: str) -> list[tuple]:
    return [(t.kind, t.amounts, t.unit, t.currency) for t in find_terms(text, Sentence(0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [("two", 2), ("two-and-a-half", 2.5), ("2 1/2", 2.5), ("three and a half", 3.5), ("18", 18), ("one", 1)],
)
def test_numbers(text, value):
    assert parse_number(text) == value


def test_kinds_of_a_combined_sentence():
    text = (
        "The court sentenced her to three years of restriction of movement, 200 hours of forced labour "
        "and a four-year ban on holding office in any association."
    )
    assert _terms(text) == [
        ("restriction_of_movement", [3], "years", None),
        ("forced_labour", [200], "hours", None),
        ("ban_from_office", [4], "years", None),
    ]


def test_prison_forms():
    assert _terms("He was sentenced to six years in prison.") == [("prison", [6], "years", None)]
    assert _terms("She is serving a seven-year prison sentence.") == [("prison", [7], "years", None)]
    assert _terms("He got a prison term of two and a half years.") == [("prison", [2.5], "years", None)]
    assert _terms("They were sentenced to 4 years and 6 months in jail.") == [("prison", [54], "months", None)]
    assert _terms("He was sentenced to life imprisonment.") == [("prison", [None], "life", None)]


def test_suspended_and_other():
    assert _terms("They received one-year suspended sentences.") == [("suspended", [1], "years", None)]
    assert _terms("They were given 12-month court monitoring orders.") == [("other", [12], "months", None)]


def test_money():
    assert _terms("He was fined €2,500 by the court.") == [("fine", [2500], "currency", "EUR")]
    assert _terms("She was ordered to pay 40,000 euros in damages.") == [("fine", [40000], "currency", "EUR")]
    assert _terms("They were ordered to pay $1.5 million.") == [("fine", [1500000], "currency", "USD")]


def test_durations_that_are_not_terms():
    assert _terms("The strike lasted three weeks and ten days of talks followed.") == []


def _decisions(text: str, date: str | None = "2020-05-05") -> dict[str, list[tuple]]:
    result = extract_text(text, DocumentMeta(date=date))
    return {
        d.defendant: [(t.kind, t.amount, t.unit) for t in d.terms] for d in result.court_decisions
    }


def test_respectively_distributes_amounts():
    text = "Union officials Pavel Orlov and Marat Seitov were sentenced to three and four years in prison respectively."
    assert _decisions(text) == {
        "Pavel Orlov": [("prison", 3, "years")],
        "Marat Seitov": [("prison", 4, "years")],
    }


def test_a_list_of_defendants_shares_the_terms():
    text = "Union members Ana Ruiz, Jorge Bello and Lucia Paz were given two-year suspended sentences."
    assert set(_decisions(text)) == {"Ana Ruiz", "Jorge Bello", "Lucia Paz"}


def test_terms_in_following_sentences_join_the_decision():
    text = (
        "On 3 May 2020, the Central District Court convicted union leader Dana Orlova. "
        "The court sentenced her to two years of restriction of movement. "
        "It also imposed a three-year ban on holding office."
    )
    assert _decisions(text) == {
        "Dana Orlova": [("restriction_of_movement", 2, "years"), ("ban_from_office", 3, "years")]
    }


def test_hypothetical_sentences_give_no_decision():
    text = "Union leader Igor Lenkov risks being sentenced to five years in prison."
    assert _decisions(text) == {}


def test_generalised_prison_and_restriction_forms():
    assert _terms("A judge jailed the branch secretary, Omar Haddad, for 14 months.") == [("prison", [14], "months", None)]
    assert _terms("Her colleague was handed a four-year term for incitement.") == [("prison", [4], "years", None)]
    assert _terms("The court added a three-year ban on leaving the country.") == [
        ("restriction_of_movement", [3], "years", None)
    ]
    assert _terms("He was elected for a two-year term as president.") == []


def test_money_multipliers_symbols_and_country_currencies():
    assert _terms("The firm was ordered to pay 1.2 billion won.") == [("fine", [1200000000], "currency", "KRW")]
    assert _terms("She was fined ₦50,000.") == [("fine", [50000], "currency", "NGN")]
    text = "He was fined 20,000 dinars."
    assert [(t.currency) for t in find_terms(text, Sentence(0, len(text), text), "Algeria")] == ["DZD"]
    assert _terms(text) == [("fine", [20000], "currency", "TND")]
    text = "The court fined her E2,500."
    assert [(t.amounts, t.currency) for t in find_terms(text, Sentence(0, len(text), text), "Eswatini")] == [([2500], "SZL")]
    assert _terms(text) == []


def test_decision_date_prefers_the_day_of_the_ruling():
    text = "On 4 May 2020, a magistrate jailed union organiser Pedro Lima for two years for leading a strike in 2018."
    result = extract_text(text, DocumentMeta(date="2020-05-10"))
    assert [(d.defendant, d.date) for d in result.court_decisions] == [("Pedro Lima", "2020-05-04")]


def test_a_list_of_defendants_with_appositions():
    text = (
        "Ana Ruiz, 52, the union's former president, and Jorge Bello, 47, its treasurer, "
        "were each sentenced to two years in prison."
    )
    assert _decisions(text) == {"Ana Ruiz": [("prison", 2, "years")], "Jorge Bello": [("prison", 2, "years")]}


def test_lashes_probation_periods_and_gave():
    assert _terms("He was sentenced to five years in prison and 74 lashes.") == [
        ("prison", [5], "years", None),
        ("other", [74], None, None),
    ]
    assert _terms("The judge ordered twenty strokes of the cane.") == [("other", [20], None, None)]
    assert _terms("Both men received 30 lashes each.") == [("other", [30], None, None)]
    assert _terms("She was given a one-year prison term suspended for three years.") == [("suspended", [1], "years", None)]
    text = "The same court gave his deputy, Olga Marin, two years of restricted freedom."
    assert _decisions(text) == {"Olga Marin": [("restriction_of_movement", 2, "years")]}
    assert _decisions("The court gave Ivan Sorel ten years.") == {"Ivan Sorel": [("prison", 10, "years")]}


def test_a_ban_in_a_later_clause_keeps_its_own_kind():
    text = "A court jailed Ivan Sorel for 18 months and banned him from union office for three years."
    assert _decisions(text) == {"Ivan Sorel": [("prison", 18, "months"), ("ban_from_office", 3, "years")]}
    assert _terms("He received a sentence of seven and a half years.") == [("prison", [7.5], "years", None)]
    assert _terms("He was sentenced to 15 days of administrative arrest.") == [("prison", [15], "days", None)]


def test_bans_from_leaving_and_the_same_period():
    text = "The ruling also bars the 52-year-old nurse from leaving the country for three years and from joining any association for the same period."
    assert _terms(text) == [
        ("restriction_of_movement", [3], "years", None),
        ("ban_from_office", [3], "years", None),
    ]
    text = "The judge further prohibited her from holding any elected post in a trade union or cooperative for four years."
    assert _terms(text) == [("ban_from_office", [4], "years", None)]
    assert _terms("The court banned him from travelling abroad for two years.") == [
        ("restriction_of_movement", [2], "years", None)
    ]


def test_received_a_bare_term_and_deadlines():
    text = "Her colleague Dina Sorel was tried alongside him and received eight months, suspended, and a fine of 30,000 dinars."
    result = extract_text(text, DocumentMeta(date="2021-01-01", country="Algeria"))
    assert [(t.kind, t.amount, t.unit, t.currency) for d in result.court_decisions for t in d.terms] == [
        ("suspended", 8, "months", None),
        ("fine", 30000, "currency", "DZD"),
    ]
    assert _terms("Tomas Vidal received two years.") == [("prison", [2], "years", None)]
    # a deadline given by a threat is not a sentence
    assert _terms("The letter gave them thirty days to leave the province.") == []
    assert _terms("The court gave him 48 hours' notice.") == []
    assert _terms("He was sentenced to 10 years to run concurrently.") == [("prison", [10], "years", None)]


def test_fines_written_in_words_and_local_currencies():
    assert _terms("She was fined fifty thousand dollars.") == [("fine", [50000], "currency", "USD")]
    assert _terms("She was fined five hundred dollars.") == [("fine", [500], "currency", "USD")]
    assert _terms("He was ordered to pay two hundred thousand tenge.") == [("fine", [200000], "currency", "KZT")]
    assert _terms("He was fined a million euros.") == [("fine", [1000000], "currency", "EUR")]
    text = "She was ordered to pay a fine of 40,000 soms."
    assert [t.currency for t in find_terms(text, Sentence(0, len(text), text), "Kyrgyzstan")] == ["KGS"]
    assert _terms("Of the five dismissed workers, three won reinstatement.") == []


def test_ages_are_not_terms():
    assert _terms("The 47-year-old teacher was jailed for two years.") == [("prison", [2], "years", None)]


def test_half_after_the_unit_codes_before_amounts_and_bail():
    assert _terms("She was sentenced to a year and a half in prison.") == [("prison", [1.5], "years", None)]
    assert _terms("He was fined KZT 500,000.") == [("fine", [500000], "currency", "KZT")]
    assert _terms("He was sentenced to two years of correctional labour.") == [("forced_labour", [2], "years", None)]
    assert _terms("He was released on a bond of $2,000 and fined $500.") == [("fine", [500], "currency", "USD")]
    assert _terms("The judge ordered him to pay bail of BDT 10,000.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mixed amounts written without "and", and hyphenated words before the kind
        ("The judge gave him 3 years 4 months in a strict-regime penal colony.", [("prison", [40], "months", None)]),
        ("She got 2 years, 9 months in prison.", [("prison", [33], "months", None)]),
        ("He will spend five years and two months in a maximum-security jail.", [("prison", [62], "months", None)]),
        # restriction of freedom in its many names, quoted or not
        ('He was given two years of "restricted freedom".', [("restriction_of_movement", [2], "years", None)]),
        ("She was sentenced to one year of limitation of liberty.", [("restriction_of_movement", [1], "years", None)]),
        ("The court imposed eight months of home confinement.", [("restriction_of_movement", [8], "months", None)]),
        ("He got a travel ban of four years.", [("restriction_of_movement", [4], "years", None)]),
        # labour and probation
        ("He was sentenced to two years of re-education through labour.", [("forced_labour", [2], "years", None)]),
        ("She was put on probation for eighteen months.", [("other", [18], "months", None)]),
        ("He received one year of prison with a probation period of two years.", [("suspended", [1], "years", None)]),
        ("She was given eight months with two years' probation.", [("suspended", [8], "months", None)]),
        ("The court imposed 20 days in administrative detention.", [("prison", [20], "days", None)]),
        # bans written as a loss of rights
        ("He was deprived of the right to hold union posts for two years.", [("ban_from_office", [2], "years", None)]),
        # terms with no amount
        ("The court sentenced him to death.", [("other", [None], None, None)]),
        ("The judge also ordered that her nationality be withdrawn.", [("other", [None], None, None)]),
        ("He received death threats after the strike.", []),
    ],
)
def test_term_wordings(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was fined 3,500 Kuwaiti dinars.", ("KWD", 3500)),
        ("a fine of 700 Omani rials", ("OMR", 700)),
        ("She was fined 1,200 Georgian lari.", ("GEL", 1200)),
        ("She was fined GEL 1,200.", ("GEL", 1200)),
        ("He was fined RMB 8,000.", ("CNY", 8000)),
        ("He was fined LE 20,000.", ("EGP", 20000)),
        ("He was fined BD 500.", ("BHD", 500)),
        ("He was fined 40,000 Canadian dollars.", ("CAD", 40000)),
        ("He was fined 15,000 meticais.", ("MZN", 15000)),
    ],
)
def test_fines_in_more_currencies(text, expected):
    assert [(c, a[0]) for k, a, u, c in _terms(text) if k == "fine"] == [expected]


def test_no_currency_from_plain_english_words():
    assert _terms("He was sentenced in 2019 real terms.") == []


def test_a_list_of_sentences_after_an_announcement():
    text = (
        "On 2 March 2021 the regional court delivered its verdict. The sentences were as follows:\n"
        "- Omar Faris, chairman: six years and six months in a high-security prison.\n"
        "- Leila Haddad and Samir Aziz, organisers: three years' imprisonment each.\n"
        "- Nadia Karim, treasurer: a fine of 2,000 Jordanian dinars."
    )
    assert _decisions(text) == {
        "Omar Faris": [("prison", 78, "months")],
        "Leila Haddad": [("prison", 3, "years")],
        "Samir Aziz": [("prison", 3, "years")],
        "Nadia Karim": [("fine", 2000, "currency")],
    }


def test_found_guilty_around_the_names_then_the_terms():
    text = (
        "The court found Anna Lis, Boris Gal and Vera Tom guilty of organising an unlawful strike.\n"
        "- Anna Lis: four years in a general-regime colony.\n"
        "- Boris Gal: two years of restricted freedom."
    )
    found = _decisions(text)
    assert found["Anna Lis"] == [("prison", 4, "years")]
    assert found["Boris Gal"] == [("restriction_of_movement", 2, "years")]


def test_second_defendant_named_between_two_amounts():
    text = "The court sentenced union leader Marta Ruiz to 20 months and her deputy Pablo Soto 12 months."
    assert _decisions(text) == {"Marta Ruiz": [("prison", 20, "months")], "Pablo Soto": [("prison", 12, "months")]}


def test_a_quoted_comment_is_no_ruling_on_its_speaker():
    text = (
        'The verdict was condemned by Rosa Lim, who chairs the federation. "A ten-year sentence for a union '
        'leader is a message to every worker," she said.'
    )
    assert _decisions(text) == {}


def test_an_authority_fining_a_union_is_no_court_decision():
    text = "In May, the Competition Authority fined the Dockers' Union 90 million won over the boycott, said Jae Park."
    assert _decisions(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A court in Rivel on Monday sentenced the leader of a bus drivers' union to two years in prison and a "
            "fine of 5,000 euros. Marta Quell, president of the Rivel Bus Workers' Union, was convicted of organising "
            "an illegal strike.",
            {"Marta Quell": [("prison", 2, "years"), ("fine", 5000, "currency")]},
        ),
        (
            "Judges sentenced a dockers' leader to 3 years in prison on Friday. Tomas Reuel, the union's secretary, "
            "was found guilty of rioting.",
            {"Tomas Reuel": [("prison", 3, "years")]},
        ),
        (
            "A court on Monday jailed the head of a teachers' union for eighteen months. Two other officials, "
            "Ivo Brand and Lea Moss, were acquitted.",
            {"Ivo Brand": [], "Lea Moss": []},
        ),
    ],
)
def test_lede_terms_go_to_the_defendant_named_next(text, expected):
    # a news lede gives the terms to an unnamed "head of a union"; the next sentence names the convicted
    result = extract_text(text)
    got = {d.defendant: [(t.kind, t.amount, t.unit) for t in d.terms] for d in result.court_decisions}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The court sentenced Ivo Tarn to two years of restriction of freedom and prohibited him from heading "
            "a union for three years.",
            [("restriction_of_movement", 2, "years"), ("ban_from_office", 3, "years")],
        ),
        (
            "The court sentenced Bo Ness to three years of restricted freedom and banned him from holding office "
            "in public bodies for four years.",
            [("restriction_of_movement", 3, "years"), ("ban_from_office", 4, "years")],
        ),
        (
            "Judge Orn found them guilty. Lola Rahm received four years' imprisonment, which the court replaced "
            "with a suspended sentence of the same length.",
            [("suspended", 4, "years")],
        ),
        (
            "The court sentenced Ivo Tarn to two years in prison; it converted the sentence into community work "
            "a month later.",
            [("prison", 2, "years")],
        ),
        ("Oleg Parn was sentenced to five years of restricted freedom.", [("restriction_of_movement", 5, "years")]),
    ],
)
def test_ban_after_restriction_and_terms_replaced_by_suspended(text, expected):
    result = extract_text(text)
    assert [(t.kind, t.amount, t.unit) for d in result.court_decisions for t in d.terms] == expected


def test_a_plural_relative_clause_keeps_the_whole_list():
    text = (
        "Union members Ana Ruiz and Jorge Bello, who were detained at a rally on 1 May, "
        "were each sentenced to 20 lashes and 18 months' imprisonment, suspended for three years."
    )
    both = [("other", 20, None), ("suspended", 18, "months")]
    assert _decisions(text) == {"Ana Ruiz": both, "Jorge Bello": both}
    text = "Ana Ruiz and Jorge Bello, who are both teachers, were jailed for two years."
    assert _decisions(text) == {"Ana Ruiz": [("prison", 2, "years")], "Jorge Bello": [("prison", 2, "years")]}
    # a singular relative clause still ends the list at the last name
    assert _decisions("Ana Ruiz praised Jorge Bello, who was jailed for two years.") == {
        "Jorge Bello": [("prison", 2, "years")]
    }


def test_part_of_a_prison_term_suspended():
    assert _terms("He was sentenced to three years in prison, two of them suspended, and a fine.") == [
        ("prison", [1], "years", None), ("suspended", [2], "years", None)]
    assert _terms("She got five years, of which three are suspended.") == [
        ("prison", [2], "years", None), ("suspended", [3], "years", None)]
    assert _terms("They were given four years' imprisonment, two of which were suspended.") == [
        ("prison", [2], "years", None), ("suspended", [2], "years", None)]
    # the part is a place, not a suspension: one term
    assert _terms("He was sentenced to three years in prison, two of them in a labour camp.") == [("prison", [3], "years", None)]


def test_a_converted_amount_in_brackets_is_no_second_fine():
    assert _terms("She was fined 2 million riel (about US$500) and jailed.") == [("fine", [2000000], "currency", "KHR")]
    assert _terms("He must pay 300 euros (approximately 330 dollars).") == [("fine", [300], "currency", "EUR")]
    assert _terms("He was fined 300 euros and 200 dollars in costs.") == [
        ("fine", [300], "currency", "EUR"), ("fine", [200], "currency", "USD")]


def test_a_fully_suspended_term():
    assert _terms("Two officials were each given a two-year prison term, fully suspended.") == [("suspended", [2], "years", None)]
    assert _terms("He got a one-year jail sentence, wholly suspended.") == [("suspended", [1], "years", None)]
    assert _terms("She received a 6-month term, entirely suspended.") == [("suspended", [6], "months", None)]


def test_a_second_object_of_the_sentencing_verb_shares_the_kind():
    text = ("Judge Mara Holt sentenced Ana Ruiz, 45, former chair of the dockers' union, to 14 months in prison, "
            "and its former treasurer, Jorge Bello, 38, to 10 months.")
    assert _decisions(text) == {"Ana Ruiz": [("prison", 14, "months")], "Jorge Bello": [("prison", 10, "months")]}
    text = "The court sentenced Ana Ruiz to two years in jail, and her deputy Jorge Bello to one year."
    assert _decisions(text) == {"Ana Ruiz": [("prison", 2, "years")], "Jorge Bello": [("prison", 1, "years")]}
    # a deadline for a second person is no term
    text = "The court sentenced Ana Ruiz to two years in jail and ordered Jorge Bello to leave within 30 days."
    assert _decisions(text) == {"Ana Ruiz": [("prison", 2, "years")]}


def test_a_list_of_defendants_with_titles():
    text = "Union treasurer Ana Ruiz and press officer Jorge Bello each received a prison sentence of two years and six months."
    assert _decisions(text) == {"Ana Ruiz": [("prison", 30, "months")], "Jorge Bello": [("prison", 30, "months")]}
    text = "Ana Ruiz and fellow organiser Jorge Bello were each fined 500 euros."
    assert _decisions(text) == {"Ana Ruiz": [("fine", 500, "currency")], "Jorge Bello": [("fine", 500, "currency")]}
    # a verb after 'and' starts a new clause: the earlier name is no defendant
    text = "Ana Ruiz spoke to reporters and praised Jorge Bello, who was jailed for two years."
    assert _decisions(text) == {"Jorge Bello": [("prison", 2, "years")]}


def test_a_further_term_of_the_same_kind():
    assert _terms("He was sentenced to five years in prison and to a further one year for insulting officials.") == [
        ("prison", [5], "years", None), ("prison", [1], "years", None)]
    assert _terms("She was jailed for two years, plus another six months for contempt.") == [
        ("prison", [2], "years", None), ("prison", [6], "months", None)]
    assert _terms("He was given three years in jail and an additional 18 months for a second charge.") == [
        ("prison", [3], "years", None), ("prison", [18], "months", None)]
    # a later event, not a term
    assert _terms("He was jailed for two years and released after a further six months of talks.") == [("prison", [2], "years", None)]
    text = 'He was sentenced to four years in prison for "spreading false news about the strike" and to a further six months for contempt.'
    assert _terms(text) == [("prison", [4], "years", None), ("prison", [6], "months", None)]


def _upcoming(text: str) -> list[str]:
    return [u.date for u in extract_text(text, DocumentMeta(date="2024-06-08")).upcoming]


def test_a_remand_to_a_day_without_a_year_is_the_next_date():
    assert _upcoming("The matter was remanded to 24 June.") == ["2024-06-24"]
    assert _upcoming("Ana Ruiz was remanded in custody to 24 June.") == ["2024-06-24"]
    # a year given and past: no upcoming step
    assert _upcoming("The case was remanded to 2 June 2024.") == []
