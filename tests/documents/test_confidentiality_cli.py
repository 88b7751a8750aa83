"""The CLI around encryption: ingest as restricted, change the level, rotate the key."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

CLI = [sys.executable, "-m", "unionwatch"]
TEXT = "On 2 March 2022 police detained union organiser Marta Quietova in Gomel.\n"

pytestmark = pytest.mark.slow


def _run(args: list[str], data_dir: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir), **extra}
    env.pop("UNIONWATCH_DATABASE_URL", None)
    if "UNIONWATCH_ENCRYPTION_KEY" not in extra:
        env.pop("UNIONWATCH_ENCRYPTION_KEY", None)
    return subprocess.run(CLI + args, capture_output=True, text=True, env=env, timeout=300)


def _row(data_dir: Path) -> tuple[int, str, bytes | None]:
    with sqlite3.connect(data_dir / "unionwatch.sqlite3") as db:
        return db.execute("SELECT id, text, text_encrypted FROM documents_document").fetchone()


def test_restricted_ingest_level_change_and_key_rotation(tmp_path):
    data = tmp_path / "data"
    source = tmp_path / "report.txt"
    source.write_text(TEXT)
    assert _run(["init", "--quiet"], data).returncode == 0
    result = _run(["ingest", "--quiet", "--confidentiality", "restricted", str(source)], data)
    assert result.returncode == 0, result.stderr
    doc_id, text, blob = _row(data)
    assert text == "" and b"Quietova" not in blob
    stored = [p for p in (data / "files").rglob("*") if p.is_file()]
    assert stored and all(b"Quietova" not in p.read_bytes() for p in stored)
    key_file = data / "encryption_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    old_key = key_file.read_text().strip()

    rotated = _run(["rotate-key"], data)
    assert rotated.returncode == 0, rotated.stderr
    assert "re-encrypted 1 restricted texts and 1 files" in rotated.stdout
    new_key = key_file.read_text().strip()
    assert new_key != old_key and "\n" not in new_key
    assert Fernet(new_key.encode()).decrypt(_row(data)[2]).decode().startswith("On 2 March")

    assert _run(["confidentiality", str(doc_id), "public"], data).returncode == 0
    text, blob = _row(data)[1:]
    assert "Marta Quietova" in text and blob is None
    missing = _run(["confidentiality", "999", "public"], data)
    assert missing.returncode == 1 and "999" in missing.stderr and "Traceback" not in missing.stderr


def test_rotation_with_environment_key_needs_the_new_key(tmp_path):
    data = tmp_path / "data"
    key = Fernet.generate_key().decode()
    assert _run(["init", "--quiet"], data, UNIONWATCH_ENCRYPTION_KEY=key).returncode == 0
    refused = _run(["rotate-key"], data, UNIONWATCH_ENCRYPTION_KEY=key)
    assert refused.returncode == 2
    assert "UNIONWATCH_ENCRYPTION_KEY" in refused.stderr and len(refused.stderr.splitlines()) == 1
    new_key_file = tmp_path / "new.key"
    new_key_file.write_text(Fernet.generate_key().decode())
    done = _run(["rotate-key", "--new-key-file", str(new_key_file)], data,
                UNIONWATCH_ENCRYPTION_KEY=key)
    assert done.returncode == 0, done.stderr
    bad = _run(["rotate-key"], data, UNIONWATCH_ENCRYPTION_KEY="nonsense")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
