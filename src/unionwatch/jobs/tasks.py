"""Job tasks: run by a Celery worker when a broker is set, in-process otherwise."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.utils import timezone

from unionwatch.jobs.models import Job, JobState

PROGRESS_EVERY_S = 0.5  # throttle progress writes: several workers share one database


def run_ingest_job(job_id: int) -> None:
    """Ingest the job's files; record state, progress and the reason of any failure."""
    from unionwatch.documents.ingest import ingest_paths

    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_final:
        return  # deleted, or a redelivered task that already ran
    Job.objects.filter(pk=job_id).update(
        state=JobState.RUNNING, started=timezone.now(), worker=f"{socket.gethostname()}:{os.getpid()}"
    )
    done = 0
    last_write = time.monotonic()

    def on_progress(_outcome) -> None:
        nonlocal done, last_write
        done += 1
        if time.monotonic() - last_write >= PROGRESS_EVERY_S:
            Job.objects.filter(pk=job_id).update(progress=done)
            last_write = time.monotonic()

    try:
        with _input_paths(job) as (paths, shown):
            summary = ingest_paths(paths, confidentiality=job.confidentiality, user=job.user,
                                   on_progress=on_progress, workers=1)
            failures = [f"{shown(o.path)}: {o.reason}" for o in summary.failed]
    except Exception as exc:  # noqa: BLE001 - record any crash as the job's reason
        _finish(job_id, JobState.FAILED, f"{type(exc).__name__}: {exc}", done, {})
        raise
    counts = {s: summary.count(s) for s in ("stored", "skipped", "failed")}
    state = JobState.FAILED if failures else JobState.DONE
    _finish(job_id, state, "\n".join(failures + summary.notes), summary.total, counts)
    if job.file and not failures:
        # The stored document keeps its own encrypted copy of the upload.
        job.file.storage.delete(job.file.name)
        Job.objects.filter(pk=job_id).update(file="")


@contextmanager
def _input_paths(job: Job):
    """The files to read, and how to name them in messages. An upload is decrypted
    into a private temporary folder for the time of the job, under its own name."""
    if not job.file:
        yield list(job.paths), str
        return
    folder = Path(tempfile.mkdtemp(prefix="unionwatch-job-"))  # mode 0700
    try:
        name = Path(job.file.name).name
        with job.file.open("rb") as source:
            (folder / name).write_bytes(source.read())
        yield [str(folder / name)], lambda path: path.replace(str(folder) + os.sep, "")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _finish(job_id: int, state: str, reason: str, progress: int, counts: dict) -> None:
    Job.objects.filter(pk=job_id).update(
        state=state, reason=reason, progress=progress, result=counts, finished=timezone.now()
    )
