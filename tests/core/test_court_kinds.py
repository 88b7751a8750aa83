"""Kinds of sentence terms: suspended sentences, probation and its periods."""

import pytest

from unionwatch.core.stages.court import find_terms
from unionwatch.core.stages.text import Sentence


def _terms(text: str) -> list[tuple]:
    return [(t.kind, t.amounts, t.unit) for t in find_terms(text, Sentence(0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspended sentence whose length is written as imprisonment
        ("The organiser got a suspended sentence of 20 months' imprisonment.", [("suspended", [20], "months")]),
        ("She received a conditional sentence of two years in prison.", [("suspended", [2], "years")]),
        ("He was handed a suspended jail term of one year and two months.", [("suspended", [14], "months")]),
        # the probation attached to a suspended term is its condition, not a second term
        ("He got three years' imprisonment, suspended for a probation period of four years.", [("suspended", [3], "years")]),
        ("She got a suspended prison term of one year and a probationary period of two years.", [("suspended", [1], "years")]),
        # probation alone is a term of its own kind
        ("The steward was placed on probation of eighteen months.", [("other", [18], "months")]),
        ("The steward was sentenced to probation for two years.", [("other", [2], "years")]),
        # and imprisonment not said to be suspended stays prison
        ("He was sentenced to a prison term of 20 months.", [("prison", [20], "months")]),
        ("He was given 20 months' imprisonment and a suspended fine.", [("prison", [20], "months")]),
    ],
)
def test_suspended_and_probation_wordings(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure before the verdict is no term of one
        ("Officers placed the strike leader under house arrest for three months.", []),
        ("The investigator ordered two months of house arrest pending trial.", []),
        ("She was held for two months as a preventive measure.", []),
        # unless a verdict imposes it
        ("The court sentenced the strike leader to two years of house arrest.", [("restriction_of_movement", [2], "years")]),
        ("He was found guilty and placed under house arrest for a year.", [("restriction_of_movement", [1], "years")]),
    ],
)
def test_measures_before_the_verdict(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a new length of the sentence set on appeal
        ("The appeal court increased her sentence from two to five years.", [("prison", [5], "years")]),
        ("His prison term was cut on appeal to 14 months.", [("prison", [14], "months")]),
        ("The judges reduced the penalty of the chair to six months, suspended.", [("suspended", [6], "months")]),
        # a reduced ban keeps its own kind, and a reduced fine is money
        ("The court reduced the ban on holding office to two years.", [("ban_from_office", [2], "years")]),
        ("The strike was cut to two days.", []),
    ],
)
def test_a_sentence_changed_to_a_new_length(text, expected):
    assert _terms(text) == expected


def test_probation_after_a_suspended_term_is_its_condition():
    text = "She was given a two-year suspended sentence and three years of probation."
    assert _terms(text) == [("suspended", [2], "years")]
    # after a prison term it is a term of its own
    text = "She was sentenced to two years in prison and three years of probation."
    assert _terms(text) == [("prison", [2], "years"), ("other", [3], "years")]


def test_a_bare_duration_after_a_long_object_of_sentenced():
    text = "The court sentenced union officials Rosa Lind and Karl Moss to five and two years respectively."
    assert _terms(text) == [("prison", [5, 2], "years")]
    # "sentenced ... and ordered them to ..." is no prison term
    text = "The court sentenced them and ordered the union to close within 30 days."
    assert _terms(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The organiser was sentenced to imprisonment of four years.", [("prison", [4], "years")]),
        ("She was sentenced to a term of imprisonment of two years.", [("prison", [2], "years")]),
        ("He was condemned to three years of prison.", [("prison", [3], "years")]),
        ("She got two years of deprivation of liberty, suspended.", [("suspended", [2], "years")]),
        ("He got two years in prison, conditional on good behaviour.", [("suspended", [2], "years")]),
        # a number before "suspended" is a part of the term, not the whole of it
        ("He got three years in prison, two suspended.", [("prison", [3], "years")]),
    ],
)
def test_more_prison_and_suspended_wordings(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ban whose object runs long before its length
        ("The judge also barred Rosa Lind from holding any elected post in unions, cooperatives or other "
         "public associations for four years.", [("ban_from_office", [4], "years")]),
        ("It prohibited him from leading any workers' organisation, including his own branch, for three years.",
         [("ban_from_office", [3], "years")]),
        # a ban on leaving is a restriction of movement, not a ban from office
        ("The court barred her from leaving the country for two years.", [("restriction_of_movement", [2], "years")]),
        # a frequency is no duration
        ("Under the order she must report twice a month to the probation office.", []),
        ("He has to attend three times a week at a supervision centre.", []),
        ("She reports once a month to the court monitoring unit, for a year of probation.", [("other", [1], "years")]),
    ],
)
def test_long_bans_and_frequencies(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspended part told with its own unit splits the prison term
        ("The court jailed the steward for two years, of which eight months were suspended.",
         [("prison", [16], "months"), ("suspended", [8], "months")]),
        ("She got a year in jail, three months of which are suspended.", [("prison", [9], "months"), ("suspended", [3], "months")]),
        # a number before "suspended" with no "of which" stays as it was read
        ("He got three years in prison, two suspended.", [("prison", [3], "years")]),
        # exile is a term of its own kind, not a second prison term
        ("He was sentenced to four years in prison and two years of exile to a border town.",
         [("prison", [4], "years"), ("other", [2], "years")]),
        ("She was sentenced to three years of internal exile.", [("other", [3], "years")]),
        # Belarusian "chemistry" is restricted freedom, not prison
        ('The organiser got eighteen months of "home chemistry".', [("restriction_of_movement", [18], "months")]),
        ("He was sentenced to two years of chemistry with referral to an open institution.",
         [("restriction_of_movement", [2], "years")]),
        ("The court sentenced him to six years' imprisonment, and he spent five years in exile.", [("prison", [6], "years")]),
    ],
)
def test_suspended_parts_and_exile(text, expected):
    assert _terms(text) == expected
