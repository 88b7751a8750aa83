"""PDF files: the text layer, page by page, with pypdf. No OCR: scans are reported."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from unionwatch.core.readers import limits
from unionwatch.core.readers.errors import Unreadable, quiet_loggers
from unionwatch.core.readers.text import tidy_extracted
from unionwatch.core.types import DocumentMeta

_HEADER_WINDOW = 1024  # the spec lets '%PDF-' start anywhere in the first 1024 bytes


def read_pdf(raw: bytes, meta: DocumentMeta) -> str:
    if b"%PDF-" not in raw[:_HEADER_WINDOW]:
        raise Unreadable("not a PDF (bad header)")
    with quiet_loggers("pypdf"):
        reader = _open(raw)
        pages = _page_texts(reader)
    text = tidy_extracted("\n\n".join(pages))
    if not text:
        if b"%%EOF" not in raw[-_HEADER_WINDOW:]:
            raise Unreadable("truncated or damaged PDF")
        raise Unreadable("no text layer (scanned PDF?)")
    return text


def _open(raw: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    try:
        reader = PdfReader(BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF (password required)")
        count = len(reader.pages)
    except Unreadable:
        raise
    except FileNotDecryptedError:
        raise Unreadable("encrypted PDF (password required)") from None
    except DependencyError:
        raise Unreadable("encrypted PDF with an unsupported cipher") from None
    except LimitReachedError:
        raise Unreadable("PDF expands beyond the decompression limit (PDF bomb?)") from None
    except RecursionError:
        raise Unreadable("PDF structure nested too deeply") from None
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise Unreadable("truncated or damaged PDF") from None
    if count == 0:
        raise Unreadable("PDF has no pages")
    if count > limits.MAX_PDF_PAGES:
        raise Unreadable(f"PDF has {count} pages, over the {limits.MAX_PDF_PAGES} page limit")
    return reader


def _page_texts(reader: Any) -> list[str]:
    """The text of each page; a page pypdf cannot decode is skipped, not fatal."""
    from pypdf.errors import LimitReachedError

    texts: list[str] = []
    failures = 0
    for index in range(len(reader.pages)):
        try:
            texts.append(reader.pages[index].extract_text() or "")
        except LimitReachedError:
            raise Unreadable("PDF expands beyond the decompression limit (PDF bomb?)") from None
        except Exception:  # noqa: BLE001 - one damaged page should not lose the others
            failures += 1
    if failures and not any(t.strip() for t in texts):
        raise Unreadable("truncated or damaged PDF")
    return texts
