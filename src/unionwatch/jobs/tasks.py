"""Job tasks: run by a Celery worker when a broker is set, in-process otherwise."""

from __future__ import annotations

import os
import socket
import time

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
    paths = list(job.paths) or ([job.file.path] if job.file else [])
    done = 0
    last_write = time.monotonic()

    def on_progress(_outcome) -> None:
        nonlocal done, last_write
        done += 1
        if time.monotonic() - last_write >= PROGRESS_EVERY_S:
            Job.objects.filter(pk=job_id).update(progress=done)
            last_write = time.monotonic()

    try:
        summary = ingest_paths(paths, confidentiality=job.confidentiality, user=job.user,
                               on_progress=on_progress, workers=1)
    except Exception as exc:  # noqa: BLE001 - record any crash as the job's reason
        _finish(job_id, JobState.FAILED, f"{type(exc).__name__}: {exc}", done, {})
        raise
    counts = {s: summary.count(s) for s in ("stored", "skipped", "failed")}
    failures = [f"{o.path}: {o.reason}" for o in summary.failed]
    state = JobState.FAILED if failures else JobState.DONE
    _finish(job_id, state, "\n".join(failures), summary.total, counts)


def _finish(job_id: int, state: str, reason: str, progress: int, counts: dict) -> None:
    Job.objects.filter(pk=job_id).update(
        state=state, reason=reason, progress=progress, result=counts, finished=timezone.now()
    )
