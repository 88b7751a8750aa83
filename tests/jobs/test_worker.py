"""A real Celery worker against the real Redis: `unionwatch ingest` with a broker queues jobs,
`unionwatch worker` runs them, and the CLI waits and prints the summary."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import uuid

import pytest

from tests.conftest import EXAMPLES

REDIS = ("127.0.0.1", 6379)
REDIS_DB = 11  # a database of its own; the queue name is unique per run as well


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not redis_reachable(), reason="Redis is not reachable on 127.0.0.1:6379"),
]


@pytest.fixture
def env(tmp_path):
    environment = {**os.environ, "UNIONWATCH_DATA_DIR": str(tmp_path / "data"),
                   "UNIONWATCH_BROKER_URL": f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}",
                   "UNIONWATCH_QUEUE": f"uw-test-{uuid.uuid4().hex[:8]}"}
    environment.pop("UNIONWATCH_DATABASE_URL", None)  # a file-based SQLite store of its own
    return environment


def run(env, *args, timeout=240):
    return subprocess.run([sys.executable, "-m", "unionwatch", *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def worker(env, tmp_path):
    assert run(env, "init", "--quiet").returncode == 0
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "unionwatch", "worker", "--concurrency", "2",
                                "--loglevel", "WARNING"], env=env, stdout=log, stderr=log)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def test_worker_runs_queued_ingest_jobs(env, worker, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n\x00 not a pdf at all")
    done = run(env, "ingest", str(EXAMPLES), str(broken), "--batch-size", "3",
               "--confidentiality", "public")
    assert worker.poll() is None, (tmp_path / "worker.log").read_text()
    assert done.returncode == 1, done.stderr  # one file failed, the others are stored
    assert "8 stored, 0 skipped (already stored), 1 failed, in 3 jobs" in done.stdout
    assert "broken.pdf" in done.stderr and done.stderr.count("\n") == 1

    found = run(env, "search", "", "--json", "--limit", "100")
    assert json.loads(found.stdout)["total"] == 8

    again = run(env, "ingest", str(EXAMPLES), "--batch-size", "4")
    assert again.returncode == 0, again.stderr
    assert "0 stored, 8 skipped (already stored), 0 failed, in 2 jobs" in again.stdout


def test_worker_needs_a_broker(env):
    env = {**env, "UNIONWATCH_BROKER_URL": ""}
    result = run(env, "worker", timeout=60)
    assert result.returncode == 2 and "UNIONWATCH_BROKER_URL" in result.stderr
