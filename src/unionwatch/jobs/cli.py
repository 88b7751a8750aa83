"""CLI verb: `worker` (a Celery worker for ingestion and other background jobs)."""

from __future__ import annotations

import argparse
import sys


def register(add_verb) -> None:
    sub = add_verb("worker", cmd_worker, "run an ingestion worker (needs UNIONWATCH_BROKER_URL)")
    sub.add_argument("--concurrency", type=int, default=0,
                     help="worker processes (default: one per CPU)")
    sub.add_argument("--loglevel", default="INFO")


def cmd_worker(args: argparse.Namespace) -> int:
    from unionwatch.cli import EXIT_OK, EXIT_USAGE, setup_django

    setup_django()
    from django.conf import settings

    if not settings.BROKER_URL:
        print("unionwatch worker: UNIONWATCH_BROKER_URL is not set (e.g. redis://127.0.0.1:6379/0)",
              file=sys.stderr)
        return EXIT_USAGE
    # No migrations here: several workers may start at once; `unionwatch init` migrates.
    from unionwatch.celery_app import app

    argv = ["worker", f"--loglevel={args.loglevel}", "--without-gossip", "--without-mingle"]
    if args.concurrency > 0:
        argv.append(f"--concurrency={args.concurrency}")
    app.worker_main(argv)
    return EXIT_OK
