"""CSV import of country profiles (ratifications) and of the government directory.

countries.csv: country_code,name,C87,C98,C105,C135,C151,C154[,national_provisions][,is_example]
contacts.csv:  country_code,role,name,gender,title_en,title_fr,title_de,title_es,email[,is_example]
Ratification cells take yes/no, y/n, 1/0, true/false, x or empty. Rows update the
record with the same key (country code; country + role + name).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from unionwatch.advocacy.countries import country_code
from unionwatch.advocacy.models import CONVENTIONS, ContactRole, CountryProfile, GovernmentContact

_TRUE = {"yes", "y", "1", "true", "x", "ratified"}
_FALSE = {"no", "n", "0", "false", "", "-"}


class ImportError_(ValueError):
    """A CSV file that cannot be imported; the message names the file and the reason."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _flag(value: str | None, where: str) -> bool:
    text = (value or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{where}: expected yes/no, got {value!r}")


def _rows(path: Path, required: list[str]) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ImportError_(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in reader.fieldnames or []]
    missing = [h for h in required if h not in headers]
    if missing:
        raise ImportError_(f"{path}: missing column(s) {', '.join(missing)}")
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


@transaction.atomic
def import_countries(path: Path) -> ImportResult:
    result = ImportResult()
    for line, row in enumerate(_rows(path, ["country_code", *CONVENTIONS]), start=2):
        where = f"{path}:{line}"
        code = country_code(row["country_code"])
        if not code:
            result.errors.append(f"{where}: unknown country {row['country_code']!r}")
            continue
        try:
            values = {c.lower(): _flag(row[c], f"{where} {c}") for c in CONVENTIONS}
            values["is_example"] = _flag(row.get("is_example"), f"{where} is_example")
        except ValueError as exc:
            result.errors.append(str(exc))
            continue
        values["name"] = row.get("name") or code
        if row.get("national_provisions"):
            values["national_provisions"] = row["national_provisions"].replace(";", "\n")
        _, created = CountryProfile.objects.update_or_create(country_code=code, defaults=values)
        result.created += created
        result.updated += not created
    return result


@transaction.atomic
def import_contacts(path: Path) -> ImportResult:
    result = ImportResult()
    roles = {r.value for r in ContactRole}
    for line, row in enumerate(_rows(path, ["country_code", "role", "title_en"]), start=2):
        where = f"{path}:{line}"
        code = country_code(row["country_code"])
        if not code:
            result.errors.append(f"{where}: unknown country {row['country_code']!r}")
            continue
        if row["role"] not in roles:
            result.errors.append(f"{where}: unknown role {row['role']!r}")
            continue
        if not row["title_en"]:
            result.errors.append(f"{where}: title_en is empty")
            continue
        try:
            is_example = _flag(row.get("is_example"), f"{where} is_example")
        except ValueError as exc:
            result.errors.append(str(exc))
            continue
        defaults = {k: row.get(k, "") for k in ("title_en", "title_fr", "title_de", "title_es", "email")}
        defaults["gender"] = row.get("gender") if row.get("gender") in ("f", "m", "x") else "x"
        defaults["is_example"] = is_example
        _, created = GovernmentContact.objects.update_or_create(
            country_code=code, role=row["role"], name=row.get("name", ""), defaults=defaults)
        result.created += created
        result.updated += not created
    return result
