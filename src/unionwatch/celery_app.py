"""Celery application: used only when UNIONWATCH_BROKER_URL is set (see tasks.py).

Workers on several machines share one broker and one PostgreSQL database; each
task is a dotted path plus JSON arguments, acknowledged only once it finished
(acks_late), so a worker that dies mid-task leaves it to another worker.
"""

from __future__ import annotations

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionwatch.settings")

app = Celery("unionwatch")
app.config_from_object("django.conf:settings", namespace="CELERY")
# One queue name per installation (or per test run) so installations sharing a
# Redis server never take each other's tasks.
app.conf.task_default_queue = os.environ.get("UNIONWATCH_QUEUE", "unionwatch")
app.conf.worker_prefetch_multiplier = 1  # ingest tasks are long: don't hoard them
app.conf.task_reject_on_worker_lost = True
app.conf.broker_connection_retry_on_startup = True


@app.task(name="unionwatch.run_task", bind=True, acks_late=True)
def run_task(self, path: str, *args, **kwargs):
    from unionwatch.tasks import run

    return run(path, *args, **kwargs)


@signals.worker_init.connect
def _close_before_fork(**_kwargs) -> None:
    # Forked pool processes must not share the parent's database sockets.
    from django.db import connections

    connections.close_all()


@signals.task_prerun.connect
@signals.task_postrun.connect
def _fresh_connections(**_kwargs) -> None:
    from django.db import close_old_connections

    close_old_connections()
