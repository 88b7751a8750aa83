"""One search interface, two engines: SQLite FTS5 and PostgreSQL full-text search.

Domain code calls `get_backend()` and never asks which database it runs on; this
module is the one place that does. Both backends receive text already folded to
ASCII (see `fold_for_index`), so accents, Cyrillic and case behave the same on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from django.db import connection as default_connection
from django.db.models import QuerySet

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def fold_for_index(text: str) -> str:
    """Lower-case ASCII, the form both engines index and query."""
    return anyascii(text or "").lower()


@dataclass(frozen=True)
class ParsedQuery:
    """All of these must match: single words, and phrases (words in this order)."""

    groups: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> ParsedQuery:
        groups = []
        for phrase, word in _TOKEN.findall(text or ""):
            words = tuple(_WORD.findall(fold_for_index(phrase or word)))
            if words:
                groups.append(words)
        return cls(tuple(groups))

    @property
    def words(self) -> list[str]:
        return [w for group in self.groups for w in group]

    def __bool__(self) -> bool:
        return bool(self.groups)


class SearchBackend:
    """What the index and the search need from an engine."""

    def create_schema(self, schema_editor) -> None:
        raise NotImplementedError

    def drop_schema(self, schema_editor) -> None:
        raise NotImplementedError

    def write(self, rows: list[tuple[int, str]]) -> None:
        """Store or replace the folded text of these documents: (document id, text)."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def matching(self, entries: QuerySet, query: ParsedQuery, walk_dates: bool = False) -> QuerySet:
        """Narrow a SearchEntry queryset to the documents matching every group of words."""
        raise NotImplementedError

    def restrict(self, entries: QuerySet, subquery: QuerySet | tuple[str, list], walk_dates: bool) -> QuerySet:
        """Keep the entries whose document id the subquery (a one-column queryset, or SQL
        and parameters) returns. `walk_dates`: so many match that walking the date index
        newest first beats fetching every match and sorting it."""
        sql, params = _sql(subquery)
        return entries.extra(where=[f'"search_searchentry"."document_id" IN ({sql})'], params=params)


class SQLiteFTS5Backend(SearchBackend):
    TABLE = "search_fts"

    def create_schema(self, schema_editor) -> None:
        # rowid = document id. Porter stemming: "arrested" finds "arrest".
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.TABLE} USING fts5("
            "body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )

    def drop_schema(self, schema_editor) -> None:
        schema_editor.execute(f"DROP TABLE IF EXISTS {self.TABLE}")

    def write(self, rows: list[tuple[int, str]]) -> None:
        if not rows:
            return
        with default_connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.TABLE} WHERE rowid = %s", [(pk,) for pk, _ in rows])
            cursor.executemany(f"INSERT INTO {self.TABLE}(rowid, body) VALUES (%s, %s)", rows)

    def clear(self) -> None:
        with default_connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.TABLE}")

    def matching(self, entries: QuerySet, query: ParsedQuery, walk_dates: bool = False) -> QuerySet:
        # Words are [a-z0-9]+ only, so quoting them makes a safe FTS5 expression.
        expression = " AND ".join('"' + " ".join(group) + '"' for group in query.groups)
        sql = f"SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s"
        return self.restrict(entries, (sql, [expression]), walk_dates)

    def restrict(self, entries: QuerySet, subquery, walk_dates: bool) -> QuerySet:
        sql, params = _sql(subquery)
        # SQLite would fetch every match by id and sort them all. A unary + makes the
        # id test non-indexable, so it walks the date index instead and stops after a page.
        plus = "+" if walk_dates else ""
        return entries.extra(where=[f'{plus}"search_searchentry"."document_id" IN ({sql})'],
                             params=params)


class PostgresBackend(SearchBackend):
    CONFIG = "english"  # stems like FTS5's porter tokenizer

    def create_schema(self, schema_editor) -> None:
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_vector_gin "
            "ON search_searchentry USING gin (vector)"
        )

    def drop_schema(self, schema_editor) -> None:
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")

    def write(self, rows: list[tuple[int, str]]) -> None:
        if not rows:
            return
        with default_connection.cursor() as cursor:
            cursor.execute(
                "UPDATE search_searchentry AS e SET vector = to_tsvector(%s::regconfig, v.body) "
                "FROM unnest(%s::bigint[], %s::text[]) AS v(id, body) WHERE e.document_id = v.id",
                [self.CONFIG, [pk for pk, _ in rows], [body for _, body in rows]],
            )

    def clear(self) -> None:
        with default_connection.cursor() as cursor:
            cursor.execute("UPDATE search_searchentry SET vector = NULL")

    def matching(self, entries: QuerySet, query: ParsedQuery, walk_dates: bool = False) -> QuerySet:
        from django.contrib.postgres.search import SearchQuery

        # Words are [a-z0-9]+ only, so this raw tsquery is well formed.
        raw = " & ".join("(" + " <-> ".join(group) + ")" for group in query.groups)
        return entries.filter(vector=SearchQuery(raw, search_type="raw", config=self.CONFIG))


def _sql(subquery) -> tuple[str, list]:
    if isinstance(subquery, QuerySet):
        sql, params = subquery.query.sql_with_params()
        return sql, list(params)
    return subquery[0], list(subquery[1])


_BACKENDS: dict[str, type[SearchBackend]] = {
    "sqlite": SQLiteFTS5Backend,
    "postgresql": PostgresBackend,
}


def get_backend(connection=None) -> SearchBackend:
    """The backend for this database connection: the one place that looks at the vendor."""
    vendor = (connection or default_connection).vendor
    try:
        return _BACKENDS[vendor]()
    except KeyError:
        raise RuntimeError(f"search: no full-text backend for database {vendor!r}") from None
