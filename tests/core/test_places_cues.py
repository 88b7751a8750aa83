"""Places named by the text's own cues: lists, area nouns, capitalised region words, datelines
(sentences written for these tests)."""

from unionwatch.core import extract_text


def _places(text: str) -> set[str]:
    return {p.name for p in extract_text(text).places}


def test_a_list_opened_by_a_locative_word_names_every_town_in_it():
    text = (
        "Police searched flats in Pinsk and Molo and took phones. "
        "Members stopped work in Thika, Voi and Nyandoro at night."
    )
    assert {"Pinsk", "Molo", "Thika", "Voi", "Nyandoro"} <= _places(text)


def test_a_list_ends_where_a_verb_follows_the_name():
    text = "Police arrested Ana Ruiz in Lima and Tela said it was illegal."
    places = _places(text)
    assert "Lima" in places and "Tela" not in places


def test_a_dateline_of_two_cities_is_two_places_but_a_road_is_none():
    assert {"Rome", "Vienna"} <= _places("Rome-Vienna, 5 May 2024\nThe two federations wrote to the minister.")
    assert _places("Drivers blocked the Sukkur-Larkana highway for an hour.") == set()


def test_a_known_name_drops_its_lower_case_cue_word():
    text = "Two men visited her mother in Kampong Cham province. Strikers gathered in the southern Amazonian region."
    assert _places(text) == {"Kampong Cham"}


def test_area_nouns_after_a_name_and_community_of():
    text = (
        "He was shot outside his home in the Santa Rita sector of Choloma. "
        "The union office in Bole sub-city was searched. Settlers were killed in the Kiru valley. "
        "A woman was wounded outside her house in the community of Los Laureles."
    )
    assert {"Santa Rita", "Choloma", "Bole", "Kiru", "Los Laureles"} <= _places(text)


def test_a_capitalised_region_word_is_part_of_the_name():
    text = (
        "A docker died at a police station in Mingaladon Township on 2 May. "
        "Three teachers were banned from leaving the Kachin State."
    )
    assert {"Mingaladon Township", "Kachin State"} <= _places(text)


def test_world_regions_after_to_and_feature_words_of_known_towns():
    text = "They cut roses for export to Europe. We will call out our members in Kisumu and Montego Bay as well."
    assert {"Europe", "Kisumu", "Montego Bay"} <= _places(text)


def test_bare_localities_after_premises_and_before_with():
    text = (
        "Officers dispersed a picket at the farm gate in Kipsaina with tear gas. "
        "He was beaten in a lock-up at Borbari. A strike at Bluevale ended on Monday."
    )
    places = _places(text)
    assert {"Kipsaina", "Borbari"} <= places and "Bluevale" not in places


def test_a_lake_and_the_town_beside_it_are_two_places():
    text = "Farms around Lake Baringo employ thousands. Eleven workers were held in Baringo for a week."
    assert {"Lake Baringo", "Baringo"} <= _places(text)


def test_plain_words_opening_a_known_town_after_a_cue_and_form_labels():
    text = "He died in a hospital in nearby General Santos.\nNAME AND PRONOUN: Ana Ruiz (she/her)"
    places = _places(text)
    assert "General Santos" in places and "Name" not in places


def test_a_branch_is_named_after_its_place():
    text = "The union's Tavira branch secretary was jailed. Police raided its Kovrin regional office on Monday."
    assert {"Tavira", "Kovrin"} <= _places(text)


def test_the_road_to_a_town_names_it():
    text = "Her body was found beside the road to Puerto San Felipe de Lara with two wounds."
    assert "Puerto San Felipe de Lara" in _places(text)


def test_a_compass_named_region_after_a_town():
    text = "The union at the plant, in Bekasi, West Java, came under attack. Workers in Bekasi, West Side Story fans, met."
    places = _places(text)
    assert "West Java" in places and "West Side Story" not in places


def test_qualified_names_adjectives_and_custodial_centres_are_no_places():
    text = (
        "The Federal Capital Territory police spokesperson said nothing. He was warned by pro-Beijing newspapers. "
        "The four were kept in Kuje custodial centre."
    )
    assert _places(text) == set()
