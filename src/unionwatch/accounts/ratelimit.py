"""Login rate limiting, stored in the database so every server process shares it.

The authentication backend refuses to check passwords while a username or
an address is locked, which covers every login path (login page, admin, API).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from unionwatch.accounts.models import LoginFailure

WINDOW = dt.timedelta(minutes=15)
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 20


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def is_locked(username: str, ip: str) -> bool:
    recent = LoginFailure.objects.filter(at__gte=timezone.now() - WINDOW)
    if username and recent.filter(username=username[:150]).count() >= MAX_PER_USERNAME:
        return True
    return bool(ip) and recent.filter(ip=ip).count() >= MAX_PER_ADDRESS


def record_failure(username: str, ip: str) -> None:
    LoginFailure.objects.create(username=(username or "")[:150], ip=ip)
    # Keep the table small: old rows no longer count.
    LoginFailure.objects.filter(at__lt=timezone.now() - 4 * WINDOW).delete()


class RateLimitBackend(ModelBackend):
    """The model backend, refusing to check passwords while a login is locked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_locked(username or "", client_ip(request)):
            raise PermissionDenied("too many failed logins")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def _on_failure(sender, credentials, request=None, **kwargs) -> None:
    from unionwatch.audit.log import record

    username = str(credentials.get("username", ""))[:150]
    record_failure(username, client_ip(request))
    record("login-failed", None, request=request, object_type="accounts.user", detail=username)


@receiver(user_logged_in)
def _on_success(sender, request, user, **kwargs) -> None:
    LoginFailure.objects.filter(username=user.get_username()).delete()
