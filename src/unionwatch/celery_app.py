"""Celery application: used only when UNIONWATCH_BROKER_URL is set (see tasks.py)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionwatch.settings")

app = Celery("unionwatch")
app.config_from_object("django.conf:settings", namespace="CELERY")


@app.task(name="unionwatch.run_task", bind=True, acks_late=True)
def run_task(self, path: str, *args, **kwargs):
    from unionwatch.tasks import run

    return run(path, *args, **kwargs)
