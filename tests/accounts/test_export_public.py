"""`export --public`: public facts only, as written in public documents; protected redacted."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.accounts.world import build_world
from tests.conftest import SEEDS
from unionwatch.exports import export_json
from unionwatch.facts.models import Event, Person

CLI = [sys.executable, "-m", "unionwatch"]


@pytest.mark.django_db
def test_public_export_leaves_out_non_public_facts_and_names():
    build_world()
    ana = Person.objects.get(name="Ana Openova")
    ana.aliases = ["Anya Openova"]  # a spelling no public document uses
    ana.roles = ["organiser"]
    ana.save()
    data = export_json(public=True)
    text = json.dumps(data)
    names = {p["name"] for p in data["persons"]}
    assert names == {"Ana Openova"}
    assert "Anya" not in text and "organiser" not in text
    assert "Hiddenova" not in text and "Insidov" not in text
    assert {d["confidentiality"] for d in data["documents"]} == {"public"}
    assert [e["type"] for e in data["events"]] == ["arrest"]
    assert all(len(e["sources"]) == 1 for e in data["events"])
    assert {c["title"] for c in data["cases"]} == {"Ana Openova"}


@pytest.mark.django_db
def test_protected_person_is_redacted_in_public_export():
    build_world()
    Person.objects.filter(name="Ana Openova").update(protected=True)
    data = export_json(public=True)
    text = json.dumps(data)
    assert "Openova" not in text
    assert data["persons"][0]["name"] == "[protected person]"


@pytest.mark.django_db
def test_full_export_has_everything():
    build_world()
    data = export_json(public=False)
    assert {p["name"] for p in data["persons"]} == {"Ana Openova", "Boris Insidov", "Vera Hiddenova"}


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir)}
    env.pop("UNIONWATCH_DATABASE_URL", None)  # its own SQLite store
    return subprocess.run(CLI + args, capture_output=True, text=True, env=env, timeout=300)


def _letter_only_strings(letter: Path, press: Path, data_dir: Path) -> set[str]:
    """Emails, reference codes and person names found in the letter but not the press release."""
    letter_text, press_text = letter.read_text(), press.read_text().casefold()
    found = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", letter_text))
    found |= set(re.findall(r"(?m)^\s*([A-Z]{2,}/[A-Z]{2,})\s*$", letter_text))
    extracted = _run(["extract", "--json", str(letter)], data_dir)
    assert extracted.returncode == 0, extracted.stderr
    for line in extracted.stdout.splitlines():
        for person in json.loads(line).get("persons", []):
            found |= {n for n in [person["name"], *person.get("aliases", [])] if n}
    return {s for s in found if s.casefold() not in press_text}


@pytest.mark.slow
def test_seed_letter_restricted_press_release_public(tmp_path):
    letter = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None
    press = next(iter(sorted(SEEDS.glob("003_*.txt"))), None) if SEEDS.is_dir() else None
    if not (letter and press):
        pytest.skip("the seed documents are not beside the repo")
    assert _run(["init", "--quiet"], tmp_path).returncode == 0
    for path, level in ((letter, "restricted"), (press, "public")):
        result = _run(["ingest", "--quiet", "--confidentiality", level, str(path)], tmp_path)
        assert result.returncode == 0, result.stderr
    result = _run(["export", "--format", "json", "--public"], tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = [n for p in data["persons"] for n in [p["name"], *p["aliases"]]]
    assert any("Kushakbayev" in n for n in names), names
    secrets = _letter_only_strings(letter, press, tmp_path)
    assert any("@" in s for s in secrets) and any("/" in s for s in secrets)
    leaked = sorted(s for s in secrets if s.casefold() in result.stdout.casefold())
    assert not leaked, leaked
    print(f"checked {len(secrets)} letter-only strings: {sorted(secrets)}")


@pytest.mark.django_db
def test_public_csv_and_ftm_exports_carry_only_public_facts():
    import csv
    import io

    from unionwatch.exports import export_csv, export_ftm

    build_world()
    rows = list(csv.DictReader(io.StringIO(export_csv(public=True))))
    assert [r["type"] for r in rows] == ["arrest"] and rows[0]["victims"] == "Ana Openova"
    full = list(csv.DictReader(io.StringIO(export_csv(public=False))))
    assert {r["type"] for r in full} == {"arrest", "dismissal", "interrogation"}
    entities = [json.loads(line) for line in export_ftm(public=True).splitlines()]
    assert {e["schema"] for e in entities} == {"Person", "Event", "Document"}
    assert "Hiddenova" not in json.dumps(entities) and "Insidov" not in json.dumps(entities)


def test_export_to_an_unwritable_file_is_one_line(tmp_path):
    assert _run(["init", "--quiet"], tmp_path).returncode == 0
    result = _run(["export", "--format", "csv", "-o", str(tmp_path / "no" / "such.csv")], tmp_path)
    assert result.returncode == 2
    assert "such.csv" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.django_db
def test_public_event_date_is_only_as_precise_as_public_sources():
    import hashlib

    from tests.accounts.world import _event, _person
    from unionwatch.core import types as x
    from unionwatch.documents.models import Document
    from unionwatch.facts.store import store_extraction

    def report(level: str, text: str, date: str, precision: str) -> None:
        doc = Document.objects.create(sha256=hashlib.sha256(text.encode()).hexdigest(),
                                      text=text, confidentiality=level, country="Belarus")
        event = _event(text, "detention", date, "Ivan Datov", text)
        event.date_precision = precision
        store_extraction(doc, x.Extraction(document=x.DocumentMeta(),
                                           persons=[_person(text, "Ivan Datov")], events=[event]))

    report("public", "Ivan Datov was detained in May 2021.", "2021-05", "month")
    report("restricted", "Ivan Datov was detained on 17 May 2021 at his flat.", "2021-05-17", "day")
    assert Event.objects.get().date_text == "2021-05-17"  # the store keeps the precise date
    public = export_json(public=True)["events"]
    assert [(e["date"], e["date_precision"]) for e in public] == [("2021-05", "month")]
    full = export_json(public=False)["events"]
    assert [e["date"] for e in full] == ["2021-05-17"]
