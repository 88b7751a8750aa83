"""CLI verbs: `letter` drafts an appeal, press release or ILO complaint from a case;
`import-countries` / `import-contacts` load ratifications and the government directory."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from unionwatch.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, setup_django

FORMATS = ("pdf", "docx", "html", "md")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_letter(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.advocacy.compose import ComposeError, compose
    from unionwatch.advocacy.render import render
    from unionwatch.cases.models import Case

    case = Case.objects.filter(pk=args.case_id).first()
    if case is None:
        _err(f"unionwatch letter: case {args.case_id} does not exist (see `unionwatch cases`)")
        return EXIT_USAGE
    try:
        date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        _err(f"unionwatch letter: --date {args.date!r} is not a date (YYYY-MM-DD)")
        return EXIT_USAGE
    output = Path(args.output)
    if not output.parent.is_dir():
        _err(f"{output}: the folder {output.parent} does not exist")
        return EXIT_USAGE
    try:
        draft = compose(case, args.kind, args.lang, date=date)
    except ComposeError as exc:
        _err(f"unionwatch letter: {exc}")
        return EXIT_USAGE
    for warning in draft.warnings:
        _err(f"warning: {warning}")
    output.write_bytes(render(draft, args.format))
    print(f"letter: wrote {args.kind} ({args.lang}, {args.format}) for case {case.pk} to {output}")
    return EXIT_OK


def _import(args: argparse.Namespace, what: str) -> int:
    setup_django()
    from unionwatch.advocacy.importer import ImportError_, import_contacts, import_countries

    func = import_countries if what == "countries" else import_contacts
    try:
        result = func(Path(args.csv))
    except ImportError_ as exc:
        _err(str(exc))
        return EXIT_USAGE
    for error in result.errors:
        _err(error)
    print(f"import {what}: {result.created} created, {result.updated} updated, "
          f"{len(result.errors)} rejected")
    return EXIT_INPUT if result.errors else EXIT_OK


def register(add_verb) -> None:
    sub = add_verb("letter", cmd_letter,
                   "draft an urgent appeal, press release or ILO complaint from a case file")
    sub.add_argument("case_id", type=int, metavar="CASE_ID")
    sub.add_argument("--kind", choices=["appeal", "press", "cfa"], required=True)
    sub.add_argument("--lang", choices=["en", "fr", "de", "es"], default="en")
    sub.add_argument("--format", choices=FORMATS, default="pdf")
    sub.add_argument("-o", "--output", required=True, metavar="FILE")
    sub.add_argument("--date", help="date of the letter, YYYY-MM-DD (default today)")

    sub = add_verb("import-countries", lambda a: _import(a, "countries"),
                   "import country profiles (ratifications of C87, C98, C105, C135, C151, C154) from CSV")
    sub.add_argument("csv", metavar="CSV")
    sub = add_verb("import-contacts", lambda a: _import(a, "contacts"),
                   "import the directory of government contacts from CSV")
    sub.add_argument("csv", metavar="CSV")
