"""Who may find what: the search asks accounts.permissions, the one place for access rules."""

from __future__ import annotations

from django.db.models import QuerySet

from unionwatch.documents.models import Confidentiality

ALL_LEVELS = set(Confidentiality.values)


def visible_entries(entries: QuerySet, user) -> QuerySet:
    """Narrow SearchEntry rows to documents `user` may see; `user=None` is the local operator."""
    if user is None:
        return entries
    from unionwatch.accounts.permissions import allowed_levels, is_partner, visible_documents

    # The level check runs on the index row itself (fast, indexed); partners need the
    # slower per-case check on top of it.
    levels = allowed_levels(user)
    if set(levels) != ALL_LEVELS:
        entries = entries.filter(confidentiality__in=levels)
    if is_partner(user):
        entries = entries.filter(document_id__in=visible_documents(user).values("pk"))
    return entries


def engine_levels(user) -> tuple[str, ...] | None:
    """The levels the search engine must keep for `user` (None: every level)."""
    if user is None:
        return None
    from unionwatch.accounts.permissions import allowed_levels

    levels = tuple(allowed_levels(user))
    return None if set(levels) == ALL_LEVELS else levels


def needs_row_check(user) -> bool:
    """Partners see documents case by case: that is checked on rows, not in the engine."""
    if user is None:
        return False
    from unionwatch.accounts.permissions import is_partner

    return is_partner(user)
