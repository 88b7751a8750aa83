"""Jobs without a broker: uploads in the UI run in-process; state is visible on the page and API."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import EXAMPLES
from unionwatch.documents.models import Document
from unionwatch.jobs.models import Job, JobState

pytestmark = pytest.mark.django_db


def example_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (EXAMPLES / name).read_bytes(), content_type="text/markdown")


def first_examples(n: int) -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob("*.md"))[:n]


def test_upload_queues_a_job_that_stores_the_document(editor_client, django_capture_on_commit_callbacks):
    names = first_examples(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("job-upload"), {
            "files": [example_upload(n) for n in names], "confidentiality": "public"})
    assert response.status_code == 302
    jobs = list(Job.objects.order_by("id"))
    assert [j.state for j in jobs] == [JobState.DONE, JobState.DONE]
    assert all(j.result == {"stored": 1, "skipped": 0, "failed": 0} for j in jobs)
    assert all(j.started and j.finished and j.finished >= j.started for j in jobs)
    assert set(Document.objects.values_list("original_name", flat=True)) == set(names)
    assert not any(j.file for j in Job.objects.all())  # the upload is gone once stored
    assert Document.objects.filter(confidentiality="public").count() == 2

    html = editor_client.get(reverse("job-list")).content.decode()
    assert html.count("state-done") == 2 and "1 stored" in html

    data = editor_client.get(f"/api/jobs/{jobs[0].pk}").json()
    assert data["state"] == "done" and data["result"]["stored"] == 1 and data["reason"] == ""


def test_same_upload_twice_is_skipped(editor_client, django_capture_on_commit_callbacks):
    name = first_examples(1)[0]
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(reverse("job-upload"), {"files": [example_upload(name)],
                                                       "confidentiality": "internal"})
    second = Job.objects.order_by("id").last()
    assert second.state == JobState.DONE and second.result["skipped"] == 1
    assert Document.objects.count() == 1


def test_unreadable_upload_fails_with_its_reason(editor_client, django_capture_on_commit_callbacks):
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4\n\x00\x01 this is not a real pdf",
                                content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("job-upload"), {"files": [broken], "confidentiality": "internal"})
    job = Job.objects.get()
    assert job.state == JobState.FAILED
    assert job.reason.startswith("broken") and job.reason.count("\n") == 0
    # The upload is kept for another try, encrypted on disk, readable through the storage.
    assert job.file.open("rb").read().startswith(b"%PDF")
    assert b"%PDF" not in Path(job.file.path).read_bytes()
    assert job.result["failed"] == 1
    assert "state-failed" in editor_client.get(reverse("job-list")).content.decode()
    assert editor_client.get(f"/api/jobs/{job.pk}").json()["state"] == "failed"


def test_viewers_cannot_upload_and_see_only_their_jobs(client, django_user_model, editor):
    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", role="viewer")
    Job.objects.create(kind="ingest", user=editor, paths=["/x"], total=1)
    client.force_login(viewer)
    response = client.post(reverse("job-upload"), {"files": [example_upload(first_examples(1)[0])]})
    assert response.status_code == 403
    assert Job.objects.count() == 1
    assert client.get("/api/jobs").json() == []
    job_id = Job.objects.get().pk
    assert client.get(f"/api/jobs/{job_id}").status_code == 404
    assert "Upload" not in client.get(reverse("job-list")).content.decode()


def test_upload_form_rejects_empty_and_unknown_levels(editor_client):
    editor_client.post(reverse("job-upload"), {"confidentiality": "internal"})
    editor_client.post(reverse("job-upload"), {"files": [example_upload(first_examples(1)[0])],
                                               "confidentiality": "secret"})
    assert Job.objects.count() == 0
