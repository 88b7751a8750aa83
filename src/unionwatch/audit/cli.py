"""`unionwatch audit export [-o FILE]`: the audit log as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unionwatch.cli import EXIT_OK, EXIT_USAGE, setup_django


def cmd_audit_export(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.audit.export import write_csv
    from unionwatch.audit.log import record

    record("export", None, object_type="audit.auditentry", detail="csv (cli)")
    if not args.output:
        write_csv(sys.stdout)
        return EXIT_OK
    try:
        with Path(args.output).open("w", encoding="utf-8", newline="") as handle:
            count = write_csv(handle)
    except OSError as exc:
        print(f"{args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"audit export: {count} entries written to {args.output}", file=sys.stderr)
    return EXIT_OK


def register(add_verb) -> None:
    audit = add_verb("audit", lambda a: EXIT_USAGE, "the audit log")
    verbs = audit.add_subparsers(dest="audit_verb", required=True)
    sub = verbs.add_parser("export", help="write the audit log as CSV")
    sub.set_defaults(func=cmd_audit_export)
    sub.add_argument("-o", "--output", metavar="FILE")
