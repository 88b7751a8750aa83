"""The `unionwatch` command on real files, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, SEEDS, needs_shared

pytestmark = pytest.mark.slow


SERVER_URL = os.environ.get("UNIONWATCH_DATABASE_URL", "")


@pytest.fixture
def database_url():
    """For a PostgreSQL run, a fresh database of the test's own (dropped after); else SQLite."""
    if not SERVER_URL:
        yield ""
        return
    import psycopg

    name = f"uw_cli_{uuid.uuid4().hex[:12]}"
    admin = SERVER_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield SERVER_URL.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_cli(*args: str, data_dir: Path, env: dict | None = None, input_text: str | None = None,
            database_url: str = ""):
    full_env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir), **(env or {})}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    full_env.pop("UNIONWATCH_DATABASE_URL", None)
    if database_url:
        full_env["UNIONWATCH_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "unionwatch", *args],
        capture_output=True, text=True, env=full_env, input=input_text, timeout=300,
    )


@needs_shared
def test_extract_seeds_prints_one_line_per_document_with_kharkova_terms(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    result = run_cli("extract", *map(str, seeds), "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        assert set(data) >= {"document", "persons", "organizations", "places", "events",
                             "court_decisions", "upcoming"}
        decisions = [d for d in data["court_decisions"] if "Kharkova" in (d["defendant"] or "")]
        assert decisions, data["court_decisions"]
        terms = {(t["kind"], t["amount"], t["unit"]) for d in decisions for t in d["terms"]}
        assert {("restriction_of_movement", 4, "years"), ("forced_labour", 100, "hours"),
                ("ban_from_office", 5, "years")} <= terms
    # extract touches no database
    assert not (tmp_path / "unionwatch.sqlite3").exists()


def test_extract_reports_unreadable_file_and_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = EXAMPLES / "01-kz-press-sentence-kharkova.md"
    result = run_cli("extract", str(empty), str(good), "--json", data_dir=tmp_path / "d")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert "error" in lines[0] and "error" not in lines[1]
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 1 and "empty.txt" in err_lines[0]
    assert "Traceback" not in result.stderr


def test_init_ingest_cases_export(tmp_path, database_url):
    data = tmp_path / "data"

    def run(*args):
        return run_cli(*args, data_dir=data, database_url=database_url)

    init = run("init")
    assert init.returncode == 0, init.stderr
    assert "password" in init.stdout
    if not database_url:
        with sqlite3.connect(data / "unionwatch.sqlite3") as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    secret = data / "secret_key"
    assert secret.exists() and (secret.stat().st_mode & 0o777) == 0o600

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(os.urandom(2048))
    ingest = run("ingest", str(EXAMPLES), str(broken))
    assert ingest.returncode == 1, ingest.stderr
    assert "broken.pdf" in ingest.stderr and "Traceback" not in ingest.stderr
    assert len(ingest.stderr.strip().splitlines()) == 1
    assert "8 stored" in ingest.stdout

    again = run("ingest", str(EXAMPLES))
    assert again.returncode == 0
    assert "0 stored, 8 skipped" in again.stdout

    cases = run("cases", "--json")
    assert cases.returncode == 0, cases.stderr
    rows = json.loads(cases.stdout)
    kharkova = [r for r in rows if any("Kharkova" in v["name"] for v in r["victims"])]
    assert len(kharkova) == 1
    assert kharkova[0]["country"] == "Kazakhstan"

    export = run("export", "--format", "json")
    assert export.returncode == 0, export.stderr
    dump = json.loads(export.stdout)
    assert set(dump) == {"persons", "organizations", "events", "cases", "documents"}
    assert len(dump["documents"]) == 8
    names = [p["name"] for p in dump["persons"]]
    assert sum("Kharkova" in n for n in names) == 1


def test_usage_error_exit_code(tmp_path):
    result = run_cli("ingest", "--confidentiality", "secret", "x.txt", data_dir=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_user_add_with_password_file(tmp_path, database_url):
    data = tmp_path / "data"
    assert run_cli("init", "--quiet", data_dir=data, database_url=database_url).returncode == 0
    pw = tmp_path / "pw"
    pw.write_text("correct horse battery staple\n")
    args = ("user", "add", "ana", "--role", "viewer", "--password-file", str(pw))
    result = run_cli(*args, data_dir=data, database_url=database_url)
    assert result.returncode == 0, result.stderr
    again = run_cli(*args, data_dir=data, database_url=database_url)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_output_closed_early_stops_quietly(tmp_path):
    """`unionwatch extract ... | head` must not end in a traceback when head goes away."""
    docs = sorted(EXAMPLES.glob("*.md")) * 20  # enough JSON to fill a pipe's buffer
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "unionwatch", "extract", "--json", *map(str, docs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.readline()
    proc.stdout.close()  # the reader leaves, as `head -1` does
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert "Traceback" not in stderr, stderr
    assert proc.returncode == 141
