"""`unionwatch export --format ics`: one calendar with every case's deadlines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unionwatch.monitoring.deadlines import deadlines
from unionwatch.monitoring.ical import calendar


def export_ics(args: argparse.Namespace) -> int:
    """Print or write the calendar; exit code 0, or 2 when the output file cannot be written."""
    text = calendar(deadlines(public=args.public), "unionwatch deadlines")
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        print(f"unionwatch export: {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
