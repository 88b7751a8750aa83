"""Word .docx files: body paragraphs and tables in document order, with python-docx.

The zip directory is checked BEFORE anything is extracted: the declared uncompressed
sizes (which zipfile enforces while reading, so they cannot lie upwards) must stay under
the limit, and no large member may be compressed suspiciously well.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from unionwatch.core.readers import limits
from unionwatch.core.readers.errors import Unreadable, one_line
from unionwatch.core.readers.text import shorten, tidy_extracted
from unionwatch.core.types import DocumentMeta

_RATIO_CHECK_FROM = 1 * limits.MB  # small members may compress very well legitimately
_MAIN_PART = "word/document.xml"
# python-docx's default template carries this creation time: it says nothing about the document.
_TEMPLATE_CREATED = "2013-12-23T23:15:00"


def read_docx(raw: bytes, meta: DocumentMeta) -> str:
    check_zip(raw)
    document = _open(raw)
    try:
        text = tidy_extracted("\n\n".join(_blocks(document)))
        _core_properties(document, meta)
    except RecursionError:
        raise Unreadable("docx structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds
        raise Unreadable(f"damaged docx ({one_line(exc, 80)})") from None
    return text


def check_zip(raw: bytes) -> None:
    """Validate the zip directory of a .docx without decompressing anything."""
    try:
        with zipfile.ZipFile(BytesIO(raw)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise Unreadable("docx is not a valid zip archive") from None
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise Unreadable(f"docx has {len(members)} parts, over the {limits.MAX_ZIP_MEMBERS} limit")
    total = sum(member.file_size for member in members)
    if total > limits.MAX_DOCX_UNCOMPRESSED_MB * limits.MB:
        raise Unreadable(
            f"docx expands beyond the {limits.format_mb(limits.MAX_DOCX_UNCOMPRESSED_MB * limits.MB)}"
            " limit (zip bomb?)"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_CHECK_FROM and ratio > limits.MAX_ZIP_RATIO:
            raise Unreadable(f"docx part compressed {ratio:.0f}:1 (zip bomb?)")
    if _MAIN_PART not in names:
        raise Unreadable("not a Word document (no word/document.xml)")


def _open(raw: bytes) -> Any:
    import docx

    try:
        return docx.Document(BytesIO(raw))
    except RecursionError:
        raise Unreadable("docx structure nested too deeply") from None
    except zipfile.BadZipFile:
        raise Unreadable("damaged docx (bad zip member)") from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds
        raise Unreadable(f"damaged docx ({one_line(exc, 80)})") from None


def _blocks(document: Any) -> list[str]:
    """Paragraph texts and one line per table row (cells joined with ' | ')."""
    from docx.table import Table

    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.append(_table_text(item))
        else:
            blocks.append(item.text)
    return blocks


def _table_text(table: Any) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _core_properties(document: Any, meta: DocumentMeta) -> None:
    properties = document.core_properties
    title = " ".join((properties.title or "").split())
    if title:
        meta.title = shorten(title)
    created = properties.created
    if created is not None and not created.isoformat().startswith(_TEMPLATE_CREATED):
        meta.date = created.date().isoformat()
