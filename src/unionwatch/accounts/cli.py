"""Security verbs: `token create|list|revoke`, `rotate-key`, `confidentiality DOC_ID LEVEL`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unionwatch.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, setup_django


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_token_create(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.models import User
    from unionwatch.accounts.tokens import create_token

    user = User.objects.filter(username=args.user, is_active=True).first()
    if user is None:
        _err(f"unionwatch token create: no active user {args.user!r}")
        return EXIT_USAGE
    scope = "calendar" if args.calendar else "api"
    token = create_token(user, name=args.name or "", scope=scope)
    print(token)
    use = ("Add it to a feed's address as ?token=<token>; it opens the iCal feeds only."
           if args.calendar else "Send it as 'Authorization: Bearer <token>'.")
    print(f"{scope.capitalize()} token for {user.username} ({user.role}); it is shown only "
          f"this once. {use}", file=sys.stderr)
    return EXIT_OK


def cmd_token_list(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.models import ApiToken

    tokens = ApiToken.objects.select_related("user").order_by("user__username", "created")
    if args.user:
        tokens = tokens.filter(user__username=args.user)
    for t in tokens:
        used = t.last_used.strftime("%Y-%m-%d %H:%M") if t.last_used else "never"
        state = "revoked" if t.revoked else "active"
        print(f"{t.prefix}  {t.user.username:<20} {t.scope:<8} {state:<8} last used {used}  "
              f"{t.name}")
    return EXIT_OK


def cmd_token_revoke(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.accounts.models import ApiToken

    tokens = ApiToken.objects.filter(prefix=args.prefix[:8], revoked=False)
    count = tokens.count()
    if count != 1:
        _err(f"unionwatch token revoke: {count} active tokens start with {args.prefix[:8]!r}"
             " (see: unionwatch token list)")
        return EXIT_USAGE
    token = tokens.get()
    token.revoked = True
    token.save(update_fields=["revoked"])
    print(f"revoked {token}")
    return EXIT_OK


def cmd_rotate_key(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.documents.crypto import EncryptionKeyError, rotate_keys

    new_key = None
    if args.new_key_file:
        try:
            new_key = Path(args.new_key_file).read_text().strip().encode()
        except OSError as exc:
            _err(f"{args.new_key_file}: {exc.strerror}")
            return EXIT_USAGE
    try:
        texts, files, where = rotate_keys(new_key)
    except EncryptionKeyError as exc:
        _err(f"unionwatch rotate-key: {exc}")
        return EXIT_USAGE
    from unionwatch.audit.log import record

    record("rotate-key", None, object_type="documents.document",
           detail=f"{texts} texts, {files} files")
    print(f"rotate-key: re-encrypted {texts} restricted texts and {files} files; key: {where}")
    return EXIT_OK


def cmd_confidentiality(args: argparse.Namespace) -> int:
    setup_django()
    from unionwatch.documents.models import Document

    document = Document.objects.filter(pk=args.document_id).first()
    if document is None:
        _err(f"unionwatch confidentiality: no document {args.document_id}")
        return EXIT_INPUT
    set_confidentiality(document, args.level)
    print(f"document {document.pk}: {args.level}")
    return EXIT_OK


def set_confidentiality(document, level: str) -> None:
    """Change a document's level; its text is encrypted or decrypted on save, and the
    search index is redone so no clear text of a now-restricted document stays there."""
    from django.db import transaction

    from unionwatch.search.index import index_documents

    with transaction.atomic():
        document.confidentiality = level
        document.save(update_fields=["confidentiality"])
        index_documents([document.pk])


def register(add_verb) -> None:
    token = add_verb("token", lambda a: EXIT_USAGE, "manage API tokens")
    token_verbs = token.add_subparsers(dest="token_verb", required=True)
    sub = token_verbs.add_parser("create", help="create an API token for a user (printed once)")
    sub.set_defaults(func=cmd_token_create)
    sub.add_argument("user", metavar="USER")
    sub.add_argument("--name", help="what the token is for")
    sub.add_argument("--calendar", action="store_true",
                     help="a token for the iCal feeds only (it goes in the feed's URL)")
    sub = token_verbs.add_parser("list", help="list tokens (prefix, user, state, last use)")
    sub.set_defaults(func=cmd_token_list)
    sub.add_argument("user", metavar="USER", nargs="?")
    sub = token_verbs.add_parser("revoke", help="revoke the token starting with PREFIX")
    sub.set_defaults(func=cmd_token_revoke)
    sub.add_argument("prefix", metavar="PREFIX")

    sub = add_verb("rotate-key", cmd_rotate_key, "re-encrypt restricted texts and files under a new key")
    sub.add_argument("--new-key-file", help="the new Fernet key (required when the key is in "
                                            "UNIONWATCH_ENCRYPTION_KEY)")

    sub = add_verb("confidentiality", cmd_confidentiality, "set a document's confidentiality")
    sub.add_argument("document_id", type=int, metavar="DOC_ID")
    sub.add_argument("level", choices=["public", "internal", "restricted"])
