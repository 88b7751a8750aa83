"""Resource limits of the readers, so a hostile file cannot exhaust memory or the stack.

Module-level constants; tests and deployments may change them. The file-size limit can
also be set with the environment variable `UNIONWATCH_MAX_FILE_MB` (read at call time).
"""

from __future__ import annotations

import os

MB = 1024 * 1024

MAX_FILE_MB: float = 25  # any input file, checked with stat() before reading
MAX_DOCX_UNCOMPRESSED_MB: float = 50  # sum of the uncompressed sizes in the zip directory
MAX_ZIP_RATIO: float = 100  # uncompressed/compressed for one member bigger than 1 MB
MAX_ZIP_MEMBERS: int = 5000
MAX_HTML_DEPTH: int = 1000  # tag nesting; lxml gives up at 256, deeper is adversarial
# trafilatura costs ~0.1 ms per element; past this many tags (real pages have a few
# thousand) the page gets the linear tag stripper instead of main-text extraction.
MAX_HTML_TAGS_FOR_MAIN_TEXT: int = 50_000
MAX_PDF_PAGES: int = 2000
MAX_EMAIL_ATTACHMENTS: int = 200  # listed and read; further ones are ignored
MAX_EMAIL_PARTS: int = 1000  # MIME parts; parsing costs ~1 ms each

ENV_MAX_FILE_MB = "UNIONWATCH_MAX_FILE_MB"


def max_file_mb() -> float:
    """The file-size limit in MB: the environment override if valid, else `MAX_FILE_MB`."""
    value = os.environ.get(ENV_MAX_FILE_MB, "").strip()
    if value:
        try:
            number = float(value)
        except ValueError:
            number = 0
        if number > 0:
            return number
    return MAX_FILE_MB


def max_file_bytes() -> int:
    return int(max_file_mb() * MB)


def format_mb(size_bytes: float) -> str:
    """'60 MB', or '0.5 MB' for small sizes, so the message never says '0 MB'."""
    mb = size_bytes / MB
    if mb >= 10:
        return f"{mb:.0f} MB"
    if mb >= 1:
        return f"{mb:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{mb:.2g} MB"
