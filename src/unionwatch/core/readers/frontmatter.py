"""The front-matter header of .txt/.md files (annotation guide, "Documents with a header").

```
---
source_url: https://...
title: Kazakhstan: Union Leaders Jailed
published: 2019-07-19      (or 2022-04, or unknown)
kind: press_release
country: Kazakhstan
---
<text>
```
Values are read line by line as `key: value`, not with a YAML parser: clippers write
unquoted titles with colons ("Kazakhstan: Union ...") that YAML rejects, and a line
parser cannot be made to expand aliases. Quoted values are unquoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionwatch.core.types import DocumentMeta

_OPENING = "---\n"
_MAX_HEADER_CHARS = 64_000
_KEY_VALUE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s?(.*)$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")

KINDS = {"letter", "press_release", "news", "report", "court_report", "other"}
_KEY_ALIASES = {
    "url": "source_url",
    "source": "source_url",
    "date": "published",
    "lang": "language",
}


@dataclass
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # index in the text of the first character after the header


def split_front_matter(text: str) -> FrontMatter:
    """Find a header at the very start of `text` (newlines already normalised to \\n)."""
    if not text.startswith(_OPENING):
        return FrontMatter()
    close = _find_closing(text)
    if close is None:
        return FrontMatter()
    block, body_start = close
    fields = _parse_block(block)
    if fields is None:
        return FrontMatter()
    return FrontMatter(fields=fields, body_start=body_start)


def _find_closing(text: str) -> tuple[str, int] | None:
    """The header block and where the body starts, or None if `---` never closes."""
    head = text[:_MAX_HEADER_CHARS]
    position = len(_OPENING)
    if head.startswith("---", position) and head[position + 3 : position + 4] in ("\n", ""):
        return "", min(len(text), position + 4)  # empty header
    end = head.find("\n---", position - 1)
    while end != -1:
        after = end + 4
        if after == len(text) or text[after] == "\n":
            return head[position:end], min(len(text), after + 1)
        end = head.find("\n---", after)
    return None


def _parse_block(block: str) -> dict[str, str] | None:
    """`key: value` lines; None if the block does not look like a header at all."""
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            if line[:1].isspace():
                continue  # YAML continuation or list item: not a field we use
            return None
        key = match.group(1).lower().replace("-", "_")
        fields[_KEY_ALIASES.get(key, key)] = _unquote(match.group(2).strip())
    return fields or None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == '"':
            return inner.replace('\\"', '"').replace("\\\\", "\\")
        return inner.replace("''", "'")
    return value


def normalize_date(value: str | None) -> str | None:
    """'2019-07-19', '2022-04', '2019' (or a datetime) to ISO; 'unknown' and the rest to None."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if not 1000 <= int(year) <= 2999:
        return None
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def normalize_kind(value: str) -> str:
    kind = value.strip().lower().replace(" ", "_").replace("-", "_")
    return kind if kind in KINDS else "other"


def apply_to_meta(fields: dict[str, str], meta: DocumentMeta) -> None:
    """Copy the header fields the project knows into `meta`."""
    if fields.get("title"):
        meta.title = fields["title"]
    if "published" in fields:
        meta.date = normalize_date(fields["published"])
    if fields.get("kind"):
        meta.kind = normalize_kind(fields["kind"])
    if fields.get("country"):
        meta.country = fields["country"]
    if fields.get("source_url"):
        meta.source_url = fields["source_url"]
    if fields.get("language"):
        meta.language = fields["language"].strip().lower()
    if fields.get("confidentiality") and hasattr(meta, "confidentiality"):
        # DocumentMeta has no such field yet; set it only once the contract has one.
        meta.confidentiality = fields["confidentiality"].strip().lower()
