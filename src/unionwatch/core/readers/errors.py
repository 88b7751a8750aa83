"""Failure plumbing of the readers: `Unreadable` (turned into a `ReadError` naming the file
by `read_path`) and helpers that keep messages to one line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class Unreadable(Exception):
    """Raised by the format readers with a short, human, one-line reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def one_line(message: object, limit: int = 160) -> str:
    """Squash an exception message into one short line (library messages can be multi-line)."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """Library warnings about odd files are not the user's concern; the result or the
    ReadError is. Levels are restored afterwards."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
