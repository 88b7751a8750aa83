"""Plain text and Markdown files, with an optional front-matter header; shared text helpers."""

from __future__ import annotations

import re

from unionwatch.core.readers.encoding import decode_text
from unionwatch.core.readers.frontmatter import apply_to_meta, split_front_matter
from unionwatch.core.types import DocumentMeta

TITLE_MAX_CHARS = 200

# C0 controls other than tab/newline/form feed, and NUL: noise from converters, never content.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_newlines(text: str) -> str:
    """CRLF, CR and Unicode line/paragraph separators become \\n; stray controls go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _STRAY_CONTROLS.sub("", text)


def tidy_extracted(text: str) -> str:
    """For text extracted from a layout format: normalised, lines trimmed, blank runs squeezed."""
    text = normalize_newlines(text).replace("\ufeff", "")
    lines = [line.strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def title_from_text(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """The first non-empty line (Markdown '#' removed), cut at a word boundary near `limit`."""
    for line in text.split("\n", 200)[:200]:
        line = _MARKDOWN_HEADING.sub("", line).strip()
        line = _EMPHASIS.sub(r"\2", line).strip()
        if line:
            return shorten(" ".join(line.split()), limit)
    return ""


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def read_text(raw: bytes, meta: DocumentMeta) -> str:
    """Decode, normalise newlines, and split off the header: the text starts right after it."""
    text = normalize_newlines(decode_text(raw))
    header = split_front_matter(text)
    apply_to_meta(header.fields, meta)
    return text[header.body_start :]
