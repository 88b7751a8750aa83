"""CLI verbs: `search` and `reindex`."""

from __future__ import annotations

import argparse
import json
import sys


def register(add_verb) -> None:
    sub = add_verb("search", cmd_search,
                   "full-text and faceted search over documents and facts the caller may see")
    sub.add_argument("query", metavar="QUERY", help='words (all must match); "a phrase" in quotes')
    sub.add_argument("--country", help="country name, e.g. Kazakhstan")
    sub.add_argument("--type", help="violation type key from the taxonomy, e.g. arrest")
    sub.add_argument("--since", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    sub.add_argument("--until", help="up to this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    sub.add_argument("--organization", help="organisation id or part of its name")
    sub.add_argument("--person", help="person id or part of their name")
    sub.add_argument("--case", help="case id")
    sub.add_argument("--confidentiality", choices=["public", "internal", "restricted"])
    sub.add_argument("--user", help="search as this account (only what it may see); "
                                    "default: the local operator, who sees everything")
    sub.add_argument("--limit", type=int, default=20)
    sub.add_argument("--json", action="store_true", help="print one JSON object")

    sub = add_verb("reindex", cmd_reindex, "rebuild the search index from the database")
    sub.add_argument("--quiet", action="store_true")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    from unionwatch.cli import EXIT_OK, EXIT_USAGE, setup_django

    setup_django()
    from unionwatch.search.query import Filters, SearchError, search

    user = None
    if args.user:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(username=args.user, is_active=True).first()
        if user is None:
            _err(f"unionwatch search: --user: no active account named {args.user!r}")
            return EXIT_USAGE
    try:
        filters = Filters.from_strings(
            country=args.country, type=args.type, since=args.since, until=args.until,
            organization=args.organization, person=args.person, case=args.case,
            confidentiality=args.confidentiality)
    except SearchError as exc:
        _err(f"unionwatch search: {exc}")
        return EXIT_USAGE
    results = search(args.query, filters, user=user, limit=args.limit)
    if args.json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{results.total_text} document{'s' if results.total != 1 else ''} found")
    for hit in results.hits:
        types = ", ".join(sorted({e["type"] for e in hit.events}))
        print(f"{hit.id:>7}  {hit.date or '----------'}  {hit.country or '-':<14} {hit.title}"
              f"{f'  [{types}]' if types else ''}")
        if hit.snippet:
            print(f"         {hit.snippet}")
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    from unionwatch.cli import EXIT_OK, setup_django

    setup_django()
    from unionwatch.search.index import reindex
    from unionwatch.web.progress import count_printer

    with count_printer("reindex", enabled=sys.stderr.isatty() and not args.quiet) as on_progress:
        count = reindex(on_progress=on_progress)
    print(f"reindex: {count} documents indexed")
    return EXIT_OK
