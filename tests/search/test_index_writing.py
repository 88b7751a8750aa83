"""Writing the index from text folded beforehand (by ingest workers) gives the same rows."""

from __future__ import annotations

import pytest

from unionwatch.search.backends import fold_for_index
from unionwatch.search.index import _DocumentFacts, _folded_text, _indexed_text, fold_body


class _Doc:
    def __init__(self, title: str, text: str, confidentiality: str = "internal") -> None:
        self.title, self.text, self.confidentiality = title, text, confidentiality


@pytest.mark.parametrize("title, text", [
    ("Strike at the Łódź tram depot", "Workers of the depot in Łódź struck on 3 June."),
    ("", "Only a body, ASCII."),
    ("Only a title — with a dash", ""),
    ("", ""),
    ("\u0301", "A title that folds to nothing."),
])
@pytest.mark.parametrize("names", [[], ["Zoë Brandt", "Tram Workers' Union"], [""]])
@pytest.mark.parametrize("level", ["internal", "restricted"])
def test_folded_beforehand_is_what_folding_at_index_time_gives(title, text, names, level):
    found = _DocumentFacts()
    found.names = list(names)
    document = _Doc(title, text, level)
    expected = fold_for_index(_indexed_text(document, found))
    assert _folded_text(document, found, fold_body(title, text)) == expected
    assert _folded_text(document, found, None) == expected


def test_folding_only_the_runs_that_are_not_ascii_is_folding_it_all():
    from anyascii import anyascii

    text = ("Zoë Brandt of the Łódź tram union met Ярослав Коваль and 김민수 in Kraków — "
            "‘talks’ ended at 5 p.m.; ﬁnal résumé: ÆØÅ, İstanbul, straße.")
    assert fold_for_index(text) == anyascii(text).lower()
    assert fold_for_index("plain ASCII Text") == "plain ascii text"
