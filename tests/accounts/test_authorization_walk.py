"""Walks EVERY URL pattern for every role, so URLs added later are covered automatically.

Object parameters point at material known only from a restricted source. Per role:
- anonymous: nothing but the login page and the API schema answers 200;
- viewer and partner: no 200 on the restricted objects, never a restricted name in any
  page, and (partner) never a name from a case not shared with them; neither can change
  anything (no create/update/delete lands in the audit log, whatever they send);
- editor and admin: the restricted objects are reachable (no 403/404);
- audit pages and the Django admin: admins only;
- nobody gets a server error.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.accounts.world import build_world
from unionwatch.audit.models import AuditEntry
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event, Person

pytestmark = pytest.mark.django_db

PUBLIC_OK = {"login/", "logout/", "api/openapi.json", "api/docs"}
ADMIN_ONLY = ("admin/", "audit/")
RESTRICTED_NAME = "Hiddenova"  # stated only in the restricted document
UNSHARED_NAME = "Insidov"  # in a case not shared with the partner
PROBE = "?q=questioned&query=questioned"  # a word of the restricted text, for search pages
PARAM_VALUES = {"kind": "event", "answer": "accept", "action": "rename", "code": "BY"}
NOT_OBJECTS = {"kind", "answer", "action"}  # words, not references to stored objects
MISSING = 987654


def _routes(patterns=None, prefix: str = "") -> list[str]:
    """Every route string, depth first; the admin site counts as its index page."""
    routes: list[str] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                routes.append(route)
                continue
            routes += _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return list(dict.fromkeys(routes))


def _targets(world) -> dict[str, int]:
    vera = Person.objects.get(name="Vera Hiddenova")
    return {
        "documents": world.docs["restricted"].pk,
        "cases": Case.objects.get(title="Vera Hiddenova").pk,
        "persons": vera.pk,
        "events": Event.objects.get(type="interrogation").pk,
        "event": Event.objects.get(type="interrogation").pk,
    }


def _fill(route: str, targets: dict[str, int]) -> tuple[str, bool]:
    """A concrete path, and whether every object parameter named a real restricted object."""
    resolved = True
    parts = route.split("/")
    for i, part in enumerate(parts):
        match = re.fullmatch(r"<(?:(\w+):)?(\w+)>", part)
        if not match:
            continue
        converter, name = match.groups()
        if name in PARAM_VALUES:
            parts[i] = PARAM_VALUES[name]
            resolved = resolved and name in NOT_OBJECTS
            continue
        owner = name.removesuffix("_id") + "s" if name != "pk" else (parts[i - 1] if i else "")
        if name == "fact_id":
            owner = "events"
        value = targets.get(owner)
        if value is None:
            resolved, value = False, MISSING
        parts[i] = str(value) if converter != "str" or value != MISSING else "x"
    if "<" in "/".join(parts):
        return "/".join(parts), False
    return "/" + "/".join(parts), resolved


def _visible_targets(world) -> dict[str, int]:
    """Objects the partner (and viewer) may open, which still touch restricted facts."""
    ana = Person.objects.get(name="Ana Openova")
    arrest = Event.objects.get(type="arrest")
    return {"documents": world.docs["public"].pk, "cases": world.shared_case.pk,
            "persons": ana.pk, "events": arrest.pk, "event": arrest.pk}


@pytest.fixture
def walk():
    world = build_world()
    targets = _targets(world)
    routes = _routes()
    assert len(routes) > 20  # the walk really found the project's URLs
    return world, [(route, *_fill(route, targets)) for route in routes]


def _leaks(role: str, body: bytes) -> list[str]:
    found = []
    if RESTRICTED_NAME.encode() in body:
        found.append("shows a restricted name")
    if role == "partner" and UNSHARED_NAME.encode() in body:
        found.append("shows a case not shared")
    return found


def _get(client, path: str):
    return client.get(path + PROBE)


def test_anonymous_gets_nothing_but_login(client, walk):
    _, urls = walk
    for route, path, _ in urls:
        response = _get(client, path)
        assert response.status_code < 500, (path, response.status_code)
        if route not in PUBLIC_OK:
            assert response.status_code != 200, path
        assert RESTRICTED_NAME.encode() not in response.content, path


@pytest.mark.parametrize("role", ["viewer", "partner"])
def test_viewer_and_partner_never_see_restricted_material(client, walk, role):
    world, urls = walk
    client.force_login(world.users[role])
    problems = []
    for route, path, resolved in urls:
        response = _get(client, path)
        status = response.status_code
        body = b"".join(response) if response.streaming else response.content
        if status >= 500:
            problems.append((path, f"server error {status}"))
        if status == 200 and (route.startswith(ADMIN_ONLY) or (resolved and "<" in route)):
            problems.append((path, "answered 200"))
        problems += [(path, leak) for leak in _leaks(role, body)]
    assert not problems, problems


@pytest.mark.parametrize("role", ["viewer", "partner"])
def test_pages_they_may_open_hide_the_restricted_facts_in_them(client, walk, role):
    """The shared case also holds a restricted-only victim and event: opening it (and
    every URL about it) must not show them."""
    world, _ = walk
    client.force_login(world.users[role])
    targets = _visible_targets(world)
    problems = []
    for route in _routes():
        if "<" not in route:
            continue
        path, _ = _fill(route, targets)
        response = _get(client, path)
        body = b"".join(response) if response.streaming else response.content
        if response.status_code >= 500:
            problems.append((path, f"server error {response.status_code}"))
        problems += [(path, leak) for leak in _leaks(role, body)]
    assert not problems, problems


@pytest.mark.parametrize("role", ["viewer", "partner"])
def test_viewer_and_partner_cannot_change_anything(client, walk, role):
    world, urls = walk
    client.force_login(world.users[role])
    for _, path, _ in urls:
        if path.rstrip("/").endswith("logout"):
            continue
        methods = ("post", "put", "patch", "delete") if path.startswith("/api/") else ("post",)
        for method in methods:
            response = getattr(client, method)(path, data="{}", content_type="application/json")
            assert response.status_code < 500, (role, method, path, response.status_code)
    changes = AuditEntry.objects.filter(actor=role, action__in=["create", "update", "delete"])
    assert not changes.exists(), list(changes.values_list("action", "object_type", "detail"))


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editor_and_admin_reach_restricted_objects(client, walk, role):
    world, urls = walk
    client.force_login(world.users[role])
    for route, path, resolved in urls:
        response = _get(client, path)
        assert response.status_code < 500, (role, path, response.status_code)
        if route.startswith(ADMIN_ONLY):
            assert (response.status_code == 200) == (role == "admin"), (role, path)
        elif resolved and "<" in route:
            assert response.status_code not in (401, 403, 404), (role, path, response.status_code)


def test_partner_sees_the_shared_case(client, walk):
    world, _ = walk
    client.force_login(world.users["partner"])
    response = client.get(f"/cases/{world.shared_case.pk}/")
    assert response.status_code == 200 and b"Ana Openova" in response.content
    assert client.get(f"/cases/{world.other_case.pk}/").status_code == 404
