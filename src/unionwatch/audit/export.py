"""CSV export of the audit log (web download and `unionwatch audit export`)."""

from __future__ import annotations

import csv
from typing import TextIO

from django.db.models import QuerySet

from unionwatch.audit.models import AuditEntry

COLUMNS = ["at", "actor", "action", "object_type", "object_id", "object_repr", "detail", "ip"]


def write_csv(handle: TextIO, entries: QuerySet | None = None) -> int:
    entries = AuditEntry.objects.order_by("at", "id") if entries is None else entries
    writer = csv.writer(handle)
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow([_cell(entry, c) for c in COLUMNS])
        count += 1
    return count


def _cell(entry: AuditEntry, column: str) -> str:
    value = getattr(entry, column)
    text = value.isoformat() if column == "at" else str(value)
    # Spreadsheet formula injection: a cell must not start a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
