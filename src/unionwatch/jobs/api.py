"""API: job state (queued, running, done or failed with its reason)."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from unionwatch.jobs.views import visible_jobs

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    state: str
    reason: str
    progress: int
    total: int
    result: dict
    created: dt.datetime
    started: dt.datetime | None
    finished: dt.datetime | None


@router.get("/jobs", response=list[JobOut])
def list_jobs(request, limit: int = 50, offset: int = 0):
    limit = max(1, min(limit, 500))
    offset = max(0, offset)
    return visible_jobs(request.user)[offset: offset + limit]


@router.get("/jobs/{job_id}", response=JobOut)
def get_job(request, job_id: int):
    return get_object_or_404(visible_jobs(request.user), pk=job_id)
