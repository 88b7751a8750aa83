"""HTML pages: the main text with trafilatura, or all visible text when it finds none.

Hostile pages are handled before any library sees them: the nesting depth is measured
with a flat scan (lxml, and code walking its trees recursively, can exhaust the stack),
and the fallback tag stripper is a linear `str.find` loop, because the standard library's
HTMLParser is quadratic on inputs such as a long run of '<!--'.
"""

from __future__ import annotations

import html as html_entities
import re
from typing import Any

from unionwatch.core.readers import limits
from unionwatch.core.readers.encoding import decode_text
from unionwatch.core.readers.errors import Unreadable, quiet_loggers
from unionwatch.core.readers.frontmatter import normalize_date
from unionwatch.core.readers.text import shorten, tidy_extracted
from unionwatch.core.types import DocumentMeta

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# `[^<>]*` rather than `[^>]*`: a '<' with no '>' ends the attempt at the next '<',
# which keeps every scan linear.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>")
_DECLARATION = re.compile(r"<[!?][^<>]*>")
_WHITESPACE = re.compile(r"\s+")

# Elements that never get an end tag, or whose end tag is optional: they add no depth.
_NO_DEPTH = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "html", "head", "body",
}  # fmt: skip
# Elements whose content is never visible text: skipped up to their end tag.
_SKIPPED = {"script", "style", "noscript", "template", "title", "svg", "iframe", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip


def read_html(raw: bytes, meta: DocumentMeta) -> str:
    html = decode_text(raw, declared=declared_charset(raw))
    tags = check_depth(html)
    text, title, date = "", "", None
    if tags <= limits.MAX_HTML_TAGS_FOR_MAIN_TEXT:
        text, title, date = _main_text(html)
    if not text.strip():
        text = html_to_text(html)
    meta.title = title or title_tag(html)
    meta.date = normalize_date(date)
    return text


def declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def check_depth(html: str) -> int:
    """Raise Unreadable if tags nest deeper than `limits.MAX_HTML_DEPTH`; return the tag count."""
    depth = 0
    count = 0
    for match in _TAG.finditer(html):
        count += 1
        closing, name, rest = match.groups()
        name = name.lower()
        if name in _NO_DEPTH or rest.endswith("/"):
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > limits.MAX_HTML_DEPTH:
            raise Unreadable("HTML nested too deeply")
    return count


def _main_text(html: str) -> tuple[str, str, str | None]:
    """trafilatura's main text, title and date; empty when it finds nothing."""
    import trafilatura

    with quiet_loggers("trafilatura", "htmldate", "courlan", "justext"):
        document: Any = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    if document is None:
        return "", "", None
    text = getattr(document, "text", "") or ""
    # trafilatura puts one block per line; a blank line between blocks keeps paragraphs.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    title = " ".join((getattr(document, "title", "") or "").split())
    return text, shorten(title), getattr(document, "date", None)


def html_to_text(html: str) -> str:
    """All visible text, block elements on their own lines. Linear time, no tree."""
    lower = html.lower()
    parts: list[str] = []
    position = 0
    while position < len(html):
        start = html.find("<", position)
        if start == -1:
            parts.append(_visible(html[position:]))
            break
        parts.append(_visible(html[position:start]))
        position = _skip_markup(html, lower, start, parts)
    return tidy_extracted("".join(parts))


def _skip_markup(html: str, lower: str, start: int, parts: list[str]) -> int:
    """Consume the markup at `start`; return where text resumes."""
    if html.startswith("<!--", start):
        end = html.find("-->", start + 4)
        return len(html) if end == -1 else end + 3
    match = _TAG.match(html, start) or _DECLARATION.match(html, start)
    if match is None:
        parts.append("<")  # a lone '<' in text
        return start + 1
    if match.re is _DECLARATION:
        return match.end()
    closing, name, _rest = match.groups()
    name = name.lower()
    if not closing and name in _SKIPPED:
        end = lower.find(f"</{name}", match.end())
        return len(html) if end == -1 else end
    if name == "br":
        parts.append("\n")
    elif name in _BLOCKS or name == "hr":
        parts.append("\n\n")
    return match.end()


def _visible(segment: str) -> str:
    if not segment:
        return ""
    return _WHITESPACE.sub(" ", html_entities.unescape(segment))


def title_tag(html: str) -> str:
    """The text of <title>, found with `find` (linear even on hostile pages)."""
    head = html[:200_000]
    lower = head.lower()
    start = lower.find("<title")
    if start == -1:
        return ""
    open_end = lower.find(">", start)
    close = lower.find("</title", open_end)
    if open_end == -1 or close == -1:
        return ""
    return shorten(" ".join(_visible(head[open_end + 1 : close]).split()))
