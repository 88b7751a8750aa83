"""Organisations: a quoted name after a body described in lower case (sentences written for these tests)."""

from unionwatch.core import extract_text


def _orgs(text: str) -> dict[str, tuple[list[str], str]]:
    return {o.name: (o.aliases, o.kind) for o in extract_text(text).organizations}


def test_a_quoted_name_after_a_described_body_is_that_body():
    text = (
        "Police searched the office of the union of hospital porters \"Nadezhda Truda\" (Hope of Labour) on Monday. "
        "The association of domestic workers \"Casa Unida\" protested. She joined the trade union «Zashchita» in 2020."
    )
    orgs = _orgs(text)
    assert orgs["Nadezhda Truda"] == (["Hope of Labour"], "union")
    assert orgs["Zashchita"][1] == "union"
    assert "Casa Unida" in orgs
    assert not {p.name for p in extract_text(text).persons}


def test_a_quoted_phrase_after_other_words_is_no_body():
    text = "The union leaders called the day \"Black Monday\" (Dark Day). Workers at the plant chanted \"Pay Us Now\"."
    orgs = _orgs(text)
    assert not {"Black Monday", "Dark Day", "Pay Us Now"} & set(orgs)


def test_a_name_after_a_role_at_the_company_is_a_person():
    text = (
        "A spokesman for the company, Karim el-Masri, said the bonus would be paid. "
        "The manager of the firm, Pedro Alvarez Ruiz, refused to comment. "
        "The strike hurt the company, Rivertown Textiles, badly."
    )
    result = extract_text(text)
    orgs = {o.name for o in result.organizations}
    assert {"Karim el-Masri", "Pedro Alvarez Ruiz"} <= {p.name for p in result.persons}
    assert "Rivertown Textiles" in orgs
    assert not {"Karim el-Masri", "Pedro Alvarez Ruiz"} & orgs


def test_an_of_the_tail_before_an_acronym_belongs_to_the_name():
    text = (
        "The Sugar Workers Confederation of the Caribbean (SWCC) and the Federation of Fruit Packers "
        "of the Highlands (FEFRUPA) wrote to the Ministry of Labour of Ruritania. SWCC said so."
    )
    orgs = _orgs(text)
    assert orgs["Sugar Workers Confederation of the Caribbean"][0] == ["SWCC"]
    assert orgs["Federation of Fruit Packers of the Highlands"][0] == ["FEFRUPA"]
    assert "Sugar Workers Confederation" not in orgs


def test_a_tail_without_an_acronym_is_not_joined():
    # the acronym is the evidence that the tail belongs to the name; a bracket of words is none
    text = "The Sugar Workers Confederation of the Caribbean (in March) threatened to strike."
    assert "Sugar Workers Confederation of the Caribbean" not in _orgs(text)


def test_a_generic_body_and_its_quoted_name_are_one_name():
    text = (
        "We write about the leaders of the Independent Trade Union \"Kuat\", based in Aktau. "
        "The Independent Trade Union \"Kuat\" was banned in May. Later Kuat appealed."
    )
    orgs = _orgs(text)
    assert orgs == {'Independent Trade Union "Kuat"': (["Kuat"], "union")}


def test_a_named_body_before_a_quote_keeps_its_name():
    text = "The Rivertown Dockers Union \"Solidarity Now\" banner was seized."
    assert 'Rivertown Dockers Union "Solidarity Now"' not in _orgs(text)


def test_a_place_based_modifier_before_a_body_noun_is_no_body():
    text = (
        "The Nairobi-based group Workers Voice criticised the verdict. A Dubai-registered firm, "
        "Sandline Logistics, hired the strikers' replacements. The Lagos-headquartered union NUPENG protested."
    )
    orgs = _orgs(text)
    assert not any(name.endswith(("-based", "-registered", "-headquartered")) for name in orgs), orgs
    assert "Workers Voice" in orgs


def test_an_ombudsman_office_is_a_body_but_its_holder_a_person():
    text = (
        "The complaint was filed with the Human Rights Ombudsman in March. "
        "Ombudsman Grace Wanjiru visited the prison. The Labour Ombudsman of Ruritania opened an inquiry."
    )
    result = extract_text(text)
    orgs = {o.name for o in result.organizations}
    assert {"Human Rights Ombudsman", "Labour Ombudsman of Ruritania"} <= orgs
    assert "Grace Wanjiru" in {p.name for p in result.persons}
    assert not any("Wanjiru" in name for name in orgs)


def test_a_company_in_the_plural_possessive_before_a_site_name():
    text = (
        "Workers occupied a dock at Hanmaru Steel Heavy Industries' Ulsan shipyard in June. "
        "The Garment Workers' Union marched. Later Hanmaru Steel refused to negotiate."
    )
    result = extract_text(text)
    orgs = {o.name for o in result.organizations}
    assert {"Hanmaru Steel Heavy Industries", "Garment Workers' Union"} <= orgs
    assert not any("Ulsan" in name for name in orgs)
    assert not {p.name for p in result.persons}
