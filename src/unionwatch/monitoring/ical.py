"""iCalendar (RFC 5545) feeds of deadlines, written by hand: all-day VEVENTs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from unionwatch.monitoring.deadlines import Deadline

PRODID = "-//unionwatch//deadlines//EN"


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF and a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not out else 74
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def calendar(items: Iterable[Deadline], name: str, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape(name)}"]
    for item in items:
        lines += _vevent(item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vevent(item: Deadline, stamp: str) -> list[str]:
    description = item.detail
    if item.case:
        description = f"Case: {item.case.title}. {description}".strip()
    if not item.precise:
        description = f"Approximate date ({item.detail}). {description}"
    return [
        "BEGIN:VEVENT",
        f"UID:{item.uid}@unionwatch",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.date + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(item.title)}",
        f"DESCRIPTION:{escape(description)}",
        f"CATEGORIES:{item.kind.upper()}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
