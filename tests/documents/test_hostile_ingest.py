"""Hostile input through the real CLI: one line per bad file, good files stored, bounded
memory; and a batch killed with SIGKILL leaves no partial and no duplicate document."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.core.hostile import make_hostile_corpus, make_readable_oddities

CLI = [sys.executable, "-m", "unionwatch"]
PEAK_RSS_LIMIT_MB = 1000  # the 50 MB file and the 200 MB zip bomb must not be loaded

pytestmark = pytest.mark.slow


class Store:
    """The database the CLI subprocesses write to: SQLite in the data dir, or, when this
    test run uses PostgreSQL, a fresh PostgreSQL database of its own (dropped after)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.server_url = os.environ.get("UNIONWATCH_DATABASE_URL", "")
        self.url = ""
        if self.server_url:
            import psycopg

            self.name = f"uw_sec_cli_{os.getpid()}_{time.monotonic_ns() % 10**9}"
            with psycopg.connect(self._server("postgres"), autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = self._server(self.name)

    def _server(self, name: str) -> str:
        return self.server_url.rsplit("/", 1)[0] + "/" + name

    def env(self) -> dict[str, str]:
        env = {**os.environ, "UNIONWATCH_DATA_DIR": str(self.data_dir)}
        for name in ("UNIONWATCH_DATABASE_URL", "UNIONWATCH_BROKER_URL", "UNIONWATCH_MAX_FILE_MB"):
            env.pop(name, None)
        if self.url:
            env["UNIONWATCH_DATABASE_URL"] = self.url
        return env

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.url:
            import psycopg

            with psycopg.connect(self.url) as conn:
                return conn.execute(sql.replace("?", "%s"), params).fetchall()
        with sqlite3.connect(self.data_dir / "unionwatch.sqlite3", timeout=30) as db:
            return db.execute(sql, params).fetchall()

    def opened(self, value: str) -> str:
        """A sealed column's value in clear, with the store's own key (as the app reads it)."""
        from cryptography.fernet import Fernet, MultiFernet

        raw = os.environ.get("UNIONWATCH_ENCRYPTION_KEY") or (
            self.data_dir / "encryption_key").read_text()
        keys = MultiFernet([Fernet(k) for k in raw.replace(",", "\n").split()])
        assert value.startswith("enc1:"), "a sealed column holds clear text"
        return keys.decrypt(value[len("enc1:"):].encode()).decode()

    def original_names(self) -> list[str]:
        return [self.opened(r[0]) for r in self.query("SELECT original_name FROM documents_document")]

    def drop(self) -> None:
        if self.url:
            import psycopg

            with psycopg.connect(self._server("postgres"), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "data")
    result = subprocess.run(CLI + ["init", "--quiet"], env=store.env(), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    yield store
    store.drop()


def _write_good_files(folder: Path) -> dict[str, str]:
    """Files that must be stored: {name: a phrase of their text}."""
    good = make_readable_oddities(folder)
    (folder / "statement.txt").write_text(
        "On 3 May 2021 police in Minsk arrested Ivan Examplov, chair of the dockers' union.\n")
    good["statement.txt"] = "Examplov"
    cyrillic = "Профсоюз протестует против ареста председателя Ивана Примерова в Минске.\n"
    (folder / "cp1251.txt").write_bytes(cyrillic.encode("cp1251"))
    good["cp1251.txt"] = "Примерова"
    message = EmailMessage()
    message["From"] = "Federation <office@example.org>"
    message["Subject"] = "Organiser detained"
    message.set_content("Our organiser Petra Samplova was detained on 2 June 2021.\n")
    for name in ("../../../escaped.txt", "/tmp/absolute-escape.txt", "..\\..\\win-escape.txt"):
        message.add_attachment(b"Attached note about the detention.\n", maintype="text",
                               subtype="plain", filename=name)
    (folder / "traversal.eml").write_bytes(message.as_bytes())
    good["traversal.eml"] = "Samplova"
    return good


def test_hostile_corpus_one_line_per_bad_file_and_good_files_stored(tmp_path, store):
    corpus = tmp_path / "corpus"
    bad = make_hostile_corpus(corpus)
    # A folder walk takes supported types only: an .xyz beside them is not input.
    bad = {name: reason for name, reason in bad.items() if not name.endswith(".xyz")}
    good = _write_good_files(corpus)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run(CLI + ["ingest", "--quiet", str(corpus)], env=store.env(),
                            capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.split(":", 1)[0]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for name, reason in bad.items():
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
        assert reason in mine[0], (name, mine[0])
    assert len(lines) == len(bad), lines  # nothing else complains
    stored = {store.opened(name): pk
              for name, pk in store.query("SELECT original_name, id FROM documents_document")}
    assert sorted(stored) == sorted(good)
    for name, phrase in good.items():
        text = store.query("SELECT text FROM documents_document WHERE id = ?", (stored[name],))[0][0]
        assert phrase in text, (name, text[:200])
    for escaped in ("escaped.txt", "absolute-escape.txt", "win-escape.txt"):
        assert not list(tmp_path.rglob(escaped)) and not Path("/tmp", escaped).exists()
    assert peak_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {peak_mb:.0f} MB"
    print(f"hostile corpus: {len(bad)} bad + {len(good)} good files in {elapsed:.1f} s, "
          f"peak RSS {peak_mb:.0f} MB")


def _write_batch(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"report-{i:04d}.txt").write_text(
            f"Report number {i}.\nOn 3 May 2021 police in Minsk arrested union organiser "
            f"Ivan Testov{_letters(i)} after a strike meeting. He was released on 5 May 2021.\n")


def _letters(number: int) -> str:
    """0 -> 'aaa', 1 -> 'aab': unique name endings (the extractor does not take digits)."""
    out = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
    return out


def _count(store: Store) -> int:
    return store.query("SELECT count(*) FROM documents_document")[0][0]


def test_sigkill_mid_batch_then_rerun_leaves_no_partial_and_no_duplicate(tmp_path, store):
    corpus, count = tmp_path / "batch", 200
    _write_batch(corpus, count)
    process = subprocess.Popen(
        CLI + ["ingest", "--quiet", "--batch-size", "10", str(corpus)], env=store.env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while _count(store) < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be killed; make it larger"
    os.killpg(process.pid, signal.SIGKILL)  # the ingest and its extraction workers
    process.wait(timeout=30)
    killed_at = _count(store)
    assert 0 < killed_at < count

    rerun = subprocess.run(CLI + ["ingest", "--quiet", str(corpus)], env=store.env(),
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{count - killed_at} stored" in rerun.stdout, rerun.stdout
    names = store.original_names()
    assert len(names) == len(set(names)) == count
    assert store.query("SELECT count(DISTINCT sha256) FROM documents_document")[0][0] == count
    without_facts = store.query(
        "SELECT count(*) FROM documents_document d WHERE NOT EXISTS "
        "(SELECT 1 FROM facts_evidence e WHERE e.document_id = d.id)")[0][0]
    assert without_facts == 0
    orphans = store.query(
        "SELECT count(*) FROM facts_evidence e WHERE NOT EXISTS "
        "(SELECT 1 FROM documents_document d WHERE d.id = e.document_id)")[0][0]
    assert orphans == 0
    # Each document carries its whole extraction: a person and an event stated in it.
    complete = store.query(
        "SELECT count(DISTINCT e.document_id) FROM facts_evidence e "
        "JOIN django_content_type ct ON ct.id = e.content_type_id "
        "WHERE ct.model = 'event' AND e.document_id IN (SELECT e2.document_id FROM "
        "facts_evidence e2 JOIN django_content_type c2 ON c2.id = e2.content_type_id "
        "WHERE c2.model = 'person')")[0][0]
    assert complete == count
    print(f"killed after {killed_at} of {count} documents; rerun stored the rest")
