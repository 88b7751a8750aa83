"""Fines: currencies written before the amount, and prison served only if a fine goes unpaid."""

import pytest

from unionwatch.core.stages.court import find_terms
from unionwatch.core.stages.text import Sentence


def _terms(text: str, country: str | None = None) -> list[tuple]:
    return [(t.kind, t.amounts, t.unit, t.currency) for t in find_terms(text, Sentence(0, len(text), text), country)]


@pytest.mark.parametrize(
    ("text", "country", "code", "amount"),
    [
        # codes and abbreviations before the amount
        ("The magistrate fined the organiser ZiG 2,500.", None, "ZWG", 2500),
        ("The magistrate fined the organiser ZWG 2,500.", None, "ZWG", 2500),
        ("She was ordered to pay Sh30,000 for the march.", None, "KES", 30000),
        ("She was ordered to pay Shs 400,000.", "Uganda", "UGX", 400000),
        ("The judge imposed a fine of S/ 3,200.", None, "PEN", 3200),
        ("The judge imposed a fine of Q4,000.", "Guatemala", "GTQ", 4000),
        # a dollar sign after letters is not the US dollar, and gives one fine only
        ("The magistrate fined each steward HK$8,000.", None, "HKD", 8000),
        ("The court fined him NT$60,000.", None, "TWD", 60000),
        ("The court fined him R$12,000.", None, "BRL", 12000),
        ("The court fined him US$900.", None, "USD", 900),
        ("The court fined him $900.", None, "USD", 900),
        # a generic word read by the country
        ("She was fined 2,900 roubles.", "Belarus", "BYN", 2900),
        # lei are Romanian unless the document is Moldovan; sums are Uzbek
        ("The court fined the driver 4,500 lei.", None, "RON", 4500),
        ("The court fined the driver 4,500 lei.", "Moldova", "MDL", 4500),
        ("The steward was fined 2 million sums.", None, "UZS", 2000000),
        ("She was fined 2,900 roubles.", None, "RUB", 2900),
    ],
)
def test_currencies_by_code_symbol_and_country(text, country, code, amount):
    assert _terms(text, country) == [("fine", [amount], "currency", code)]


def test_a_letter_symbol_needs_its_country():
    assert _terms("The judge imposed a fine of Q4,000.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The steward was fined ZiG 3,000, with 45 days' imprisonment in default of payment.",
        "The steward was fined Rs 8,000 or, in default, two months' simple imprisonment.",
        "The steward was fined 9,000 naira, failing which she would serve four months in jail.",
        "The steward was fined 600 euros; if the fine is not paid, he will spend 30 days in prison.",
        "The steward was fined KSh 40,000 or three months' imprisonment in lieu.",
    ],
)
def test_prison_in_default_of_payment_is_no_term(text):
    assert [kind for kind, *_ in _terms(text)] == ["fine"]


def test_prison_beside_a_fine_is_still_a_term():
    text = "The steward was fined 600 euros and sentenced to 30 days in prison."
    assert [(kind, amounts) for kind, amounts, *_ in _terms(text)] == [("fine", [600]), ("prison", [30])]
    text = "The steward was jailed for six months in lieu of a fine."
    assert [(kind, amounts) for kind, amounts, *_ in _terms(text)] == [("prison", [6])]


def test_a_term_given_as_the_alternative_to_the_amount():
    assert [kind for kind, *_ in _terms("The magistrate fined the steward Sh80,000 or four months in jail.")] == ["fine"]
    assert [kind for kind, *_ in _terms("The judge fined her 900 euros or, in default, 20 days in prison.")] == ["fine"]
    # a thousands separator is no list of numbers
    assert _terms("He was fined 150,000 tenge.") == [("fine", [150000], "currency", "KZT")]
    # two terms joined by "or" without an amount before them stay terms
    assert [kind for kind, *_ in _terms("They were sentenced to 3 or 4 years in prison.")] == ["prison"]


def test_a_case_number_is_no_fine():
    assert _terms("He was convicted in Case No. S/2024/15 and fined KSh 20,000/-.") == [("fine", [20000], "currency", "KES")]


def test_a_fine_counted_in_wages_with_its_sum_in_brackets():
    text = "The court sentenced her to one year of imprisonment and a fine of four unified basic salaries (US$1,600)."
    assert ("fine", [1600], "currency", "USD") in _terms(text, "Ecuador")
    text = "The court fined him ten minimum monthly wages (about 2,000 euros)."
    assert _terms(text) == [("fine", [2000], "currency", "EUR")]
    # negative: a salary told beside a ruling is no fine
    text = "The court jailed him for a year; he earned a salary of US$400."
    assert [t for t in _terms(text, "Ecuador") if t[0] == "fine"] == []
