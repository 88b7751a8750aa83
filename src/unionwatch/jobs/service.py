"""Submit ingest jobs and wait for them: the same calls with or without a broker."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile

from unionwatch.jobs.models import Job, JobState
from unionwatch.tasks import enqueue

INGEST_TASK = "unionwatch.jobs.tasks.run_ingest_job"


def submit_ingest(paths: list[str], confidentiality: str = "internal", user=None) -> Job:
    """One job for these files; workers read them, so they must see the same paths."""
    absolute = [str(Path(p).resolve()) for p in paths]
    job = Job.objects.create(kind="ingest", paths=absolute, total=len(absolute),
                             confidentiality=confidentiality, user=_real_user(user))
    enqueue(INGEST_TASK, job.pk)
    return job


def submit_upload(upload: UploadedFile, confidentiality: str, user=None) -> Job:
    """Store an uploaded file in the data directory, then queue its ingestion."""
    job = Job(kind="ingest", total=1, confidentiality=confidentiality, user=_real_user(user))
    job.file.save(Path(upload.name).name or "upload", upload, save=False)
    job.save()
    enqueue(INGEST_TASK, job.pk)
    return job


def _real_user(user):
    return user if getattr(user, "pk", None) else None


def wait_for(job_ids: list[int], on_tick: Callable[[int, int], None] | None = None,
             poll_s: float = 0.5, timeout_s: float | None = None) -> list[Job]:
    """Poll until every job is done or failed; `on_tick(done_files, total_files)`."""
    started = time.monotonic()
    while True:
        jobs = list(Job.objects.filter(pk__in=job_ids).order_by("id"))
        if on_tick:
            on_tick(sum(j.progress for j in jobs), sum(j.total for j in jobs))
        if all(j.state in (JobState.DONE, JobState.FAILED) for j in jobs):
            return jobs
        if timeout_s is not None and time.monotonic() - started > timeout_s:
            raise TimeoutError(f"{sum(not j.is_final for j in jobs)} jobs still unfinished")
        time.sleep(poll_s)


@dataclass
class WorkerReport:
    counts: dict[str, int] = field(default_factory=lambda: {"stored": 0, "skipped": 0, "failed": 0})
    failures: list[str] = field(default_factory=list)
    queued: int = 0
    waited: bool = True

    def line(self) -> str:
        if not self.waited:
            return f"{self.queued} jobs queued for the workers (see `jobs/` in the UI)"
        return (f"{self.counts['stored']} stored, {self.counts['skipped']} skipped (already stored), "
                f"{self.counts['failed']} failed, in {self.queued} jobs")


def ingest_on_workers(paths: list[str], confidentiality: str, files_per_job: int, wait: bool = True,
                      on_tick: Callable[[int, int], None] | None = None) -> WorkerReport:
    """Queue one job per `files_per_job` files; wait for all of them unless `wait` is False."""
    from unionwatch.documents.ingest import IngestOutcome, chunked, stream_files

    report = WorkerReport(waited=wait)

    def missing(outcome: IngestOutcome) -> None:
        report.counts["failed"] += 1
        report.failures.append(f"{outcome.path}: {outcome.reason}")

    job_ids = []
    for chunk in chunked((str(p) for p in stream_files(paths, missing)), files_per_job):
        job_ids.append(submit_ingest(chunk, confidentiality).pk)
    report.queued = len(job_ids)
    if not wait or not job_ids:
        return report
    for job in wait_for(job_ids, on_tick=on_tick):
        for status in report.counts:
            report.counts[status] += int(job.result.get(status, 0))
        if job.state == JobState.FAILED:
            report.failures += [line for line in job.reason.splitlines() if line] or [f"job {job.pk} failed"]
            if not job.result:  # crashed before counting: its files are not accounted for
                report.counts["failed"] += job.total
    return report
