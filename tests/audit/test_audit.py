"""The audit log: changes, views of restricted material, admin-only list and CSV export."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.accounts.world import build_world, make_users
from unionwatch.audit.models import AuditEntry
from unionwatch.facts.models import Person


@pytest.mark.django_db
def test_changes_are_logged_with_the_user(client):
    users = make_users()
    client.force_login(users["admin"])
    person = Person.objects.create(name="Test Person")
    entry = AuditEntry.objects.filter(object_type="facts.person", object_id=str(person.pk)).get()
    assert entry.action == "create" and entry.actor.startswith("cli")
    # Through a request: the middleware knows who.
    response = client.post(reverse("admin:facts_person_delete", args=[person.pk]), {"post": "yes"})
    assert response.status_code == 302
    deleted = AuditEntry.objects.get(action="delete", object_type="facts.person")
    assert deleted.actor == "admin" and deleted.user == users["admin"]
    assert deleted.object_repr == "Test Person"


@pytest.mark.django_db
def test_views_of_restricted_documents_are_logged(client):
    world = build_world()
    client.force_login(world.users["editor"])
    before = AuditEntry.objects.filter(action="view").count()
    assert client.get(reverse("document-detail", args=[world.docs["public"].pk])).status_code == 200
    assert AuditEntry.objects.filter(action="view").count() == before
    assert client.get(reverse("document-detail", args=[world.docs["restricted"].pk])).status_code == 200
    entry = AuditEntry.objects.filter(action="view").latest("id")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        "editor", "documents.document", str(world.docs["restricted"].pk))


@pytest.mark.django_db
def test_only_admins_see_and_export_the_log(client):
    users = make_users()
    for role in ("editor", "viewer", "partner"):
        client.force_login(users[role])
        assert client.get(reverse("audit-list")).status_code == 403
        assert client.get(reverse("audit-export")).status_code == 403
    client.force_login(users["admin"])
    assert client.get(reverse("audit-list")).status_code == 200
    response = client.get(reverse("audit-export"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert any(r["action"] == "create" and r["object_type"] == "accounts.user" for r in rows)


def test_audit_export_cli(tmp_path):
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(tmp_path)}
    env.pop("UNIONWATCH_DATABASE_URL", None)
    run = [sys.executable, "-m", "unionwatch"]
    assert subprocess.run(run + ["init", "--quiet"], env=env, capture_output=True).returncode == 0
    out = tmp_path / "audit.csv"
    result = subprocess.run(run + ["audit", "export", "-o", str(out)], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open()))
    assert any(r["action"] == "create" and r["object_repr"] == "admin" for r in rows)


@pytest.mark.django_db
def test_updates_say_what_changed_but_never_secrets():
    person = Person.objects.create(name="Test Person")
    person.name = "Test Persona"
    person.protected = True
    person.save()
    entry = AuditEntry.objects.filter(action="update", object_type="facts.person").latest("id")
    assert "name: 'Test Person' -> 'Test Persona'" in entry.detail
    assert "protected: False -> True" in entry.detail
    users = make_users()
    users["viewer"].set_password("another-long-password")
    users["viewer"].save()
    entry = AuditEntry.objects.filter(action="update", object_type="accounts.user").latest("id")
    assert entry.detail == "password: changed"
