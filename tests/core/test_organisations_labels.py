"""Organisations in label lines, named without a keyword, and words that only look like one."""

from unionwatch.core import extract_text


def _orgs(text: str) -> dict[str, str]:
    return {o.name: o.kind for o in extract_text(text).organizations}


def test_signature_lists_and_address_blocks_name_organisations():
    text = (
        "Harbour Rights Forum · Delta Workers' Solidarity Network · Lawyers for Workers' Rights\n\n"
        "The Minister of Labour\nLabour Minister's Office\nRiver Road\n\n"
        "We write about the arrest of Ana Kovic on 3 May 2024.\n\n"
        "Mira Tolle, Director, Harbour Rights Forum\n"
    )
    orgs = _orgs(text)
    assert {"Harbour Rights Forum", "Delta Workers' Solidarity Network", "Lawyers for Workers' Rights"} <= set(orgs)
    assert "Labour Minister's Office" in orgs


def test_title_case_headlines_still_name_nothing():
    text = "Union Leader Jailed As Labour Rights Forum Meets\n\nThe court jailed Ana Kovic on 3 May 2024."
    assert "Labour Rights Forum" not in _orgs(text)


def test_groups_for_a_cause_campaigns_and_commands():
    text = (
        "Doctors for Peace and the Fair Tea Campaign wrote to the Varna Provincial Gendarmerie Command. "
        "Lawyers for the family and Lawyers for Kovac declined to comment."
    )
    orgs = _orgs(text)
    assert orgs.get("Doctors for Peace") == "ngo"
    assert orgs.get("Fair Tea Campaign") == "ngo"
    assert orgs.get("Varna Provincial Gendarmerie Command") == "police"
    assert not any(name.startswith("Lawyers") for name in orgs)


def test_government_of_a_province_but_not_of_a_country():
    orgs = _orgs("The Government of Punjab and the Government of Kenya ignored the wage order.")
    assert orgs.get("Government of Punjab") == "government"
    assert "Government of Kenya" not in orgs


def test_dates_currencies_and_reference_codes_are_not_names():
    text = (
        "The leaders will appear before the Eastvale Magistrates' Courts on March 4. "
        "Ana Kovic was fined ZiG 2,000. Ref: TZA 014 / 0524 / ABC 022. "
        "The country benefits from GSP+ trade preferences."
    )
    orgs = _orgs(text)
    assert "Eastvale Magistrates' Courts" in orgs
    assert not {"ZiG", "TZA", "ABC", "GSP"} & set(orgs)


def test_custody_centres_and_generic_bodies_are_not_organisations():
    text = (
        "He was held at Detention Centre 2 and at the Riverside Remand Centre. The firm signed a deal "
        "with a Workers' Council it set up. The Free Legal Aid Centre helped him."
    )
    orgs = _orgs(text)
    assert not {"Detention Centre", "Riverside Remand Centre", "Workers' Council"} & set(orgs)
    assert "Free Legal Aid Centre" in orgs
