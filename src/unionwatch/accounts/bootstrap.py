"""Database setup and the first accounts, for `init`, `demo` and `user add`."""

from __future__ import annotations

import getpass
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from unionwatch.accounts.models import Role, User

PASSWORD_FILE = "initial_admin_password"


def ensure_database(verbose: bool = True) -> None:
    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)


def _password_path() -> Path:
    return Path(settings.DATA_DIR) / PASSWORD_FILE


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    path.chmod(0o600)


@transaction.atomic
def ensure_first_admin(username: str = "admin") -> tuple[bool, str, str]:
    """Create an admin with a random password when there is no admin yet."""
    if User.objects.filter(is_superuser=True).exists():
        return False, username, ""
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email="", password=password, role=Role.ADMIN)
    _write_private(_password_path(), f"{username}\n{password}\n")
    return True, username, password


def demo_credentials() -> tuple[str, str]:
    path = _password_path()
    if path.exists():
        lines = path.read_text().split()
        if len(lines) >= 2:
            return lines[0], lines[1]
    return "admin", "(set by you; reset with: unionwatch user add NAME --role admin)"


def read_password(password_file: str | None) -> str:
    if password_file:
        try:
            password = Path(password_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValueError(f"{password_file}: {exc.strerror}") from exc
    else:
        password = getpass.getpass("Password: ")
    if len(password) < 8:
        raise ValueError("the password must have at least 8 characters")
    return password


def create_user(name: str, role: str, password: str, organization: str = "") -> User:
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    if User.objects.filter(username=name).exists():
        raise ValueError(f"user {name!r} already exists")
    user = User(username=name, role=role, organization=organization)
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.set_password(password)
    user.save()
    return user
