"""A progress bar for batch ingest on a terminal (rich), silent otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def progress_printer(enabled: bool) -> Iterator:
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), transient=True) as progress:
        task = progress.add_task("", total=None)

        def on_progress(outcome) -> None:
            progress.update(task, advance=1, description=f"{outcome.status}: {outcome.path[-50:]}")

        yield on_progress
