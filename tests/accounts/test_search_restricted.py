"""Restricted text is not indexed in clear, yet those allowed to read it can search it."""

from __future__ import annotations

import pytest

from tests.accounts.world import build_world
from unionwatch.documents.models import Document
from unionwatch.search.index import index_documents
from unionwatch.search.query import search

pytestmark = pytest.mark.django_db


def test_restricted_body_is_searchable_only_by_its_readers():
    world = build_world()
    index_documents(Document.objects.values_list("pk", flat=True))
    restricted = world.docs["restricted"].pk
    # "sister" is only in the restricted document's body (not its title, not a fact).
    for role in ("editor", "admin"):
        hits = [h.id for h in search("sister", user=world.users[role]).hits]
        assert hits == [restricted], role
    for role in ("viewer", "partner"):
        assert search("sister", user=world.users[role]).hits == [], role
    both = [h.id for h in search("police arrested", user=world.users["editor"]).hits]
    assert restricted in both and world.docs["public"].pk in both
