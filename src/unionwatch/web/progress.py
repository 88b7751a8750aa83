"""Progress bars for long CLI runs (rich), on a terminal only; silent otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _progress():
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(SpinnerColumn(), TextColumn("{task.fields[label]}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                    TimeRemainingColumn(), TextColumn("{task.description}"), transient=True,
                    console=Console(stderr=True))  # stdout keeps only the summary


def _rate(task) -> str:
    speed = task.speed
    return f"{speed:,.0f}/s" if speed else ""


@contextmanager
def progress_printer(enabled: bool, total: int | None = None, label: str = "ingest") -> Iterator:
    """Yields `on_progress(outcome)` advancing by one file, or None when disabled."""
    if not enabled:
        yield None
        return
    with _progress() as progress:
        task = progress.add_task("", total=total, label=label, rate="")

        def on_progress(outcome) -> None:
            progress.update(task, advance=1, description=f"{outcome.status}: {outcome.path[-40:]}")
            progress.update(task, rate=_rate(progress.tasks[0]))

        yield on_progress


@contextmanager
def count_printer(label: str, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Yields `on_progress(done, total)`, or None when disabled."""
    if not enabled:
        yield None
        return
    with _progress() as progress:
        task = progress.add_task("", total=None, label=label, rate="")

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total or None)
            progress.update(task, rate=_rate(progress.tasks[0]))

        yield on_progress
