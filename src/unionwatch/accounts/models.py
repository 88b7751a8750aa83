"""Accounts: users carry a role; partners belong to an organisation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"
    PARTNER = "partner", "Partner"


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    organization = models.CharField(
        max_length=200, blank=True, help_text="For partners: the organisation cases are shared with."
    )

    @property
    def can_edit(self) -> bool:
        return self.is_superuser or self.role in (Role.ADMIN, Role.EDITOR)


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)
    # A calendar token travels in a feed URL (calendar apps cannot send headers), so it
    # opens the iCal feeds only; a leaked feed address never opens the API.
    scope = models.CharField(max_length=10, default="api",
                             choices=[("api", "API"), ("calendar", "Calendar feeds only")])

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"


class LoginFailure(models.Model):
    """One failed login, for rate limiting across server processes."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.CharField(max_length=45, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
