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


def test_a_dateline_set_off_by_a_dash_cues_a_town():
    # small towns, which need a cue
    text = "NANYUKI – The magistrate yesterday remanded the union leader.\n\nMahalapye — Police dispersed the march."
    assert {"Nanyuki", "Mahalapye"} <= {p.name for p in extract_text(text).places}


def test_a_dash_inside_a_line_is_no_dateline():
    text = "The court sat on Monday. Nanyuki - The union said it would appeal."
    assert "Nanyuki" not in {p.name for p in extract_text(text).places}
