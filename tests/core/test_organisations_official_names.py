"""Official names of state bodies and courts: portfolio lists, numbered courts and branches, seats."""

from unionwatch.core import extract_text


def _orgs(text: str) -> dict[str, tuple[list[str], str]]:
    return {o.name: (o.aliases, o.kind) for o in extract_text(text).organizations}


def test_a_ministry_named_by_a_list_of_portfolios():
    text = (
        "The Ministry of Health, Labour and Social Affairs did not reply. Later the Ministry of Employment "
        "and Social Protection of the Population issued a statement."
    )
    orgs = _orgs(text)
    assert "Ministry of Health, Labour and Social Affairs" in orgs
    assert "Ministry of Employment and Social Protection of the Population" in orgs
    assert "Social Affairs" not in orgs
    # a list of bodies after a ministry is no portfolio list
    orgs = _orgs("The Ministry of Labour, Amnesty International and the ILO met on Monday.")
    assert "Ministry of Labour" in orgs
    assert not any(name.startswith("Ministry of Labour,") for name in orgs)


def test_a_ministry_inside_the_name_of_its_unit_is_a_body_too():
    orgs = _orgs("The Trade Union Registration Directorate of the Ministry of Labour and Social Welfare refused.")
    assert "Ministry of Labour and Social Welfare" in orgs
    # a union named after its employer names no company of its own
    orgs = _orgs("She chairs the Union of Workers of the Northern Cement Company.")
    assert "Northern Cement Company" not in orgs


def test_numbered_courts_and_branches():
    orgs = _orgs("In May, Criminal Court No. 4 of Tabriz fined him. Branch 12 of the Revolutionary Court of Rasht jailed her.")
    assert "Criminal Court No. 4 of Tabriz" in orgs
    assert orgs["Branch 12 of the Revolutionary Court of Rasht"] == (["Revolutionary Court of Rasht"], "court")


def test_a_court_with_its_seat_keeps_the_short_name_as_alias():
    orgs = _orgs("On Monday the Basic Court in Belgrade convicted the driver.")
    assert orgs["Basic Court in Belgrade"] == (["Basic Court"], "court")
    # a region may be the seat too
    assert "Labour Court in Mendoza" in _orgs("The Labour Court in Mendoza heard the case.")
    # a date after "in" is no seat
    orgs = _orgs("The case went to the High Court in May.")
    assert "High Court" in orgs


def test_a_portfolio_word_joins_a_court_name():
    assert "Employment and Labour Relations Court" in _orgs("The Employment and Labour Relations Court ruled for the union.")


def test_an_organ_of_a_known_body_is_named_without_its_owner():
    orgs = _orgs("The complaint went to the International Labour Organization's Committee on Freedom of Association.")
    assert orgs["Committee on Freedom of Association"][1] == "intergovernmental"
    # a possessor that is no body keeps its place in the name
    assert "Attorney General's Office" in _orgs("The Attorney General's Office charged him.")
    # and a generic part of a known body is no name of its own
    assert "Regional Office" not in _orgs("Amnesty International's Regional Office said so.")


def test_a_body_named_by_called_or_known_as():
    orgs = _orgs("In May a court suspended the union, which is called Birlik, for six months.")
    assert orgs["Birlik"][1] == "union"
    # a person named after "called" is no body
    assert "Ivan Petrov" not in _orgs("A union leader called Ivan Petrov spoke to the crowd.")


def test_a_company_named_later_by_its_first_words():
    orgs = _orgs("They were dismissed by Kaya Tekstil Sanayi Ticaret A.Ş. in May. Kaya Tekstil did not reply.")
    assert orgs == {"Kaya Tekstil Sanayi Ticaret A.Ş.": (["Kaya Tekstil"], "company")}


def test_courts_of_first_instance_divisions_and_case_numbers():
    orgs = _orgs("The Setif court of first instance convicted him, and the High Court Division later granted bail.")
    assert "Setif court of first instance" in orgs
    assert "High Court Division" in orgs
    # "CASE No. 3501" is a reference, not a body
    assert "CASE" not in _orgs("CASE No. 3501\n\nThe Committee examined the complaint on 3 May 2024.")


def test_the_agency_credited_in_a_dateline_is_a_body():
    text = "KISUMU, Kenya, May 30 (Lakewire) -- A union leader was arrested on Friday."
    assert _orgs(text)["Lakewire"][1] == "other"
    # a country in brackets in a case title is no agency
    assert "Chile" not in _orgs("Report 401, Case No 3100 (Chile) - Complaint against the Government")


def test_several_of_tails_before_an_acronym_and_a_mixed_case_short_name():
    orgs = _orgs("The Federation of Workers of the Textile Sector of Peru (FTSP) filed a complaint.")
    assert orgs["Federation of Workers of the Textile Sector of Peru"] == (["FTSP"], "federation")
    orgs = _orgs("He led the Union of Banana Workers of the Uraba Coast (Sintrabacos) until May.")
    assert orgs["Union of Banana Workers of the Uraba Coast"][0] == ["Sintrabacos"]
    # a weekday in brackets is no short name
    assert "Union of Dock Workers" in _orgs("The Union of Dock Workers of the Port (Monday) met.")


def test_alike_names_with_other_head_words_are_two_bodies():
    orgs = _orgs("The General Labour Directorate refused the request. Later the General Labour Inspectorate visited the farm.")
    assert {"General Labour Directorate", "General Labour Inspectorate"} <= set(orgs)
    # a singular and a plural head are one body
    orgs = _orgs("The Federation of Teachers Unions protested. The Federation of Teachers Union later withdrew.")
    assert len(orgs) == 1
