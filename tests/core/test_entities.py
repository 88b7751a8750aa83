"""Persons, organisations and places on sentences written for these tests."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _names(result, field):
    return {item.name for item in getattr(result, field)}


def test_honorifics_titles_and_surname_references():
    text = (
        "Mr Tomas Varga, President of the Metal Workers' Union, was questioned. "
        "Varga's lawyer said President Orbek had ordered it. Judge Halloway refused bail."
    )
    result = extract_text(text)
    persons = {p.name: p for p in result.persons}
    assert {"Tomas Varga", "Orbek", "Halloway"} <= set(persons)
    assert "Varga" in persons["Tomas Varga"].aliases
    assert "Mr Tomas Varga" in persons["Tomas Varga"].aliases


def test_union_office_holders_are_victims_not_officials():
    text = "Federation of Free Unions (FFU) President Ana Kemp and Secretary General Ivo Dran were arrested on 2 May 2020."
    arrest = next(e for e in extract_text(text).events if e.type == "arrest")
    assert {"Ana Kemp", "Ivo Dran"} <= set(arrest.victims)


def test_heads_of_state_are_not_victims():
    text = "The union wrote to President Karl Osman after police arrested organiser Lena Brix on 3 June 2021."
    arrest = next(e for e in extract_text(text).events if e.type == "arrest")
    assert "Lena Brix" in arrest.victims and "Karl Osman" not in arrest.victims


def test_title_case_headline_words_are_not_people():
    text = "Court Confirms Conviction of Union Leader Mara Tell\n\nMara Tell was convicted on 2 May 2020."
    assert _names(extract_text(text), "persons") == {"Mara Tell"}


def test_organisations_with_keywords_courts_and_acronyms():
    text = (
        "The Kilimo Workers Alliance (KWA) said the Riverside District Court of Eastvale fined the "
        "Tanu Mining Company. The Savelo court refused an appeal. Kasanda Mwanzo Usafiri (KMU) organiser "
        "Juma Obi was questioned by the Attorney General's Office."
    )
    orgs = {o.name: o for o in extract_text(text).organizations}
    assert "KWA" in orgs["Kilimo Workers Alliance"].aliases
    assert orgs["Riverside District Court of Eastvale"].kind == "court"
    assert orgs["Tanu Mining Company"].kind == "company"
    assert orgs["Savelo court"].kind == "court"
    assert "KMU" in orgs["Kasanda Mwanzo Usafiri"].aliases
    assert "Attorney General's Office" in orgs


def test_generic_mentions_are_not_organisations():
    text = "The police and the government blamed the union. A Minsk court and a Kazakh court agreed."
    assert _names(extract_text(text), "organizations") == set()


def test_places_from_the_gazetteer_and_cues():
    text = (
        "Workers from Almaty and the Mangistau region marched in Puerto Wilches, Santander, "
        "and in the city of Karaganda. Mexican and Kazakh unions sent support."
    )
    places = _names(extract_text(text), "places")
    # a region the gazetteer knows is named without its lower-case cue word (an unknown one keeps it)
    assert {"Almaty", "Mangistau", "Puerto Wilches", "Santander", "Karaganda"} <= places
    assert "Lower-Tavda region" in _names(extract_text("Workers of the Lower-Tavda region struck."), "places")
    assert not places & {"Mexican", "Kazakh"}


def test_buildings_and_names_are_not_places():
    text = "Organiser Larisa Petrova was taken to Stanley Prison. Union lawyer Tendai Moyo visited Petrova."
    places = _names(extract_text(text), "places")
    assert "Larisa" not in places and "Stanley" not in places and "Moyo" not in places


def test_mentions_point_into_the_text():
    text = "On 2 May 2020 police detained Ivan Petrenko in Kharkiv. Petrenko was released later."
    result = extract_text(text, DocumentMeta(date="2020-05-03"))
    person = result.persons[0]
    assert [text[s:e] for s, e in person.mentions] == ["Ivan Petrenko", "Petrenko"]


def test_a_lone_name_that_condemns_is_an_organisation():
    text = "Solidarna condemns the arrest. Kovac condemned it too; Mira Kovac was arrested on 2 May 2020."
    result = extract_text(text)
    assert "Solidarna" in _names(result, "organizations")
    assert "Kovac" not in _names(result, "organizations")


def _person_names(text: str) -> dict[str, list[str]]:
    from unionwatch.core import extract_text

    return {p.name: p.aliases for p in extract_text(text).persons}


def test_generalised_person_rules():
    text = (
        "Police detained union leader Kim Soo-hyun. Later Park Min-ji, her deputy, was questioned. "
        "\"We will not stop,\" said U Zaw Lin Htut, a spokesperson. "
        "The union wrote to His Majesty King Letsie III. The Ghana Lawyers for Democracy group protested. "
        "Talks with Kowon Engineering and the Metro Otomotiv plant failed."
    )
    names = _person_names(text)
    assert "Park Min-ji" in names
    assert "U Zaw Lin Htut" in names
    assert "Letsie III" in names
    assert not {"Ghana Lawyers", "Kowon Engineering", "Metro Otomotiv"} & set(names)


def test_short_forms_join_the_full_name():
    text = (
        "Gunmen killed Juan Carlos Pérez Ramos, a union organiser. Juan Carlos had received threats; "
        "Mr Pérez was the second victim this year. Union leader Thandi Nkosi-Dube was beaten. "
        "Police later searched Ms Nkosi-Dube's house."
    )
    names = _person_names(text)
    assert set(names) == {"Juan Carlos Pérez Ramos", "Thandi Nkosi-Dube"}


def test_a_city_alternate_name_beside_a_surname_is_a_given_name():
    result = extract_text("A court in Oran acquitted Nadia Bensalem, a nurse, on Monday.")
    assert "Nadia Bensalem" in [p.name for p in result.persons]
    assert "Nadia" not in [p.name for p in result.places]


def test_service_registry_and_ampersand_organisations():
    result = extract_text(
        "Officers of the Royal Lesotho Mounted Police Service raided the office. The Registry of Trade Unions "
        "cancelled the union's registration. A court ordered it to pay damages to Hanil Steel & Shipping."
    )
    names = {o.name: o.kind for o in result.organizations}
    assert names.get("Royal Lesotho Mounted Police Service") == "police"
    assert "Registry of Trade Unions" in names
    assert "Hanil Steel & Shipping" in names


def test_unknown_localities_after_premises_or_a_company():
    result = extract_text(
        "Police searched her house in Kwaluseni and seized her phone. "
        "Guards attacked workers at the gate of Fairweave Textiles Ltd in Tongi, near the capital."
    )
    places = [p.name for p in result.places]
    assert "Kwaluseni" in places and "Tongi" in places
    result = extract_text("The union office in Mr Dlamini's name was closed. A strike in Parliament Street ended.")
    assert [p.name for p in result.places] == []


def test_organisation_cues_quotes_modifiers_and_operators():
    result = extract_text(
        'Members of the independent union "Tavrida" were questioned. He works at the Kolvar cement plant. '
        "According to the rights centre Pravozor, six activists are held. Crane operator Selim Arbaz was fired."
    )
    orgs = _names(result, "organizations")
    assert {"Tavrida", "Kolvar", "Pravozor"} <= orgs
    assert "Selim Arbaz" not in orgs
    assert "Selim Arbaz" in _names(result, "persons")


def test_acronym_definitions_across_particles_and_bracketed_legal_forms():
    result = extract_text(
        "Rina Paz heads the Samahan Manggawa ng Bayview Tiles (SMBT). "
        "She was fired by Bayview Tiles Philippines Inc. in May. "
        "Her colleague worked for Mahaweli Spinners (Pvt) Ltd until June."
    )
    orgs = {o.name: o.aliases for o in result.organizations}
    assert "SMBT" in orgs["Samahan Manggawa ng Bayview Tiles"]
    assert "Mahaweli Spinners (Pvt) Ltd" in orgs
    assert not {"Samahan Manggawa", "Bayview Tiles"} & _names(result, "persons")


def test_a_company_named_again_without_its_tail_is_not_a_person():
    result = extract_text(
        "Guards employed by Corvan Shield Security Services protested on 3 May 2022. "
        "Corvan Shield did not answer. Later the Dunmore Pottery company fired them; "
        "Dunmore Pottery gave no reason. The Trade and Industry Department was told."
    )
    persons = _names(result, "persons")
    assert not {"Corvan Shield", "Dunmore Pottery"} & persons
    orgs = {o.name: o.aliases for o in result.organizations}
    assert "Corvan Shield" in orgs["Corvan Shield Security Services"]
    assert "Trade and Industry Department" in orgs


def test_facilities_and_abstract_nouns_are_not_persons():
    text = (
        "She was held in the El Roble prison and later at the Santa Ines detention centre. "
        "The Wage Settlement Mechanism failed them, said organiser Ana Kemp. Mark Jankovics was fired. "
        "Police detained Ivan Petrov and village elders."
    )
    persons = _names(extract_text(text), "persons")
    assert {"Ana Kemp", "Mark Jankovics", "Ivan Petrov"} <= persons
    assert not {"El Roble", "Santa Ines", "Settlement Mechanism", "Wage Settlement Mechanism"} & persons


def test_named_localities_and_bare_localities():
    result = extract_text(
        "Soldiers came to his house in Barangay Malinta on 2 May 2022. The strike began at a port in "
        "Tin Can Island, and workers in Okobaba, near the port, marched. The union's office in Dorvask was sealed. "
        "Others gathered in 6th of October City. The leaflets were printed in Tagalog."
    )
    places = _names(result, "places")
    assert {"Barangay Malinta", "Tin Can Island", "Okobaba", "Dorvask", "6th of October City"} <= places
    assert "Tagalog" not in places
    assert "Barangay Malinta" not in _names(result, "persons")


def test_a_place_named_only_inside_an_organisation_is_not_a_place():
    result = extract_text(
        "The Revolutionary Court of Shiraz jailed him. The Velmora Court of Appeal will hear it. "
        "His family lives in Velmora."
    )
    places = _names(result, "places")
    assert "Shiraz" not in places


def test_dotted_legal_forms_and_repeated_short_names():
    result = extract_text(
        "He worked for the plantation company Palmeras del Sur S.A. until May. "
        "The dismissal by Palmeras del Sur, which refused to talk, was unlawful."
    )
    orgs = {o.name: o.aliases for o in result.organizations}
    assert "Palmeras del Sur" in orgs["Palmeras del Sur S.A."]
    assert "Sur" not in _names(result, "places")


def test_given_names_that_begin_like_a_country_are_not_demonyms():
    from unionwatch.core.stages.common import is_demonym

    assert not any(is_demonym(w) for w in ["Martin", "Roman", "Dominic", "Georgi", "Malash", "Sudarshani"])
    assert all(is_demonym(w) for w in ["Kazakh", "Uzbek", "Lebanese", "Iraqi", "Romanian", "Korean", "British"])
    text = "Police arrested Martin Okello and Roman Dovbush on 2 May 2022. Dominic Asante was beaten."
    assert {"Martin Okello", "Roman Dovbush", "Dominic Asante"} <= _names(extract_text(text), "persons")


def test_holidays_zones_systems_and_executive_titles():
    text = (
        "Workers struck before Eid al-Adha. Many live in Export Processing Zone dormitories. "
        "The Wage Protection System failed. Chief Executive Officer Martin Hale refused to meet them."
    )
    assert _names(extract_text(text), "persons") == {"Martin Hale"}


def test_release_headers_and_resource_companies():
    text = (
        "For Immediate Release\n\nGuards from the Kestrel Oil Refinery beat Kofi Amankwah. "
        "The union wrote to Silver Ridge Resources about it."
    )
    result = extract_text(text)
    assert _names(result, "persons") == {"Kofi Amankwah"}
    assert {"Kestrel Oil Refinery", "Silver Ridge Resources"} <= _names(result, "organizations")


def test_romance_heads_plantations_and_company_appositions():
    text = (
        'A leaflet signed by a group calling itself the "Ejército Popular del Oriente" threatened the workers. '
        "Talks began at the Cafetales del Sur estate. "
        "She was fired by the shipping firm, Dalgıç Deniz İşletmeleri, in May."
    )
    result = extract_text(text, DocumentMeta(date="2022-01-01"))
    assert {"Ejército Popular del Oriente", "Cafetales del Sur", "Dalgıç Deniz İşletmeleri"} <= _names(result, "organizations")
    assert _names(result, "persons") == set()
    # at a workplace, a person's name may follow a comma
    text = "The strike was led by the shop steward at the factory, Ma Thida Win."
    assert _names(extract_text(text), "organizations") == set()


def test_courts_named_by_their_seat_or_number():
    text = (
        "He was convicted by the court of Bir-Mourad in Blida. The administrative court of Blida dissolved the union. "
        "The case went to the Ankara 14th Heavy Penal Court. The court of Appeal upheld it."
    )
    result = extract_text(text, DocumentMeta(date="2022-01-01"))
    orgs = _names(result, "organizations")
    assert {"court of Bir-Mourad", "administrative court of Blida", "Ankara 14th Heavy Penal Court"} <= orgs
    assert "Bir-Mourad" not in result.places  # named only inside the court's name


def test_descriptive_unions_currency_codes_regions_and_reports():
    text = (
        "Dockers' union leaders detained\n\n"
        "They were freed on bail of ZWL 20,000 after a protest at Bindura, in Mashonaland Central. "
        "Police registered an FIR against them. The Board of Directors met."
    )
    result = extract_text(text, DocumentMeta(date="2022-01-01"))
    assert _names(result, "organizations") == set()
    assert "Mashonaland Central" in {p.name for p in result.places}


def test_copy_lines_and_a_body_shortened_without_its_country():
    text = (
        "cc: Wage Commission of Freedonia Republic; Board of Investment of Sri Lanka\n\n"
        "The employer told the Board of Investment that it knew nothing of the dismissals."
    )
    orgs = {o.name: o for o in extract_text(text).organizations}
    assert "Board of Investment of Sri Lanka" in orgs
    assert "Board of Investment" in orgs["Board of Investment of Sri Lanka"].aliases
    assert "Port and Dock Workers' Union" in _names(extract_text("The Port and Dock Workers' Union protested."), "organizations")


def _places(text: str) -> set[str]:
    return {p.name for p in extract_text(text, DocumentMeta(date="2022-01-01")).places}


def test_localities_before_a_region_lists_of_regions_and_townships():
    assert {"Mubaira", "Mashonaland Central"} <= _places("Some 300 miners marched at Mubaira, in Mashonaland Central, on Monday.")
    assert {"Talas", "Batken", "Osh"} <= _places("The union has members in the Talas, Batken and Osh regions.")
    assert "Dagonseikkan" in _places("He was taken from his hostel in Dagonseikkan township on 3 May.")
    assert "Dagonseikkan township" not in _places("He was taken from his hostel in Dagonseikkan township on 3 May.")
    assert "Pannala" in _places("She was moved from the day shift in Pannala to the night shift.")


def test_continents_only_after_a_locative_word():
    assert "Europe" in _places("The federation will send observers with its affiliates in Europe.")
    assert _places("She is the federation's Director for Eastern Europe and Central Asia.") == set()
    assert "Europe" not in _places("The Council of Europe was informed.")


def test_lower_case_ministries_and_indefinite_courts():
    text = (
        "Weeks later the labour ministry suspended the union. A spokesman for the ministry of labour "
        "declined to comment. A Revolutionary Court in Shiraz then sentenced him. "
        "He drove for a Dongfeng Motor Corporation supplier."
    )
    orgs = {o.name: o for o in extract_text(text).organizations}
    assert set(orgs) == {"labour ministry", "Dongfeng Motor Corporation"}
    assert "ministry of labour" in orgs["labour ministry"].aliases


def test_initials_before_a_name():
    text = "His wife, K. A. Nirmala Perera, was threatened. Police questioned R.M. Bandara. Perera spoke to us."
    persons = {p.name: p for p in extract_text(text).persons}
    assert set(persons) == {"K. A. Nirmala Perera", "R.M. Bandara"}
    assert "Perera" in persons["K. A. Nirmala Perera"].aliases
    assert _names(extract_text("Workers in the U.S. Nobody else came."), "persons") == set()


def test_of_the_country_consortia_and_battalions():
    text = (
        "The Trade Union Congress of the Philippines said so. The Workers' Rights Consortium agreed. "
        "The Rapid Action Battalion raided the office."
    )
    orgs = _names(extract_text(text), "organizations")
    assert {"Trade Union Congress of the Philippines", "Workers' Rights Consortium", "Rapid Action Battalion"} <= orgs


def test_place_names_opened_by_a_plain_word():
    assert {"South Africa", "Western Cape", "New Delhi"} <= _places(
        "Workers in South Africa marched in the Western Cape, and later in New Delhi."
    )
    assert _places("New Labour and North Star said so.") == set()


def test_two_names_joined_by_and_appositions_ampersands_and_known_employers():
    text = (
        "The Garment Solidarity Network and Fair Labour Consortium wrote to Nike and Rio Tinto. "
        "Members of Sintravel, the hotel workers' union, marched. "
        "The Business & Human Rights Resource Centre asked Samsung Electronics to reply. "
        "Fires spread across the Amazon basin. Ana Ruiz, a shop steward with the union, spoke."
    )
    orgs = _names(extract_text(text), "organizations")
    assert {"Garment Solidarity Network", "Fair Labour Consortium", "Nike", "Rio Tinto", "Sintravel",
            "Business & Human Rights Resource Centre", "Samsung Electronics"} <= orgs
    assert "Amazon" not in orgs and "Ana Ruiz" not in orgs and "Samsung" not in orgs
    text = "The Kenya Plantation and Agricultural Workers' Union filed a case."
    assert _names(extract_text(text), "organizations") == {"Kenya Plantation and Agricultural Workers' Union"}


def test_diplomatic_missions_and_posts():
    text = (
        "cc: Chief Public Prosecutor of Ankara; Permanent Mission of Freedonia to the United Nations Office at Geneva\n\n"
        "We also wrote to the Embassy of Freedonia in Brussels. The Chief Public Prosecutor's Office replied."
    )
    orgs = _names(extract_text(text), "organizations")
    assert orgs == {
        "Permanent Mission of Freedonia to the United Nations Office at Geneva",
        "Embassy of Freedonia in Brussels",
        "Chief Public Prosecutor's Office",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The officers were charged under the Code of Administrative Offences on Monday.",
        "She was tried under the Public Order Ordinance in May.",
        "The letter was copied to the Ministry of Internally Displaced Persons from the Occupied Territories.",
        "The crowd gathered at the Liberty Fountain before noon.",
        "The body was found on the road to San Pedro de Macorís, near Santo Domingo de Guzmán.",
        "C. Refusal to register the union\nD. Requests to the Committee",
    ],
)
def test_capitalised_non_names_are_no_persons(text):
    assert [p.name for p in extract_text(text).persons] == []


def test_a_place_before_based_or_born():
    result = extract_text("A Berlin-based foundation paid for the Lima-born lawyer Ana Quispe to attend.")
    assert {"Berlin", "Lima"} <= {p.name for p in result.places}
    assert [p.name for p in result.persons] == ["Ana Quispe"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Workers at Minera Pampa Alta S.A.C. went on strike in Arequipa.", "Minera Pampa Alta S.A.C."),
        ("Mine operator Dorukan Enerji A.Ş. said it had paid all wages.", "Dorukan Enerji A.Ş."),
        ("The owner, Acme Hidro S.p.A., closed the plant.", "Acme Hidro S.p.A."),
        ("Workers at Orla Metal d.o.o. stopped work.", "Orla Metal d.o.o."),
        ("The story was first carried by Sahel Wire on Monday.", "Sahel Wire"),
        ("Soldiers of the Northern Defence Force beat the strikers.", "Northern Defence Force"),
    ],
)
def test_dotted_legal_forms_wires_and_forces_are_organisations(text, org):
    result = extract_text(text)
    assert org in _names(result, "organizations")
    assert not any(org.startswith(p) or p.startswith(org.split()[0]) for p in _names(result, "persons"))


@pytest.mark.parametrize(
    ("text", "persons", "places", "orgs"),
    [
        ("Organisers Ann Lowe and Ben Carr were held.", {"Ann Lowe", "Ben Carr"}, set(), set()),
        ("Police fired on workers near Lake Turvo in the west.", set(), {"Lake Turvo"}, set()),
        ("Clashes broke out on the slopes of Mount Orrin last week.", set(), {"Mount Orrin"}, set()),
        ("Guards at Hollin Tea Estate beat the pickers.", set(), set(), {"Hollin Tea Estate"}),
        ("Security forces in the Veska Region arrested him.", set(), set(), set()),
    ],
)
def test_plural_roles_lakes_regions_and_estates_are_not_persons(text, persons, places, orgs):
    result = extract_text(text)
    assert _names(result, "persons") == persons
    assert places <= _names(result, "places")
    assert orgs <= _names(result, "organizations")
