"""The access rules in accounts/permissions.py, on a hand-built store."""

from __future__ import annotations

import pytest

from tests.accounts.world import build_world
from unionwatch.accounts import permissions as perm
from unionwatch.facts.models import Event, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _names(qs) -> set[str]:
    return {p.name for p in qs}


def test_fact_takes_the_most_open_level_of_its_sources(world):
    ana = Person.objects.get(name="Ana Openova")  # public and restricted sources
    vera = Person.objects.get(name="Vera Hiddenova")  # restricted only
    boris = Person.objects.get(name="Boris Insidov")
    assert perm.fact_confidentiality(ana) == "public"
    assert perm.fact_confidentiality(boris) == "internal"
    assert perm.fact_confidentiality(vera) == "restricted"


def test_fact_without_sources_counts_as_restricted(world):
    orphan = Person.objects.create(name="Nobody Known")
    assert perm.fact_confidentiality(orphan) == "restricted"


def test_levels_by_role(world):
    u = world.users
    assert perm.visible_documents(u["admin"]).count() == 3
    assert perm.visible_documents(u["editor"]).count() == 3
    assert set(perm.visible_documents(u["viewer"]).values_list("confidentiality", flat=True)) == {
        "public", "internal"}
    assert _names(perm.visible_persons(u["viewer"])) == {"Ana Openova", "Boris Insidov"}
    assert _names(perm.visible_persons(u["editor"])) >= {"Vera Hiddenova"}


def test_partner_sees_only_shared_cases_and_their_material(world):
    partner = world.users["partner"]
    assert list(perm.visible_cases(partner)) == [world.shared_case]
    assert _names(perm.visible_persons(partner)) == {"Ana Openova"}
    assert {e.type for e in perm.visible_events(partner)} == {"arrest"}
    assert set(perm.visible_documents(partner).values_list("confidentiality", flat=True)) == {
        "public"}


def test_partner_without_organisation_sees_nothing(world):
    partner = world.users["partner"]
    partner.organization = ""
    partner.save()
    assert not perm.visible_cases(partner).exists()
    assert not perm.visible_documents(partner).exists()


def test_viewer_does_not_see_a_case_known_only_from_restricted_sources(world):
    titles = {c.title for c in perm.visible_cases(world.users["viewer"])}
    assert titles == {"Ana Openova", "Boris Insidov"}
    assert "Vera Hiddenova" in {c.title for c in perm.visible_cases(world.users["editor"])}


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    anon = AnonymousUser()
    assert not perm.visible_documents(anon).exists()
    assert not perm.visible_cases(anon).exists()
    assert not perm.visible_events(anon).exists()
    assert not perm.can_edit(anon)


def test_editing_rights(world):
    u = world.users
    assert perm.can_edit(u["admin"]) and perm.can_edit(u["editor"])
    assert not perm.can_edit(u["viewer"]) and not perm.can_edit(u["partner"])
    assert perm.is_admin(u["admin"]) and not perm.is_admin(u["editor"])


def test_protected_person_is_redacted_in_public_and_for_partners(world):
    vera = Person.objects.get(name="Vera Hiddenova")
    vera.protected = True
    vera.save()
    assert perm.redact_person(vera, public=True) == perm.REDACTED
    assert perm.redact_person(vera, world.users["partner"]) == perm.REDACTED
    assert perm.redact_person(vera, world.users["editor"]) == "Vera Hiddenova"
    ana = Person.objects.get(name="Ana Openova")
    assert perm.redact_person(ana, public=True) == "Ana Openova"


def test_shows_restricted(world):
    assert perm.shows_restricted(world.docs["restricted"])
    assert not perm.shows_restricted(world.docs["public"])
    assert perm.shows_restricted(Event.objects.get(type="interrogation"))
