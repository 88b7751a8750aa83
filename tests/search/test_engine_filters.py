"""Filters applied by the engine with the words (tags), counted up to a cap, on
documents written here (their facts stored through the real store)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from unionwatch.core import types as x
from unionwatch.documents.models import Document
from unionwatch.facts.models import Person
from unionwatch.facts.store import store_extraction
from unionwatch.search import query
from unionwatch.search.backends import ParsedQuery, TagQuery, get_backend, tag
from unionwatch.search.index import index_documents
from unionwatch.search.models import SearchEntry
from unionwatch.search.query import Filters, search

pytestmark = pytest.mark.django_db


def make_doc(text: str, country: str = "", date: dt.date | None = None, level: str = "public",
             events: list[tuple[str, str]] = ()) -> Document:
    """A document; `events` are (type, victim name) stated in its first sentence."""
    doc = Document.objects.create(original_name="n.md", sha256=hashlib.sha256(text.encode()).hexdigest(),
                                  text=text, title=text[:30], country=country, date=date,
                                  confidentiality=level)
    if events:
        persons = [x.Person(name=name, mentions=[(0, 5)]) for _, name in events]
        facts = [x.Event(type=kind, victims=[name], span=(0, len(text)), evidence=text)
                 for kind, name in events]
        store_extraction(doc, x.Extraction(document=x.DocumentMeta(), persons=persons, events=facts))
    return doc


def ids(results) -> list[int]:
    return [hit.id for hit in results.hits]


def test_filters_and_words_in_one_engine_query():
    kept = make_doc("Guards beat the picket line of bakers.", "Chile", dt.date(2022, 5, 1),
                    events=[("assault", "Rosa Almendra")])
    other_country = make_doc("Guards beat the picket line of miners.", "Peru", dt.date(2022, 6, 1),
                             events=[("assault", "Tito Cobre")])
    other_type = make_doc("Guards beat the picket line of porters.", "Chile", dt.date(2022, 7, 1),
                          events=[("dismissal", "Ines Puerto")])
    undated = make_doc("Guards beat the picket line of cooks.", "Chile", events=[("assault", "Leo Olla")])
    index_documents(Document.objects.values_list("pk", flat=True))
    both = Filters.from_strings(country="Chile", type="assault")
    assert ids(search("picket", both)) == [kept.pk, undated.pk]
    # Newest first; undated documents last, and out as soon as a date bound is given.
    assert ids(search("picket", Filters.from_strings(country="chile"))) == [other_type.pk, kept.pk, undated.pk]
    assert ids(search("picket", Filters.from_strings(until="2022-06"))) == [other_country.pk, kept.pk]
    assert ids(search("", Filters.from_strings(since="2022-06"))) == [other_type.pk, other_country.pk]
    person = Person.objects.get(name="Rosa Almendra")
    assert ids(search("guards", Filters.from_strings(person=str(person.pk)))) == [kept.pk]
    assert ids(search("guards", Filters.from_strings(person="Almendra"))) == [kept.pk]
    assert search("guards", Filters.from_strings(person="Nobody Named")).total == 0
    facets = search("picket").facets
    assert {"value": "Chile", "count": 3} in facets["country"]
    assert {"value": "assault", "count": 3} in facets["type"]


def test_tags_are_single_words_apart_from_text():
    assert tag("c", "Côte d'Ivoire") == "zccotedivoire0"
    assert tag("p", "12") != tag("p", "120")
    doc = make_doc("zcchile0 is a word here, not a country.", "Peru")
    index_documents([doc.pk])
    found = get_backend().find(ParsedQuery.parse(""), TagQuery(((tag("c", "Peru"),),)), 10)
    assert [k & 0xFFFFFFFF for k in found] == [doc.pk]


def test_totals_are_counted_up_to_the_cap(monkeypatch):
    for n in range(7):
        make_doc(f"Strike number {n} of the dockers.", "Chile", dt.date(2020, 1, n + 1))
    index_documents(Document.objects.values_list("pk", flat=True))
    monkeypatch.setattr(query, "COUNT_CAP", 4)
    monkeypatch.setattr(query, "FACET_SAMPLE", 2)
    results = search("dockers", limit=2)
    assert results.total == 4 and results.total_is_lower_bound and results.total_text == "4+"
    assert len(results.hits) == 2
    exact = search("dockers", Filters.from_strings(until="2020-01-03"), limit=2)
    assert exact.total == 3 and not exact.total_is_lower_bound
    page = search("dockers", limit=2, offset=4)
    assert len(page.hits) == 2  # pages past the facet sample are still found


def test_viewer_levels_are_checked_by_the_engine(django_user_model):
    public = make_doc("Dockers marched in the port.", "Chile", dt.date(2021, 1, 1))
    internal = make_doc("Dockers marched again in the port.", "Chile", dt.date(2021, 2, 1), level="internal")
    index_documents([public.pk, internal.pk])
    SearchEntry.objects.filter(pk=internal.pk).update(confidentiality="internal")
    viewer = django_user_model.objects.create_user("v", password="a-long-test-password", role="viewer")
    assert set(ids(search("dockers", user=viewer))) == {public.pk, internal.pk}
    assert ids(search("dockers", Filters.from_strings(confidentiality="public"), user=viewer)) == [public.pk]


def test_restricted_matches_by_text_and_by_names_count_once(django_user_model):
    secret = make_doc("Guards beat Rosa Almendra at the gate.", "Chile", dt.date(2021, 3, 1),
                      level="restricted", events=[("assault", "Rosa Almendra")])
    public = make_doc("Rosa Almendra spoke at the gate.", "Chile", dt.date(2021, 4, 1))
    index_documents([secret.pk, public.pk])
    editor = django_user_model.objects.create_user("e", password="a-long-test-password", role="editor")
    viewer = django_user_model.objects.create_user("v", password="a-long-test-password", role="viewer")
    found = search("almendra", user=editor)  # the name is indexed and the sealed text has it
    assert ids(found) == [public.pk, secret.pk] and found.total == 2
    assert ids(search("gate beat", user=editor)) == [secret.pk]  # decrypted text only
    assert ids(search("almendra", user=viewer)) == [public.pk]
