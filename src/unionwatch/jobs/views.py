"""Jobs page: what is queued, running, done or failed, and an upload form for editors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from unionwatch.accounts.permissions import can_edit, is_admin
from unionwatch.documents.models import Confidentiality
from unionwatch.jobs.models import Job
from unionwatch.jobs.service import submit_upload

MAX_UPLOAD_FILES = 50


def visible_jobs(user):
    """Admins see every job; others see the jobs they started."""
    jobs = Job.objects.select_related("user")
    return jobs if is_admin(user) else jobs.filter(user=user)


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(visible_jobs(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "jobs/job_list.html", {
        "page": page, "can_upload": can_edit(request.user),
        "levels": Confidentiality.choices, "running": any(not j.is_final for j in page),
    })


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not can_edit(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("job-list")
    files = request.FILES.getlist("files")
    level = request.POST.get("confidentiality", Confidentiality.INTERNAL)
    if level not in Confidentiality.values:
        messages.error(request, f"Unknown confidentiality level {level!r}.")
    elif not files:
        messages.error(request, "Choose at least one file to upload.")
    elif len(files) > MAX_UPLOAD_FILES:
        messages.error(request, f"At most {MAX_UPLOAD_FILES} files per upload.")
    else:
        for upload_file in files:
            submit_upload(upload_file, level, request.user)
        messages.success(request, f"{len(files)} file{'s' if len(files) > 1 else ''} queued for ingestion.")
    return redirect("job-list")
