"""Values that sources disagree on: every source's value is kept as a ValueClaim, and
a fact whose claims cannot all be true is flagged `conflicted`."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Model

from unionwatch.facts.models import Evidence, ValueClaim, parse_partial_date

# Reports of one incident may be a few days apart (the day of a report, a time zone);
# further apart, they are different incidents.
CLOSE_DAYS = 3


def dates_compatible(a: str, b: str) -> bool:
    """One date refines the other (2017 / 2017-07 / 2017-07-25), or one is unknown."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def close_dates(a: str, b: str) -> bool:
    """Two full dates, different but within CLOSE_DAYS."""
    if len(a) != 10 or len(b) != 10:
        return False
    da, db = parse_partial_date(a), parse_partial_date(b)
    return bool(da and db) and abs((da - db).days) <= CLOSE_DAYS


def values_conflict(field: str, a: str, b: str) -> bool:
    if field == "date":
        return not dates_compatible(a, b)
    return a != b


def record_claim(fact: Model, field: str, value: str | None, evidence: Evidence) -> None:
    """Keep this source's value and refresh the fact's conflict flag."""
    if not value:
        return
    ValueClaim.objects.create(fact=fact, field=field, value=str(value)[:100], evidence=evidence)
    refresh_conflict(fact)


def refresh_conflict(fact: Model) -> None:
    """Set the fact's `conflicted` flag from its claims."""
    flagged = has_conflict(fact)
    if flagged != fact.conflicted:
        fact.conflicted = flagged
        fact.save(update_fields=["conflicted", "updated"])


def has_conflict(fact: Model) -> bool:
    """Whether any two sources disagree. Compares distinct values only and loads no
    documents: this runs for every claim stored during ingest."""
    values: dict[str, set[str]] = defaultdict(set)
    for field, value in fact.claims.values_list("field", "value").distinct():
        values[field].add(value)
    return conflicting(values)


def conflicting(values: dict[str, set[str]]) -> bool:
    """Whether two of these distinct values per field cannot both be true."""
    return any(
        values_conflict(field, a, b)
        for field, distinct in values.items()
        for a in distinct
        for b in distinct
        if a < b
    )


def conflicts_of(fact: Model) -> dict[str, list[ValueClaim]]:
    """Per field with disagreeing sources, every claim (value + its evidence)."""
    by_field: dict[str, list[ValueClaim]] = defaultdict(list)
    for claim in fact.claims.select_related("evidence__document").order_by("id"):
        by_field[claim.field].append(claim)
    return {
        field: claims for field, claims in by_field.items()
        if any(values_conflict(field, a.value, b.value) for a in claims for b in claims)
    }
