"""Name folding and matching follow the scoring rules of extraction-format.md."""

from unionwatch.core.names import any_names_match, fold_name, names_match


def test_fold_transliterates_lowercases_and_drops_punctuation():
    assert fold_name("José-María O'Neill") == "iose maria o neil"


def test_fold_drops_possessive_and_honorifics():
    assert fold_name("Mr Petrov's") == "petrov"
    assert fold_name("President Ortega") == "ortega"
    assert fold_name("Dr. Ana Silva") == "ana silva"


def test_fold_squeezes_doubles_then_maps_letters():
    assert fold_name("Larissa") == fold_name("Larisa")
    assert fold_name("Yuliya") == "iuliia"  # doubles are squeezed before y→i
    assert fold_name("Khalil") == "halil"
    assert fold_name("Dmitriev") == "dmitrev"


def test_equal_after_folding():
    assert names_match("Kushakbayev", "Kushakbaev")
    assert names_match("Mr Ivan Petrov", "Ivan Petrov")


def test_fuzzy_ratio_needs_four_characters():
    assert names_match("Oleksandr Petrenko", "Oleksander Petrenko")
    assert not names_match("Ann", "Anna")


def test_single_word_against_first_or_last_word():
    assert names_match("Petrenko", "Oleksandr Petrenko")
    assert names_match("Oleksandr", "Oleksandr Petrenko")
    assert not names_match("Ivan", "Oleksandr Ivanovich Petrenko")
    assert not names_match("Bo", "Bo Larsen")  # under four letters


def test_different_people_do_not_match():
    assert not names_match("Sok Narith", "Sok Kongkea")
    assert not names_match("Maria Lopez", "Mario Perez Gomez")


def test_any_names_match_uses_all_aliases():
    assert any_names_match(["Workers Union of X", "WUX"], ["WUX"])
    assert not any_names_match([], ["WUX"])
