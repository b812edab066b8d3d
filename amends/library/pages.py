"""The SQL that reads a page of the library: cards, tag filters and their counts.

Written as SQL rather than built through the ORM. For a two-tag filter Django spent
2.3 ms of Python building and compiling a page query the database then answered in
0.1 ms, and half a millisecond more turning the chosen tags' slugs into ids; a first
page spent 0.4 ms building a query of one table. A library page is read by every
reader, so that time was most of the page's cost in the server. Only constant SQL is
joined here: the reader's words, the tags and the cursors always go in as parameters.

The access helpers (access.py) decide what is read; this module only says how.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from amends.library.search import match_sql, matching_ids

# What a card shows, in the order access.Card takes it: never the five sections or the
# search document, which make a row several KB.
CARD_SQL = (
    'SELECT "library_publication"."id", "library_publication"."public_id",'
    ' "library_publication"."pseudonym", "library_publication"."published_month",'
    ' "library_publication"."title", "library_publication"."excerpt",'
    ' "library_publication"."card_tags" FROM "library_publication"'
)
# Written as the partial index library_listed_order is written, so that both databases
# see the index applies.
LISTED = 'NOT "library_publication"."hidden"'
# A tag is named by its slug and found in the tags' own small table by the database:
# its id is never needed in Python.
_TAG_ID = '(SELECT "id" FROM "library_tag" WHERE "slug" = %s)'
# Row-value comparisons: both databases seek straight to the cursor in the listed-order index.
OLDER = '("library_publication"."published_month", "library_publication"."id") < (%s, %s)'
NEWER = '("library_publication"."published_month", "library_publication"."id") > (%s, %s)'
NEWEST_FIRST = (
    ' ORDER BY "library_publication"."published_month" DESC, "library_publication"."id" DESC'
)
OLDEST_FIRST = ' ORDER BY "library_publication"."published_month", "library_publication"."id"'


# How many statements carry each tag, as the library stood a little while ago: only
# the order in which tags are read follows it, never what is found.
_SIZES_SECONDS = 600
_sizes: tuple[float, dict[str, int]] = (-_SIZES_SECONDS, {})


def _tag_sizes() -> dict[str, int]:
    global _sizes
    read_at, sizes = _sizes
    if time.monotonic() - read_at >= _SIZES_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                'SELECT tag.slug, COUNT(*) FROM "library_publication_tags" t'
                ' JOIN "library_tag" tag ON tag.id = t.tag_id GROUP BY tag.slug'
            )
            sizes = {slug: int(count) for slug, count in cursor.fetchall()}
        _sizes = (time.monotonic(), sizes)
    return sizes


def rarest_first(tag_slugs: list[str]) -> list[str]:
    """The tags in the order they are best read: the rarest first (a tag nobody carries
    first of all), so that a filter reads the fewest rows to find its matches."""
    sizes = _tag_sizes()
    return sorted(tag_slugs, key=lambda slug: sizes.get(slug, 0))


def carrying(tag_slugs: list[str]) -> tuple[str, list[Any]]:
    """SQL listing the statements that carry every one of these tags, from the tags
    table alone (hidden statements included: the caller leaves them out).

    The rarest tag's rows are read, and each further tag is probed row by row through
    the (statement, tag) index, so that a count with a LIMIT stops there. Listing the
    other tag's statements first (IN) cost 2.3 ms for two common tags at 10,000
    statements, against 0.7 ms this way; starting from the commoner of a common and a
    rare tag cost 2.5 ms, against a few hundredths from the rare one.
    """
    tag_slugs = rarest_first(tag_slugs)
    if connection.vendor == "postgresql":
        # As IN or EXISTS, PostgreSQL hashed every statement of the other tag first, a
        # cost that grows with the library: 1.0 ms at 10,000 statements and 6.0 ms at
        # 100,000, against 1.7 and 2.1 ms as a lateral probe.
        also = (
            ' CROSS JOIN LATERAL (SELECT 1 FROM "library_publication_tags" u'
            f" WHERE u.publication_id = t.publication_id AND u.tag_id = {_TAG_ID} LIMIT 1)"
            " AS also_{}"
        )
        joins = "".join(also.format(n) for n in range(len(tag_slugs) - 1))
        sql = f'SELECT t.publication_id FROM "library_publication_tags" t{joins}'
        return sql + f" WHERE t.tag_id = {_TAG_ID}", [*tag_slugs[1:], tag_slugs[0]]
    others = (
        ' AND EXISTS (SELECT 1 FROM "library_publication_tags" u'
        f" WHERE u.publication_id = t.publication_id AND u.tag_id = {_TAG_ID})"
    )
    sql = f'SELECT t.publication_id FROM "library_publication_tags" t WHERE t.tag_id = {_TAG_ID}'
    return sql + others * (len(tag_slugs) - 1), list(tag_slugs)


def count_tagged(tag_slugs: list[str], query: str, cap: int) -> int:
    """How many listed statements carry every one of these tags (and match the query,
    when it has words), counting to `cap`.

    Read from the tags table alone rather than down the listed order: the first tag's
    statements, kept where they also carry each other tag and are not among the few
    hidden pending review (library_hidden_ids). Walking the listed order tested every
    statement in the library on the way to the cap when the tags are rare together;
    joining each match's row to read `hidden` cost a row read per match. A withdrawn
    statement's tags go with it.
    """
    sql, params = carrying(tag_slugs)
    sql += ' AND t.publication_id NOT IN (SELECT "id" FROM "library_publication" WHERE "hidden")'
    if query:
        # With a search, the tagged statements that are also among the search index's
        # matches: the index answers without reading any statement's row.
        among = matching_ids(query)
        sql += f" AND t.publication_id IN ({among.sql})"
        params += among.params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT %s) AS counted", [*params, cap])
        return int(cursor.fetchone()[0])


@dataclass
class Matching:
    """The listed statements a page reads from: its tables, conditions and parameters."""

    tables: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=lambda: [LISTED])
    params: list[Any] = field(default_factory=list)

    def rows(
        self,
        *,
        beyond: tuple[str, datetime.date, int] | None = None,
        oldest_first: bool = False,
        limit: int,
        offset: int = 0,
    ) -> list[tuple[Any, ...]]:
        """Card rows, newest first (or oldest first), past a cursor when given."""
        where, params = list(self.where), list(self.params)
        if beyond is not None:
            comparison, month, id_ = beyond
            where.append(comparison)
            params += [month, id_]
        sql = CARD_SQL + "".join(", " + table for table in self.tables)
        sql += " WHERE " + " AND ".join(where)
        sql += OLDEST_FIRST if oldest_first else NEWEST_FIRST
        sql += " LIMIT %s"
        params.append(limit)
        if offset:
            sql += " OFFSET %s"
            params.append(offset)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]


def matching(query: str, tag_slugs: list[str], *, common: bool, few: bool) -> Matching:
    """The listed statements matching a search and carrying every chosen tag.

    Once the count is known, the form follows it. `common` (the count was capped):
    walk the listed-order index, where matches come often, and stop when a page is
    full. `few` (at most the cap match): read the matches themselves, found from the
    tags table, and order them; walking would cross the whole library looking for them.
    """
    found = Matching()
    if query:
        tables, where, params = match_sql(query, common=common)
        found.tables += [f'"{table}"' for table in tables]
        found.where += where
        found.params += params
    if few and tag_slugs:
        sql, params = carrying(tag_slugs)
        found.where.append(f'"library_publication"."id" IN ({sql})')
        found.params += params
        return found
    for slug in rarest_first(tag_slugs):
        # As EXISTS, not a join, so that the database walks the listed-order index and
        # stops once a page is full, instead of collecting every tagged statement and
        # sorting them all.
        found.where.append(
            'EXISTS (SELECT 1 FROM "library_publication_tags" u'
            ' WHERE u.publication_id = "library_publication"."id"'
            f" AND u.tag_id = {_TAG_ID})"
        )
        found.params.append(slug)
    return found


def rows_by_id(ids: list[int]) -> list[tuple[Any, ...]]:
    """The listed card rows of these statements, in no particular order."""
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f'{CARD_SQL} WHERE {LISTED} AND "library_publication"."id" IN ({marks})', ids
        )
        return [tuple(row) for row in cursor.fetchall()]
