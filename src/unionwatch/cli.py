"""The `unionwatch` command: one entry point for the store, the UI, the API and workers.

Verbs and flags follow shared/spec/cli.md. `extract` and `eval` never start Django.
Exit codes: 0 success, 1 some input failed (the rest was processed), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

# Apps add their own verbs: each module has `register(add_verb)` where
# `add_verb(name, func, help) -> argparse.ArgumentParser`. Verb functions take the
# parsed args and return an exit code; they call `setup_django()` first if they need it.
VERB_MODULES: tuple[str, ...] = (
    "unionwatch.advocacy.cli",
    "unionwatch.accounts.cli",
    "unionwatch.audit.cli",
    "unionwatch.jobs.cli",
    "unionwatch.search.cli",
)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionwatch.settings")
    import django

    django.setup()


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# --- verbs that touch no database -------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from unionwatch.core import ReadError, extract, read_path
    from unionwatch.core.types import DocumentMeta

    if not args.json:
        _err("unionwatch extract: only --json output is available; add --json")
        return EXIT_USAGE
    status = EXIT_OK
    for raw_path in args.paths:
        try:
            result = extract(read_path(raw_path)).to_dict()
        except ReadError as exc:
            _err(str(exc))
            result = {"document": {"path": raw_path}, "error": exc.reason}
            status = EXIT_INPUT
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            _err(f"{raw_path}: extraction failed: {type(exc).__name__}: {exc}")
            result = {"document": DocumentMeta(path=raw_path).__dict__, "error": str(exc)}
            status = EXIT_INPUT
        print(json.dumps(result, ensure_ascii=False))
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    from unionwatch.core.evaluate import evaluate, format_report

    for path in (args.docs_dir, args.gold_dir):
        if not Path(path).is_dir():
            _err(f"{path}: not a directory")
            return EXIT_USAGE
    report = evaluate(Path(args.docs_dir), Path(args.gold_dir))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, verbose=args.verbose))
    return EXIT_OK


# --- verbs on the store -------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.bootstrap import ensure_database, ensure_first_admin

    ensure_database(verbose=not args.quiet)
    created, username, password = ensure_first_admin()
    if created:
        print(f"Created the first admin account. Log in as {username!r} with password {password!r}")
        print("(the password is also in the data directory, file initial_admin_password; "
              "change it and delete that file for real use)")
    elif not args.quiet:
        print("Database ready; an admin account already exists.")
    return EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings

    from unionwatch.documents.ingest import count_files, ingest_paths
    from unionwatch.web.progress import progress_printer

    if args.batch_size < 1 or (args.workers is not None and args.workers < 1):
        _err("unionwatch ingest: --batch-size and --workers must be at least 1")
        return EXIT_USAGE
    show = sys.stderr.isatty() and not args.quiet
    if settings.BROKER_URL:
        return _ingest_on_workers(args, show)
    total = count_files(args.paths) if show else None
    with progress_printer(enabled=show, total=total) as on_progress:
        summary = ingest_paths(args.paths, confidentiality=args.confidentiality,
                               on_progress=on_progress, batch_size=args.batch_size,
                               workers=args.workers)
    for outcome in summary.failed:
        _err(f"{outcome.path}: {outcome.reason}")
    for note in summary.notes:
        _err(f"unionwatch ingest: {note}")
    print(f"ingest: {summary.line()}")
    return EXIT_INPUT if summary.failed else EXIT_OK


def _ingest_on_workers(args: argparse.Namespace, show: bool) -> int:
    """With a broker: queue jobs of `--batch-size` files for the workers, then wait for them."""
    from unionwatch.jobs.service import ingest_on_workers
    from unionwatch.web.progress import count_printer

    with count_printer("ingest (workers)", enabled=show) as on_tick:
        report = ingest_on_workers(args.paths, args.confidentiality, args.batch_size,
                                   wait=not args.no_wait, on_tick=on_tick)
    for line in report.failures:
        _err(line)
    print(f"ingest: {report.line()}")
    return EXIT_INPUT if report.failures else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.bootstrap import demo_credentials, ensure_database, ensure_first_admin
    from unionwatch.documents.ingest import ingest_paths

    ensure_database(verbose=False)
    ensure_first_admin()
    examples = _examples_dir()
    summary = ingest_paths([examples], confidentiality="public")
    for outcome in summary.failed:
        _err(f"{outcome.path}: {outcome.reason}")
    print(f"demo: examples from {examples}: {summary.line()}")
    __import__("unionwatch.advocacy.demo", fromlist=["x"]).load_example_data()
    username, password = demo_credentials()
    print(f"Open http://{args.host}:{args.port}/ and log in as {username!r} with password {password!r}")
    if args.no_serve:
        return EXIT_OK
    return _serve(args.host, args.port, args.workers)


def _examples_dir() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / "examples" / "documents"
        if candidate.is_dir():
            return candidate
    raise SystemExit("unionwatch demo: the examples/ folder was not found (run from the repository)")


def cmd_serve(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.bootstrap import ensure_database

    ensure_database(verbose=False)
    return _serve(args.host, args.port, args.workers)


def _serve(host: str, port: int, workers: int) -> int:
    from django.core.management import call_command

    from unionwatch.server import run_server

    call_command("collectstatic", interactive=False, verbosity=0)

    run_server(host, port, workers)
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.cases.listing import case_rows

    rows = case_rows()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        victims = ", ".join(v["name"] for v in row["victims"])
        print(f"{row['id']:>4}  {row['title']}  [{row['country']}]  victims: {victims}  "
              f"last event: {row['last_event_date'] or '-'}  next deadline: {row['next_deadline'] or '-'}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.exports import export_csv, export_ftm, export_json

    if args.format == "ics":
        from unionwatch.monitoring.export import export_ics

        return export_ics(args)
    if args.format == "csv":
        text = export_csv(public=args.public)
    elif args.format == "ftm":
        text = export_ftm(public=args.public)
    else:
        text = json.dumps(export_json(public=args.public), ensure_ascii=False, indent=1) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        _err(f"{args.output}: {exc.strerror}")
        return EXIT_USAGE
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.bootstrap import create_user, read_password

    try:
        password = read_password(args.password_file)
        create_user(args.name, args.role, password, organization=args.organization or "")
    except ValueError as exc:
        _err(f"unionwatch user add: {exc}")
        return EXIT_USAGE
    print(f"Created user {args.name!r} with role {args.role}")
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unionwatch", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="data directory (default $UNIONWATCH_DATA_DIR or ./data)")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, func: Callable[[argparse.Namespace], int], help_text: str):
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(func=func)
        return sub

    sub = verb("init", cmd_init, "create or migrate the database; create the first admin")
    sub.add_argument("--quiet", action="store_true")

    sub = verb("demo", cmd_demo, "init, ingest the bundled examples, then serve")
    _server_flags(sub)
    sub.add_argument("--no-serve", action="store_true", help="set up and ingest, then exit")

    _server_flags(verb("serve", cmd_serve, "run the web UI and API on a production-grade server"))

    sub = verb("ingest", cmd_ingest, "ingest files and folders (txt, md, html, pdf, docx, eml)")
    sub.add_argument("paths", nargs="+", metavar="PATH")
    sub.add_argument("--confidentiality", choices=["public", "internal", "restricted"],
                     default="internal")
    sub.add_argument("--quiet", action="store_true", help="no progress bar")
    sub.add_argument("--batch-size", type=int, default=200, metavar="N",
                     help="documents per transaction (per job with a broker)")
    sub.add_argument("--workers", type=int, default=None, metavar="N",
                     help="extraction processes (default: one per CPU)")
    sub.add_argument("--no-wait", action="store_true",
                     help="with a broker: queue the jobs and return at once")

    sub = verb("extract", cmd_extract, "run extraction only (no database); JSON Lines")
    sub.add_argument("paths", nargs="+", metavar="PATH")
    sub.add_argument("--json", action="store_true", help="print JSON Lines (required)")

    sub = verb("eval", cmd_eval, "score extraction against gold files")
    sub.add_argument("docs_dir", metavar="DOCS_DIR")
    sub.add_argument("gold_dir", metavar="GOLD_DIR")
    sub.add_argument("--json", action="store_true")
    sub.add_argument("--verbose", action="store_true", help="per-document misses and false hits")

    sub = verb("cases", cmd_cases, "list cases")
    sub.add_argument("--json", action="store_true")

    sub = verb("export", cmd_export, "export the store")
    sub.add_argument("--format", choices=["json", "csv", "ftm", "ics"], default="json")
    sub.add_argument("--public", action="store_true", help="public facts only, protected redacted")
    sub.add_argument("-o", "--output", metavar="FILE")

    for module_name in VERB_MODULES:
        import importlib

        importlib.import_module(module_name).register(verb)

    user = verb("user", lambda a: EXIT_USAGE, "manage accounts")
    user_verbs = user.add_subparsers(dest="user_verb", required=True)
    sub = user_verbs.add_parser("add", help="create an account")
    sub.set_defaults(func=cmd_user_add)
    sub.add_argument("name")
    sub.add_argument("--role", choices=["admin", "editor", "viewer", "partner"], required=True)
    sub.add_argument("--password-file", help="read the password from this file (else prompt)")
    sub.add_argument("--organization", help="partner organisation")
    return parser


def _server_flags(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--host", default="127.0.0.1")
    sub.add_argument("--port", type=int, default=8000)
    sub.add_argument("--workers", type=int, default=2)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["UNIONWATCH_DATA_DIR"] = str(Path(args.data_dir).expanduser().resolve())
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (`unionwatch extract ... | head`): stop quietly, as Unix tools do
        _silence_stdout()
        return 141


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush raises nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
