"""Example data for `unionwatch demo`: a fictional sender, a government directory and
country profiles for Kazakhstan, Belarus and Colombia, all marked as example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from unionwatch.advocacy.models import (
    LANGS,
    CountryProfile,
    GovernmentContact,
    Officer,
    SenderProfile,
)

EXAMPLES_PATH = Path(__file__).parent / "data" / "examples.yaml"


def _titles(values: list[str]) -> dict[str, str]:
    return {f"title_{lang}": value for lang, value in zip(LANGS, values, strict=False)}


@transaction.atomic
def load_example_data(path: Path = EXAMPLES_PATH) -> dict[str, int]:
    """Create the example records that are missing; never touch existing ones."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    created = {"senders": 0, "countries": 0, "contacts": 0}
    created["senders"] += _load_sender(data["sender"])
    for item in data["countries"]:
        _, made = CountryProfile.objects.get_or_create(
            country_code=item["code"],
            defaults={
                "name": item["name"],
                "is_example": True,
                "national_provisions": item.get("national_provisions", "").strip(),
                **{c.lower(): True for c in item.get("ratified", [])},
            },
        )
        created["countries"] += made
    for item in data["contacts"]:
        _, made = GovernmentContact.objects.get_or_create(
            country_code=item["country"], role=item["role"], name=item.get("name", ""),
            defaults={"email": item.get("email", ""), "gender": item.get("gender", "x"),
                      "is_example": True, **_titles(item["titles"])},
        )
        created["contacts"] += made
    return created


def _load_sender(item: dict[str, Any]) -> int:
    if SenderProfile.objects.filter(name=item["name"]).exists():
        return 0
    fields = {k: v for k, v in item.items() if k != "officers"}
    sender = SenderProfile.objects.create(
        **fields, is_example=True, is_default=not SenderProfile.objects.exists()
    )
    for order, officer in enumerate(item.get("officers", [])):
        Officer.objects.create(
            sender=sender, name=officer["name"], gender=officer.get("gender", "x"),
            signs=officer.get("signs", False), order=order, **_titles(officer["titles"]),
        )
    return 1
