"""Settings come from the environment; SQLite runs in WAL mode with a busy timeout."""

from __future__ import annotations

import pytest
from django.conf import settings

from unionwatch import conf


def test_secret_key_is_generated_once_with_private_mode(tmp_path, monkeypatch):
    monkeypatch.delenv("UNIONWATCH_SECRET_KEY", raising=False)
    first = conf.secret_key(tmp_path)
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert conf.secret_key(tmp_path) == first
    assert len(first) > 50


def test_database_url_is_parsed():
    db = conf.parse_database_url("postgresql://u:p%40ss@db.example:5433/uw")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == ("u", "p@ss", "db.example", "5433", "uw")
    with pytest.raises(ValueError):
        conf.parse_database_url("mysql://x/y")


def test_passwords_are_hashed_with_argon2():
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
