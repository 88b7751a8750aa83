"""Appeal rulings are decisions of their own: upheld, reduced or confirmed sentences, and the first
ruling told in the same or a later sentence."""

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _rulings(text: str, date: str = "2024-09-20") -> list[tuple]:
    result = extract_text(text, DocumentMeta(date=date))
    return sorted(
        ((d.defendant, d.date, tuple((t.kind, t.amount, t.unit) for t in d.terms)) for d in result.court_decisions),
        key=lambda r: (r[0], r[1] or ""),
    )


def test_an_upheld_sentence_imposed_by_a_lower_court_is_two_rulings():
    text = (
        "In August, the regional appeals court upheld a sentence of two years and two months in prison that a "
        "district court had imposed in 2022 on the union's chair, Selin Kaya."
    )
    prison = (("prison", 26, "months"),)
    assert _rulings(text) == [("Selin Kaya", "2022", prison), ("Selin Kaya", "2024-08", prison)]


def test_a_fine_reduced_on_appeal_and_one_confirmed():
    text = (
        "In March, the municipal court fined Goran Vukic and the union's treasurer, Mira Lazic, 80,000 dinars each. "
        "On 4 July, the higher court reduced Lazic's fine to 30,000 dinars on appeal but confirmed the fine imposed on Vukic."
    )
    assert _rulings(text) == [
        ("Goran Vukic", "2024-03", (("fine", 80000, "currency"),)),
        ("Goran Vukic", "2024-07-04", (("fine", 80000, "currency"),)),
        ("Mira Lazic", "2024-03", (("fine", 80000, "currency"),)),
        ("Mira Lazic", "2024-07-04", (("fine", 30000, "currency"),)),
    ]


def test_a_sentence_reduced_from_one_term_to_another():
    text = (
        "On 2 September the appeal court reduced the sentence of the union's secretary, Hana Bakr, from three years "
        "in prison to one year, suspended."
    )
    assert _rulings(text) == [
        ("Hana Bakr", None, (("prison", 3, "years"),)),
        ("Hana Bakr", "2024-09-02", (("suspended", 1, "years"),)),
    ]


def test_the_first_ruling_told_after_the_appeal():
    text = (
        "On 10 September the court of appeal upheld the two-year prison sentence imposed on Ali Mansour. "
        "It acquitted his colleague Omar Said. "
        "The two had been convicted in May by the criminal court, and each was sentenced to two years in prison."
    )
    got = _rulings(text)
    assert ("Omar Said", "2024-05", (("prison", 2, "years"),)) in got
    assert ("Ali Mansour", "2024-09-10", (("prison", 2, "years"),)) in got
    assert [r for r in got if r[0] == "Omar Said" and r[2] == ()]  # the acquittal on appeal
    assert len(got) == 4


def test_a_second_sentence_on_the_same_ruling_stays_one_decision():
    text = (
        "On 3 May the district court sentenced Ana Ruiz to two years in prison. "
        "The court also banned her from union office for three years."
    )
    assert _rulings(text) == [("Ana Ruiz", "2024-05-03", (("prison", 2, "years"), ("ban_from_office", 3, "years")))]


def test_a_demanded_annulment_is_no_ruling():
    text = (
        "The union said the fines imposed on its leaders must be annulled and that Piotr Nowak should be "
        "acquitted on appeal."
    )
    assert _rulings(text) == []


def test_an_appeal_ruling_on_the_sentence_told_just_before():
    text = "Ali Baran was sentenced to two years in prison in March. On 3 June the appeal court upheld the sentence."
    prison = (("prison", 2, "years"),)
    assert _rulings(text) == [("Ali Baran", "2024-03", prison), ("Ali Baran", "2024-06-03", prison)]
    text = "Ali Baran was sentenced to two years in prison in March. The appeal court later quashed the conviction."
    assert _rulings(text) == [("Ali Baran", None, ()), ("Ali Baran", "2024-03", prison)]


def test_an_upheld_sentence_alluding_to_the_first_ruling_is_one_ruling():
    # the first ruling has no court and no date of its own: "in 2021" dates the act punished
    for text in (
        "In June, the high court upheld the one-year suspended sentence imposed on the union's chair, Selin Kaya, "
        "for a strike in 2021.",
        "In June, the high court upheld the one-year suspended sentence imposed on Selin Kaya.",
    ):
        assert _rulings(text) == [("Selin Kaya", "2024-06", (("suspended", 1, "years"),))], text
    # negative: the first ruling named with its own date stays a ruling of its own
    text = "In June, the high court upheld the one-year suspended sentence imposed in 2022 on Selin Kaya."
    assert _rulings(text) == [
        ("Selin Kaya", "2022", (("suspended", 1, "years"),)),
        ("Selin Kaya", "2024-06", (("suspended", 1, "years"),)),
    ]
