"""Bulk ingest: batches through the process pool, resumable after a kill, failures kept apart."""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import REPO
from unionwatch.core import read_path
from unionwatch.core.types import Extraction
from unionwatch.documents.ingest import Prepared, store_batch
from unionwatch.documents.models import Document

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402 - the benchmark's own document generator

COUNT = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, COUNT, seed=3)
    return out


@pytest.fixture
def env(tmp_path):
    environment = {**os.environ, "UNIONWATCH_DATA_DIR": str(tmp_path / "data")}
    for name in ("UNIONWATCH_DATABASE_URL", "UNIONWATCH_BROKER_URL"):
        environment.pop(name, None)
    subprocess.run([sys.executable, "-m", "unionwatch", "init", "--quiet"], env=environment,
                   check=True, capture_output=True, timeout=120)
    return environment


def ingest(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "unionwatch", "ingest", *args], env=env,
                          capture_output=True, text=True, timeout=600, **kwargs)


def stored_count(env) -> int:
    path = Path(env["UNIONWATCH_DATA_DIR"]) / "unionwatch.sqlite3"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
        return db.execute("SELECT count(*) FROM documents_document").fetchone()[0]


@pytest.mark.slow
def test_batches_through_the_pool_then_a_rerun_skips_everything(env, corpus, tmp_path):
    broken = tmp_path / "extra" / "broken.docx"
    broken.parent.mkdir()
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    first = ingest(env, str(corpus), str(broken), "--batch-size", "16", "--workers", "2")
    assert first.returncode == 1, first.stderr  # one file failed; the others are stored
    assert f"ingest: {COUNT} stored, 0 skipped (already stored), 1 failed" in first.stdout, (
        first.stdout + first.stderr)
    assert first.stderr.startswith(str(broken)) and first.stderr.count("\n") == 1
    assert stored_count(env) == COUNT

    again = ingest(env, str(corpus), "--batch-size", "7")
    assert again.returncode == 0, again.stderr
    assert f"ingest: 0 stored, {COUNT} skipped (already stored), 0 failed" in again.stdout


@pytest.mark.slow
def test_a_killed_ingest_resumes_without_loss_or_duplicates(env, corpus):
    process = subprocess.Popen([sys.executable, "-m", "unionwatch", "ingest", str(corpus),
                                "--batch-size", "5", "--workers", "2"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if stored_count(env) >= 10:
            break
        time.sleep(0.2)
    workers = psutil.Process(process.pid).children()
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive  # the extraction workers do not outlive a killed ingest
    partial = stored_count(env)
    assert partial % 5 == 0 or partial == COUNT  # whole batches only: one transaction each
    resumed = ingest(env, str(corpus), "--batch-size", "5")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{COUNT - partial} stored, {partial} skipped" in resumed.stdout
    assert stored_count(env) == COUNT


@pytest.mark.slow
def test_progress_bar_on_a_terminal(env, examples_dir):
    main, secondary = pty.openpty()
    shown = bytearray()

    def drain() -> None:  # read while it runs: a full terminal buffer would block the bar
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    result = subprocess.run([sys.executable, "-m", "unionwatch", "ingest", str(examples_dir)],
                            env={**env, "COLUMNS": "120"}, stdout=subprocess.PIPE,
                            stderr=secondary, text=True, timeout=300)
    os.close(secondary)
    reader.join(timeout=10)
    os.close(main)
    assert result.returncode == 0
    assert b"ingest" in shown and b"8/8" in shown  # the bar counted every file
    assert "ingest: 8 stored" in result.stdout


@pytest.mark.django_db
def test_a_document_that_cannot_be_stored_does_not_sink_its_batch(examples_dir):
    paths = sorted(examples_dir.glob("*.md"))[:3]
    batch = []
    for path in paths:
        source = read_path(path)
        batch.append(Prepared(str(path), source.meta.sha256, source, Extraction(document=source.meta)))
    batch[1].source.meta.sha256 = None  # violates NOT NULL: this one document fails
    outcomes = []
    store_batch(batch, "internal", None, outcomes.append)
    assert [o.status for o in outcomes] == ["stored", "failed", "stored"]
    assert "could not be stored" in outcomes[1].reason
    assert Document.objects.count() == 2
