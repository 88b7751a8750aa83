"""Places: countries named in their long form (sentences written for these tests)."""

from unionwatch.core import extract_text


def test_long_country_names_are_places_not_organisations():
    text = (
        "The convention, which the Russian Federation has ratified, protects strikers. "
        "Dockers in the Czech Republic and the Swiss Confederation sent messages of support."
    )
    result = extract_text(text)
    places = {p.name for p in result.places}
    assert {"Russian Federation", "Czech Republic", "Swiss Confederation"} <= places
    assert not {o.name for o in result.organizations} & places


def test_a_demonym_before_a_body_opens_no_place():
    text = "The Russian Federation of Independent Trade Unions met the Kenyan Union of Journalists in Nairobi."
    places = {p.name for p in extract_text(text).places}
    assert places == {"Nairobi"}
