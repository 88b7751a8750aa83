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
