"""Search over the ingested examples: full text, facets, permissions, CLI, API, page, reindex."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import EXAMPLES
from unionwatch.documents.ingest import ingest_paths
from unionwatch.documents.models import Document
from unionwatch.facts.models import Event, Person
from unionwatch.search.backends import ParsedQuery, get_backend
from unionwatch.search.index import reindex
from unionwatch.search.models import SearchEntry
from unionwatch.search.query import Filters, SearchError, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_store(db, tmp_path):
    """The examples as public, plus one restricted and one internal document written here."""
    ingest_paths([EXAMPLES], confidentiality="public")
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Witness statement\npublished: 2021-03-02\ncountry: Belarus\n---\n"
                      "Witness statement\n\nOn 1 March 2021 the union organiser Petra Zelenkova was "
                      "arrested by police in Minsk after a meeting of the quarry workers.\n",
                      encoding="utf-8")
    internal = tmp_path / "internal.md"
    internal.write_text("---\ntitle: Internal note on quarry workers\npublished: 2021-04-02\n---\n"
                        "Internal note\n\nThe quarry workers plan a meeting in Minsk.\n", encoding="utf-8")
    ingest_paths([secret], confidentiality="restricted")
    ingest_paths([internal], confidentiality="internal")
    by_title = {d.title: d for d in Document.objects.all()}  # titles are sealed: no lookups
    return {"restricted": by_title["Witness statement"],
            "internal": by_title["Internal note on quarry workers"]}


def make_user(django_user_model, name, role, organization=""):
    return django_user_model.objects.create_user(name, password="a-long-test-password", role=role,
                                                 organization=organization)


def ids(results) -> set[int]:
    return {hit.id for hit in results.hits}


def test_every_document_is_indexed_on_ingest(mixed_store):
    assert SearchEntry.objects.count() == Document.objects.count() > 8


def test_words_match_across_inflection_and_accents(mixed_store):
    arrested = search("arrested", limit=100)
    stemmed = search("arrest", limit=100)
    assert arrested.total > 0 and ids(arrested) == ids(stemmed)
    # Cyrillic or accented spellings fold to the same ASCII words as the Latin text.
    assert ids(search("Zelenková")) == ids(search("zelenkova")) == {mixed_store["restricted"].pk}


def test_all_words_must_match_and_phrases_keep_order(mixed_store, django_user_model):
    viewer = make_user(django_user_model, "viewer0", "viewer")  # the index alone, no decryption
    both = search("quarry minsk", user=viewer, limit=100)
    assert ids(both) == {mixed_store["internal"].pk}
    assert ids(search('"quarry workers"', user=viewer, limit=100)) == ids(both)
    assert search('"workers quarry"', user=viewer).total == 0
    assert search("quarry nonexistentword").total == 0


def test_restricted_body_is_not_copied_into_the_index(mixed_store):
    # Restricted text is encrypted at rest; only its title and fact names are indexed.
    restricted = mixed_store["restricted"]
    indexed = get_backend().matching(SearchEntry.objects.all(), ParsedQuery.parse("meeting"))
    indexed_ids = set(indexed.values_list("document_id", flat=True))
    assert mixed_store["internal"].pk in indexed_ids and restricted.pk not in indexed_ids
    # The operator (and editors) still find it: its text is matched decrypted, in memory.
    assert restricted.pk in ids(search("meeting", limit=100))
    assert restricted.pk in ids(search("witness statement"))
    assert restricted.pk in ids(search("Zelenkova minsk"))  # names of its facts are indexed


def test_facets_narrow_the_results(mixed_store):
    everything = search("", limit=100)
    belarus = search("", Filters.from_strings(country="belarus"), limit=100)
    assert 0 < belarus.total < everything.total
    assert all(h.country == "Belarus" for h in belarus.hits)
    sentencing = search("", Filters.from_strings(type="sentencing"), limit=100)
    sentenced_docs = {d for d in Event.objects.filter(type="sentencing")
                      .values_list("evidence__document_id", flat=True) if d}
    assert ids(sentencing) == sentenced_docs
    recent = search("", Filters.from_strings(since="2021"), limit=100)
    assert recent.total and all(h.date >= "2021-01-01" for h in recent.hits)
    early = search("", Filters.from_strings(until="2017-07"), limit=100)
    assert early.total and all(h.date <= "2017-07-31" for h in early.hits)
    assert ids(recent).isdisjoint(ids(early))
    public = search("", Filters.from_strings(confidentiality="public"), limit=100)
    assert public.total == 8


def test_person_and_case_facets(mixed_store):
    person = Person.objects.filter(events__isnull=False).order_by("id").first()
    by_id = search("", Filters.from_strings(person=str(person.pk)), limit=100)
    by_name = search("", Filters.from_strings(person=person.name.split()[-1]), limit=100)
    assert by_id.total >= 1 and ids(by_id) <= ids(by_name)
    case = person.cases.first()
    if case is not None:
        in_case = search("", Filters(case=case.pk), limit=100)
        assert ids(in_case) and ids(in_case) <= {
            d.pk for d in Document.objects.filter(evidence__event__cases=case)}


def test_bad_filter_values_are_named():
    for raw, name in [({"since": "2021-13"}, "since"), ({"type": "tea_party"}, "type"),
                      ({"case": "x"}, "case"), ({"confidentiality": "secret"}, "confidentiality")]:
        with pytest.raises(SearchError, match=name):
            Filters.from_strings(**raw)


def test_search_respects_roles(mixed_store, django_user_model):
    viewer = make_user(django_user_model, "viewer1", "viewer")
    editor = make_user(django_user_model, "editor1", "editor")
    partner = make_user(django_user_model, "partner1", "partner", organization="Nobody Shares")
    restricted, internal = mixed_store["restricted"].pk, mixed_store["internal"].pk
    assert restricted in ids(search("witness", user=editor))
    assert restricted not in ids(search("witness", user=viewer))
    assert internal in ids(search("quarry", user=viewer))
    # A partner sees only documents of cases shared with their organisation: none here.
    assert search("", user=partner).total == 0


def test_reindex_rebuilds_the_same_index(mixed_store):
    before = ids(search("union", limit=100))
    get_backend().clear()
    SearchEntry.objects.all().delete()
    assert search("union").total == 0
    assert reindex() == Document.objects.count()
    assert ids(search("union", limit=100)) == before


def test_query_parsing_keeps_only_safe_words():
    parsed = ParsedQuery.parse('Kharkova "appeal hearing" OR) -- ;DROP')
    assert parsed.groups == (("kharkova",), ("appeal", "hearing"), ("or",), ("drop",))
    assert not ParsedQuery.parse('"" -- !!')


def test_api_search_filters_by_the_callers_access(client, mixed_store, django_user_model):
    client.force_login(make_user(django_user_model, "viewer2", "viewer"))
    data = client.get("/api/search", {"q": "witness"}).json()
    assert mixed_store["restricted"].pk not in {h["id"] for h in data["hits"]}
    data = client.get("/api/search", {"q": "quarry", "country": ""}).json()
    assert mixed_store["internal"].pk in {h["id"] for h in data["hits"]}
    assert set(data["facets"]) == {"country", "type"}
    bad = client.get("/api/search", {"since": "yesterday"})
    assert bad.status_code == 400 and "since" in bad.json()["detail"]
    client.logout()
    assert client.get("/api/search", {"q": "quarry"}).status_code == 401


def test_search_page(client, mixed_store, django_user_model):
    assert client.get(reverse("search")).status_code == 302  # login required
    client.force_login(make_user(django_user_model, "viewer3", "viewer"))
    html = client.get(reverse("search"), {"q": "quarry workers"}).content.decode()
    assert "Internal note on quarry workers" in html and "Witness statement" not in html
    assert "not a date" in client.get(reverse("search"), {"since": "2021-99"}).content.decode()


@pytest.mark.django_db(transaction=True)
def test_search_cli_json_and_errors(tmp_path):
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(tmp_path / "data")}
    env.pop("UNIONWATCH_DATABASE_URL", None)
    run = lambda *args: subprocess.run([sys.executable, "-m", "unionwatch", *args], env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    assert run("init", "--quiet").returncode == 0
    assert run("ingest", str(EXAMPLES), "--confidentiality", "public").returncode == 0
    done = run("search", "sentenced", "--type", "sentencing", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["total"] >= 1 and all(h["events"] for h in data["hits"])
    text = run("search", "sentenced", "--since", "2017")
    assert text.returncode == 0 and "found" in text.stdout
    bad = run("search", "x", "--since", "someday")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--since" in bad.stderr
    assert run("search", "x", "--user", "nobody").returncode == 2
    rebuilt = run("reindex")
    assert rebuilt.returncode == 0 and "8 documents indexed" in rebuilt.stdout
