"""Typed settings read from `UNIONWATCH_*` environment variables.

Plain Python (no Django) so the CLI can read them before Django starts.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ENV_PREFIX = "UNIONWATCH_"


def env(name: str, default: str = "") -> str:
    return os.environ.get(ENV_PREFIX + name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = env(name, "")
    if not raw:
        return default
    return raw.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()] or default


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    broker_url: str
    debug: bool
    production: bool
    allowed_hosts: list[str]
    time_zone: str
    email_host: str
    email_from: str

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "unionwatch.sqlite3"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


def default_data_dir() -> Path:
    return Path(env("DATA_DIR") or Path.cwd() / "data").expanduser().resolve()


def load() -> Config:
    return Config(
        data_dir=default_data_dir(),
        database_url=env("DATABASE_URL"),
        broker_url=env("BROKER_URL"),
        debug=env_bool("DEBUG"),
        production=env_bool("PRODUCTION"),
        allowed_hosts=env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"]),
        time_zone=env("TIME_ZONE", "UTC"),
        email_host=env("EMAIL_HOST"),
        email_from=env("EMAIL_FROM", "unionwatch@localhost"),
    )


def secret_key(data_dir: Path) -> str:
    """The secret key: from the environment, else generated once into the data dir (0600).

    There is deliberately no hard-coded fallback.
    """
    from_env = env("SECRET_KEY")
    if from_env:
        return from_env
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "secret_key"
    if not path.exists():
        key = secrets.token_urlsafe(64)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
    path.chmod(0o600)
    return path.read_text().strip()


def parse_database_url(url: str) -> dict:
    """postgresql://user:pass@host:port/name → Django DATABASES entry."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"UNIONWATCH_DATABASE_URL: unsupported scheme {parsed.scheme!r}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")) or "unionwatch",
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
