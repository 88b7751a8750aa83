"""API tokens: `Authorization: Bearer <token>`; the database keeps only a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from unionwatch.accounts.models import ApiToken, User

TOKEN_BYTES = 32


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


SCOPES = ("api", "calendar")


def create_token(user: User, name: str = "", scope: str = "api") -> str:
    """A new token for `user`; the plain token is returned once and never stored."""
    if scope not in SCOPES:
        raise ValueError(f"unknown token scope {scope!r} (expected one of {', '.join(SCOPES)})")
    token = ("uw_" if scope == "api" else "uwcal_") + secrets.token_urlsafe(TOKEN_BYTES)
    ApiToken.objects.create(user=user, name=name[:100], prefix=token[:8], digest=_digest(token),
                            scope=scope)
    return token


def user_for_token(token: str, scope: str = "api") -> User | None:
    """The active user owning `token`, if the token is live and made for `scope`."""
    if not token or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked=False, user__is_active=True, scope=scope)
        .first()
    )
    if row is None:
        return None
    now = timezone.now()
    if row.last_used is None or (now - row.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=row.pk).update(last_used=now)  # not every request
    return row.user


class ApiTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user  # views and permission helpers read request.user
        return user


# Token first (scripts), then the browser session (CSRF-checked by ninja).
api_auth = [ApiTokenAuth(), django_auth]
