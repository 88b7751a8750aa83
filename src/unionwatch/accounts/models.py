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
