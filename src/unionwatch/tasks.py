"""The one helper for background work.

`enqueue("unionwatch.module.function", *args)` runs the function after the current
transaction commits: in-process when no broker is configured, as a Celery task
when `UNIONWATCH_BROKER_URL` is set. Task functions take JSON-serialisable
arguments and are looked up by dotted path, so any module can offer tasks
without registering them with Celery one by one.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)


def resolve(path: str) -> Callable[..., Any]:
    module_name, _, func_name = path.rpartition(".")
    if not module_name.startswith("unionwatch."):
        raise ValueError(f"refusing to run task outside unionwatch: {path}")
    return getattr(importlib.import_module(module_name), func_name)


def run(path: str, *args: Any, **kwargs: Any) -> Any:
    """Run a task function now, in this process."""
    return resolve(path)(*args, **kwargs)


def enqueue(path: str, *args: Any, **kwargs: Any) -> None:
    """Run `path(*args, **kwargs)` once the current transaction has committed."""
    resolve(path)  # fail early on a typo, not later in a worker
    if settings.BROKER_URL:
        from unionwatch.celery_app import run_task

        transaction.on_commit(lambda: run_task.delay(path, *args, **kwargs))
    else:
        transaction.on_commit(lambda: run(path, *args, **kwargs))
