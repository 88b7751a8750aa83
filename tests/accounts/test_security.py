"""Login rate limiting, API tokens, security headers and `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.accounts.world import PASSWORD, build_world, make_users

CLI = [sys.executable, "-m", "unionwatch"]


@pytest.mark.django_db
def test_login_is_rate_limited_per_username(client):
    make_users()
    url = reverse("login")
    codes = [client.post(url, {"username": "viewer", "password": "wrong-password"}).status_code
             for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]  # the fifth failure locks
    # Locked now: even the right password is refused, with 429.
    response = client.post(url, {"username": "viewer", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert not client.session.get("_auth_user_id")
    from unionwatch.audit.models import AuditEntry

    failed = AuditEntry.objects.filter(action="login-failed", detail="viewer")
    assert failed.count() == 6 and failed.first().actor == "anonymous"
    # Another account is not affected.
    response = client.post(url, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_successful_login_clears_failures(client):
    make_users()
    url = reverse("login")
    for _ in range(4):
        client.post(url, {"username": "viewer", "password": "wrong-password"})
    assert client.post(url, {"username": "viewer", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(4):
        client.post(url, {"username": "viewer", "password": "wrong-password"})
    assert client.post(url, {"username": "viewer", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_security_headers(client):
    users = make_users()
    client.force_login(users["viewer"])
    response = client.get(reverse("case-list"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_api_token_authenticates_with_the_users_permissions(client):
    from unionwatch.accounts.tokens import create_token

    world = build_world()
    anonymous = client.get("/api/documents")
    assert anonymous.status_code == 401
    bad = client.get("/api/documents", HTTP_AUTHORIZATION="Bearer uw_not-a-real-token")
    assert bad.status_code == 401
    viewer_token = create_token(world.users["viewer"])
    response = client.get("/api/documents", HTTP_AUTHORIZATION=f"Bearer {viewer_token}")
    assert response.status_code == 200
    assert {d["confidentiality"] for d in response.json()} == {"public", "internal"}
    restricted = world.docs["restricted"].pk
    assert client.get(f"/api/documents/{restricted}",
                      HTTP_AUTHORIZATION=f"Bearer {viewer_token}").status_code == 404
    editor_token = create_token(world.users["editor"])
    assert client.get(f"/api/documents/{restricted}",
                      HTTP_AUTHORIZATION=f"Bearer {editor_token}").status_code == 200
    from unionwatch.accounts.models import ApiToken

    ApiToken.objects.filter(prefix=editor_token[:8]).update(revoked=True)
    assert client.get("/api/documents", HTTP_AUTHORIZATION=f"Bearer {editor_token}").status_code == 401


def _cli(args, data_dir, **env_extra):
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir), **env_extra}
    env.pop("UNIONWATCH_DATABASE_URL", None)
    return subprocess.run(CLI + args, capture_output=True, text=True, env=env, timeout=120)


def test_token_create_cli(tmp_path):
    assert _cli(["init", "--quiet"], tmp_path).returncode == 0
    result = _cli(["token", "create", "admin", "--name", "script"], tmp_path)
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    assert token.startswith("uw_") and len(token) > 40
    assert token not in (tmp_path / "unionwatch.sqlite3").read_bytes().decode("latin-1")
    listed = _cli(["token", "list"], tmp_path)
    assert token[:8] in listed.stdout and "active" in listed.stdout and token not in listed.stdout
    assert _cli(["token", "revoke", token[:8]], tmp_path).returncode == 0
    assert "revoked" in _cli(["token", "list", "admin"], tmp_path).stdout
    missing = _cli(["token", "create", "nobody"], tmp_path)
    assert missing.returncode == 2
    assert "nobody" in missing.stderr and "Traceback" not in missing.stderr


def test_check_deploy_is_clean_in_production(tmp_path):
    env = {"UNIONWATCH_PRODUCTION": "true", "UNIONWATCH_ALLOWED_HOSTS": "unionwatch.example.org",
           "UNIONWATCH_DEBUG": "false"}
    result = subprocess.run(
        [sys.executable, "-m", "unionwatch.manage", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, timeout=120,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
             "UNIONWATCH_DATA_DIR": str(tmp_path), **env})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_sharing_a_case_opens_it_to_the_partner(client):
    from unionwatch.accounts.tokens import create_token

    world = build_world()
    partner, editor = create_token(world.users["partner"]), create_token(world.users["editor"])
    other = world.other_case.pk
    assert client.get(f"/api/cases/{other}", HTTP_AUTHORIZATION=f"Bearer {partner}").status_code == 404
    url = f"/api/cases/{other}/shared-with"
    body = {"organizations": ["Friendly Federation"]}
    assert client.put(url, body, content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {partner}").status_code in (403, 404)
    response = client.put(url, body, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {editor}")
    assert response.status_code == 200, response.content
    assert client.get(f"/api/cases/{other}", HTTP_AUTHORIZATION=f"Bearer {partner}").status_code == 200


@pytest.mark.django_db
def test_editor_changes_a_documents_level_on_the_web(client):
    world = build_world()
    doc = world.docs["internal"]
    url = reverse("document-confidentiality", args=[doc.pk])
    client.force_login(world.users["viewer"])
    assert client.post(url, {"level": "restricted"}).status_code == 403
    assert url not in client.get(reverse("document-detail", args=[doc.pk])).content.decode()
    client.force_login(world.users["editor"])
    assert url in client.get(reverse("document-detail", args=[doc.pk])).content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url, {"level": "nonsense"}).status_code == 400
    assert client.post(url, {"level": "restricted"}).status_code == 302
    doc.refresh_from_db()
    assert doc.confidentiality == "restricted" and doc.text == "" and doc.plain_text
