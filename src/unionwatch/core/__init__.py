"""The extraction core: files to text, text to facts. Plain Python, no Django, no database.

Public entry points:
- `read_path(path) -> SourceDocument` (raises `ReadError` with a one-line reason)
- `iter_input_files(paths) -> Iterator[Path]` (files and folders, in a stable order)
- `extract(doc: SourceDocument) -> Extraction`
- `extract_text(text, meta=None) -> Extraction`
"""

from __future__ import annotations

from unionwatch.core.types import (
    CourtDecision,
    DocumentMeta,
    Event,
    Extraction,
    Organization,
    Person,
    Place,
    ReadError,
    SourceDocument,
    Term,
    Upcoming,
)

__all__ = [
    "CourtDecision",
    "DocumentMeta",
    "Event",
    "Extraction",
    "Organization",
    "Person",
    "Place",
    "ReadError",
    "SourceDocument",
    "Term",
    "Upcoming",
    "extract",
    "extract_text",
    "iter_input_files",
    "read_path",
]


def read_path(path):  # noqa: ANN001, ANN201 - thin re-export, typed in readers
    from unionwatch.core.readers import read_path as _read_path

    return _read_path(path)


def iter_input_files(paths):  # noqa: ANN001, ANN201
    from unionwatch.core.readers import iter_input_files as _iter

    return _iter(paths)


def extract(doc: SourceDocument) -> Extraction:
    from unionwatch.core.pipeline import default_pipeline

    return default_pipeline()(doc)


def extract_text(text: str, meta: DocumentMeta | None = None) -> Extraction:
    return extract(SourceDocument(text=text, meta=meta or DocumentMeta()))
