"""File readers: turn an input file into a `SourceDocument` (plain text plus metadata).

`read_path` is the only door: it checks the file, picks a reader by extension (or by
sniffing the content when there is none), and turns every failure - ours or a library's -
into a `ReadError` whose message is one line naming the file and a human reason.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from unionwatch.core.readers import limits
from unionwatch.core.readers.docx import read_docx
from unionwatch.core.readers.eml import read_eml
from unionwatch.core.readers.errors import Unreadable, one_line
from unionwatch.core.readers.html import read_html
from unionwatch.core.readers.pdf import read_pdf
from unionwatch.core.readers.text import read_text, title_from_text
from unionwatch.core.types import DocumentMeta, ReadError, SourceDocument

__all__ = ["MEDIA_TYPES", "SUPPORTED_EXTENSIONS", "iter_input_files", "read_path"]

Reader = Callable[[bytes, DocumentMeta], str]

MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".eml": "message/rfc822",
}
_READERS: dict[str, Reader] = {
    "text/plain": read_text,
    "text/markdown": read_text,
    "text/html": read_html,
    "application/pdf": read_pdf,
    MEDIA_TYPES[".docx"]: read_docx,
    "message/rfc822": read_eml,
}
SUPPORTED_EXTENSIONS = frozenset(MEDIA_TYPES)


def read_path(path: str | Path) -> SourceDocument:
    """Read one file. Raises `ReadError(path, reason)` for every kind of failure."""
    label = _printable(str(path))
    try:
        return _read(Path(path), str(path))
    except ReadError:
        raise
    except Unreadable as exc:
        raise ReadError(label, exc.reason) from None
    except RecursionError:
        raise ReadError(label, "structure nested too deeply") from None
    except MemoryError:
        raise ReadError(label, "too large to process in memory") from None
    except Exception as exc:  # noqa: BLE001 - the promise is: no library exception escapes
        reason = f"could not read ({type(exc).__name__}: {one_line(exc, 100)})"
        raise ReadError(label, reason) from None


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, folders walked recursively in sorted order (supported, non-hidden
    files only). Every path is checked first: a missing one raises ReadError before
    anything is yielded, so a caller never processes half a command line."""
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise ReadError(_printable(str(root)), "no such file or directory")
    return _walk_all(roots)


def _walk_all(roots: list[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_dir():
            yield from _walk(root)
        else:
            yield root


def _walk(folder: Path) -> Iterator[Path]:
    """Depth-first in sorted name order; hidden entries, Office lock files and
    symlinked folders (loops) are skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.suffix.lower() in SUPPORTED_EXTENSIONS and entry.is_file():
            yield entry


def _read(path: Path, given: str) -> SourceDocument:
    raw = _load(path)
    media_type = _media_type(path, raw)
    meta = DocumentMeta(path=given, sha256=hashlib.sha256(raw).hexdigest(), media_type=media_type)
    text = _READERS[media_type](raw, meta)
    if not text.strip():
        raise Unreadable("no text found")
    if not meta.title:
        meta.title = title_from_text(text)
    return SourceDocument(text=text, meta=meta, raw=raw)


def _load(path: Path) -> bytes:
    """The file's bytes, refusing before reading anything that is too big or not a file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise Unreadable("no such file or directory") from None
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot access file ({one_line(exc.strerror or exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("not a regular file")
    limit = limits.max_file_bytes()
    _check_size(info.st_size, limit)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # the file may have grown since stat()
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot read file ({one_line(exc.strerror or exc)})") from None
    _check_size(len(raw), limit)
    if not raw:
        raise Unreadable("empty file")
    return raw


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise Unreadable(
            f"file is {limits.format_mb(size)}, over the {limits.format_mb(limit)} limit"
        )


def _media_type(path: Path, raw: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in MEDIA_TYPES:
        return MEDIA_TYPES[suffix]
    if suffix and not _looks_like_a_suffix_free_name(path):
        raise Unreadable(f"unsupported file type {_printable(suffix)}")
    sniffed = sniff_media_type(raw)
    if sniffed is None:
        raise Unreadable("unsupported file type (no extension, content not recognised)")
    return sniffed


def _looks_like_a_suffix_free_name(path: Path) -> bool:
    """'report.2019' or 'v1.2' are names with a dot, not file types."""
    return path.suffix[1:].isdigit()


def sniff_media_type(raw: bytes) -> str | None:
    """Recognise a supported format from its first bytes, for files without an extension."""
    head = raw[:2048]
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return MEDIA_TYPES[".docx"] if b"word/" in raw[:65536] else None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "text/html"
    if _looks_like_email(lowered):
        return "message/rfc822"
    if b"\x00" not in head:
        return "text/plain"
    return None


def _looks_like_email(head: bytes) -> bool:
    header_block = head.split(b"\n\n", 1)[0]
    names = {line.split(b":", 1)[0].strip() for line in header_block.splitlines() if b":" in line}
    return len(names & {b"from", b"to", b"subject", b"date", b"message-id", b"received"}) >= 3


def _printable(text: str) -> str:
    """Keep a ReadError on one line even for file names with newlines or controls."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
