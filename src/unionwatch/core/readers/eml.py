"""E-mail messages (.eml): the body, then each text attachment as its own section.

Attachment file names come from the sender: they are reduced to a harmless label and
never used to build a path (this reader writes no files at all).
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from typing import Any

from unionwatch.core.readers import limits
from unionwatch.core.readers.encoding import decode_text
from unionwatch.core.readers.errors import Unreadable
from unionwatch.core.readers.html import check_depth, html_to_text
from unionwatch.core.readers.text import normalize_newlines, shorten, tidy_extracted
from unionwatch.core.types import DocumentMeta

_TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
LABEL_MAX_CHARS = 100
_PART_HEADER = re.compile(rb"^content-type:", re.I | re.M)


def read_eml(raw: bytes, meta: DocumentMeta) -> str:
    _check_part_count(raw)
    try:
        message: Any = email.message_from_bytes(raw, policy=policy.default)
        body_part = message.get_body(preferencelist=("plain", "html"))
        sections = [_part_text(body_part)] if body_part is not None else []
        sections.extend(_attachment_sections(message, body_part, meta))
        meta.title = _subject(message)
        meta.date = _date(message)
    except RecursionError:
        raise Unreadable("email nested too deeply") from None
    except Unreadable:
        raise
    except Exception:  # noqa: BLE001 - the email package raises many kinds on odd input
        raise Unreadable("damaged email message") from None
    return "\n\n".join(section for section in sections if section)


def _check_part_count(raw: bytes) -> None:
    """The email package spends ~1 ms per MIME part: refuse absurd part counts up front."""
    for parts, _match in enumerate(_PART_HEADER.finditer(raw), start=1):
        if parts > limits.MAX_EMAIL_PARTS:
            raise Unreadable(f"email has over {limits.MAX_EMAIL_PARTS} MIME parts")


def safe_label(name: str | None, index: int) -> str:
    """A display label for a sender-supplied file name: no directories, no controls."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip().lstrip(".").strip()
    return shorten(name, LABEL_MAX_CHARS) if name else f"attachment-{index}"


def _attachment_sections(
    message: EmailMessage, body_part: EmailMessage | None, meta: DocumentMeta
) -> list[str]:
    sections: list[str] = []
    for index, part in enumerate(_attachments(message, body_part), start=1):
        if index > limits.MAX_EMAIL_ATTACHMENTS:
            break
        label = safe_label(_filename(part), index)
        meta.attachments.append(label)
        text = _attachment_text(part)
        if text.strip():
            sections.append(f"--- Attachment: {label} ---\n\n{text}")
    return sections


def _attachments(message: EmailMessage, body_part: EmailMessage | None) -> list[EmailMessage]:
    """Leaf parts that are attachments or carry a file name, except the chosen body."""
    found: list[EmailMessage] = []
    for part in message.walk():
        if part is body_part or part.is_multipart():
            continue
        if part.is_attachment() or _filename(part):
            found.append(part)
    return found


def _attachment_text(part: EmailMessage) -> str:
    """Text of a text-like attachment; '' for other types or undecodable content."""
    name = (_filename(part) or "").lower()
    is_text = part.get_content_maintype() == "text" or name.endswith(_TEXT_SUFFIXES)
    if not is_text:
        return ""
    try:
        return _part_text(part)
    except Unreadable:
        return ""  # e.g. binary data behind a .txt name: the label is still listed


def _part_text(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_text(payload, declared=part.get_content_charset())
    name = (_filename(part) or "").lower()
    if part.get_content_subtype() == "html" or name.endswith(_HTML_SUFFIXES):
        check_depth(text)
        return html_to_text(text)
    return tidy_extracted(normalize_newlines(text))


def _filename(part: EmailMessage) -> str | None:
    try:
        return part.get_filename()
    except Exception:  # noqa: BLE001 - malformed Content-Disposition parameters
        return None


def _subject(message: EmailMessage) -> str:
    try:
        subject = str(message.get("Subject", "") or "")
    except Exception:  # noqa: BLE001 - a malformed encoded word should not lose the body
        return ""
    return shorten(" ".join(subject.split()))


def _date(message: EmailMessage) -> str | None:
    try:
        header: Any = message.get("Date")
        moment = getattr(header, "datetime", None)
    except Exception:  # noqa: BLE001 - unparseable dates are simply unknown
        return None
    return moment.date().isoformat() if moment is not None else None
