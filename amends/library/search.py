"""Full-text search over the library, behind one interface for both databases.

SQLite uses an FTS5 table (library_search) whose rowid is the publication's id;
PostgreSQL uses its own text search over a stored tsvector column (search_vector,
generated from search_document, under a GIN index). Views and actions call only the
functions below.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection, connections, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from amends.library.models import Publication

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
# Ranking reads every match it ranks: a word found in half of 100,000 statements would
# cost fifty thousand scores per page. Relevance is ranked among the newest this many
# matches (the page says so when it matters), which keeps a search's cost flat as the
# library grows; newest-first order reads every match. Each score costs about 1.5 µs
# with FTS5's bm25 (it reads the statement's length from the index) and more with
# PostgreSQL's ts_rank: at 1,000 the ranking was half of a search page's time in the
# server; at 500 a search costs about what two pages of the listing do, and every
# query whose matches are fewer is ranked whole.
RELEVANCE_MATCHES = 500
# On SQLite, bm25 first counts, for each word of the query, every statement in the
# index that holds it (its rarity), however few matches it then ranks: for two common
# words 0.45 ms at 10,000 statements and 2.2 ms at 100,000, growing with the library.
# A second index, library_search_recent, holds every listed statement from some point
# on and at most this many: when the newest RELEVANCE_MATCHES matches all lie in it, as
# they do for any common query, they are ranked there, and rarity is counted among these
# statements only. A rarer query reaches further back and is ranked in the whole index.
RECENT_STATEMENTS = 5000
_INDEXES = ("library_search_recent", "library_search")
# The listed order, as the partial index library_listed_order holds it.
LISTED_ORDER = ("-published_month", "-id")


def _terms(query: str) -> list[str]:
    return _WORD.findall(query.casefold())[:MAX_TERMS]


def has_words(query: str) -> bool:
    """Whether the query searches at all (a query of punctuation matches everything)."""
    return bool(_terms(query))


def index_publication(publication: Publication) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for index in _INDEXES:
                cursor.execute(f"DELETE FROM {index} WHERE rowid = %s", [publication.pk])
            cursor.execute(
                "INSERT INTO library_search (rowid, document) VALUES (%s, %s)",
                [publication.pk, publication.search_document],
            )
            _index_recent(cursor, publication)


def _index_recent(cursor: Any, publication: Publication) -> None:
    """Add a listed statement to the recent index when it belongs there.

    The recent index always holds every listed statement from its oldest row on, so
    that its newest matches are the library's newest matches. A new statement always
    belongs; a statement restored after review belongs only if it is no older than that
    oldest row (or the recent index is empty and no listed statement is newer).
    """
    cursor.execute("SELECT rowid FROM library_search_recent ORDER BY rowid LIMIT 1")
    oldest = cursor.fetchone()
    if oldest is not None and publication.pk < oldest[0]:
        return
    if oldest is None:
        cursor.execute(
            "SELECT 1 FROM library_publication WHERE NOT hidden AND id > %s LIMIT 1",
            [publication.pk],
        )
        if cursor.fetchone() is not None:
            return
    cursor.execute(
        "INSERT INTO library_search_recent (rowid, document) VALUES (%s, %s)",
        [publication.pk, publication.search_document],
    )
    # The oldest rows beyond the limit leave it (their words stay in the whole index).
    cursor.execute(
        "DELETE FROM library_search_recent WHERE rowid < (SELECT rowid FROM"
        " library_search_recent ORDER BY rowid DESC LIMIT 1 OFFSET %s)",
        [RECENT_STATEMENTS - 1],
    )


def fill_recent(*, using: str = "default") -> None:
    """Fill the recent index afresh from the library's newest listed statements (after a
    bulk load that wrote the whole index directly)."""
    target = connections[using]
    if target.vendor == "sqlite":
        with target.cursor() as cursor:
            cursor.execute("DELETE FROM library_search_recent")
            cursor.execute(
                "INSERT INTO library_search_recent (rowid, document) SELECT id, search_document"
                " FROM library_publication WHERE NOT hidden ORDER BY id DESC LIMIT %s",
                [RECENT_STATEMENTS],
            )


def unindex_publication(publication_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for index in _INDEXES:
                cursor.execute(f"DELETE FROM {index} WHERE rowid = %s", [publication_id])


def prune_index(*, using: str = "default") -> None:
    """Drop index rows whose publication is gone (a database flush empties only Django's tables)."""
    target = connections[using]
    if target.vendor == "sqlite":
        with target.cursor() as cursor:
            for index in _INDEXES:
                cursor.execute(
                    f"DELETE FROM {index} WHERE rowid NOT IN (SELECT id FROM library_publication)"
                )


def purge_withdrawn_text(*, using: str = "default") -> None:
    """Leave no word of a withdrawn statement in the SQLite files; call on withdrawal.

    Withdrawal is the remedy when a published statement turns out to identify
    someone, so none of its words may stay behind. Deleting an FTS5 row only adds a
    delete marker: the statement's stemmed words stay in the older index segments
    (secure_delete cannot reach them, and SQLite 3.40 has no FTS5 secure-delete).
    'optimize' merges every segment into one without them, and secure_delete then
    zeroes the freed pages. It rewrites the whole index, so its cost grows with the
    library: about 0.3 s with 3,000 statements and 0.9 s with 10,000, against 0.03 s
    for the delete alone (bench/search_withdrawal.py). 'merge' is as cheap as the
    delete but leaves every word; 'rebuild' also purges, at two to six times the
    cost. The recent index is purged the same way; it never holds more than
    RECENT_STATEMENTS, so it adds at most what 5,000 statements cost (about 0.45 s).
    Withdrawals are rare; a library that grows large belongs on PostgreSQL.

    The write-ahead log still holds copies of the pages the words were written to,
    so once the withdrawal has committed the log is checkpointed into the database
    and truncated.
    """
    target = connections[using]
    if target.vendor != "sqlite":
        return
    with target.cursor() as cursor:
        # The recent index too: it held the newest statements, this one most likely.
        for index in _INDEXES:
            cursor.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")

    def truncate_log() -> None:
        with target.cursor() as cursor:
            # Waits for readers through the busy timeout; if some reader still holds
            # old frames, the next withdrawal's checkpoint takes them.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    transaction.on_commit(truncate_log, using=using)


def _fts5_match(terms: list[str]) -> str:
    return " AND ".join('"' + term.replace('"', "") + '"' for term in terms)


def search(publications: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    """Publications matching every word of the query (words are stemmed; order kept).

    The reader's text never reaches either engine's query syntax: it is split into
    words, and each word is quoted (FTS5) or passed as plain text (PostgreSQL), so
    that "NEAR(", quotes or a stray "*" cannot cause an error or a broad match.

    The match is a join inside the one SQL query (FTS5's table, or PostgreSQL's
    stored search_vector under its GIN index), so the engine limits and orders the
    results: no list of matching ids ever comes back to Python.
    """
    tables, where, params = match_sql(query)
    if not where:
        return publications
    # Constant SQL from match_sql; the reader's words go in as parameters.
    return publications.extra(tables=tables, where=where, params=params)  # noqa: S610


def match_sql(query: str, *, common: bool = False) -> tuple[list[str], list[str], list[Any]]:
    """search()'s match as SQL: the tables to add beside library_publication, the
    conditions and their parameters (nothing at all for a query without words).

    `common`: the query matches more statements than a listing counts (its count was
    capped), and is to be read newest first. On SQLite the join form reads every
    match's row and sorts them all (5.6 ms for 2,500 matches in 10,000 statements);
    for a common query, the matches' ids are listed once from FTS5 and the listed-order
    index is walked until the page is full (0.6 ms), a dozen rows when one statement
    in a hundred matches. For a rare query that walk would cross the whole library,
    so the join stays.
    """
    terms = _terms(query)
    if not terms:
        return [], [], []
    if connection.vendor == "sqlite" and common:
        # The unary + keeps SQLite from reading the matches through the primary key,
        # so that it walks library_listed_order and tests each row against the list.
        return (
            [],
            [
                "+library_publication.id IN "
                "(SELECT rowid FROM library_search WHERE library_search MATCH %s)"
            ],
            [_fts5_match(terms)],
        )
    if connection.vendor == "sqlite":
        return (
            ["library_search"],
            [
                "library_search.rowid = library_publication.id",
                "library_search.library_search MATCH %s",
            ],
            [_fts5_match(terms)],
        )
    return (
        [],
        ["library_publication.search_vector @@ plainto_tsquery('english'::regconfig, %s)"],
        [" ".join(terms)],
    )


def matching_ids(query: str) -> RawSQL:
    """The ids of the statements matching every word of the query, as a subquery for
    an `__in` lookup (hidden statements included on PostgreSQL; the caller leaves them
    out). Read from the search index alone: no statement's row is read.
    """
    terms = _terms(query)
    if connection.vendor == "sqlite":
        return RawSQL(
            "SELECT rowid FROM library_search WHERE library_search MATCH %s", [_fts5_match(terms)]
        )
    return RawSQL(
        "SELECT id FROM library_publication"
        " WHERE search_vector @@ plainto_tsquery('english'::regconfig, %s)",
        [" ".join(terms)],
    )


def relevance_window() -> tuple[int, str]:
    """How far relevance ranking reaches, as the page says it: a number and what of."""
    return RELEVANCE_MATCHES, "matches"


def by_relevance(matching: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    """The matches of search(publications, query), best first: bm25 on SQLite (lower is
    better), ts_rank on PostgreSQL. Ties, common among short statements, fall back to
    newest first. Only the newest RELEVANCE_MATCHES matches are ranked.
    """
    terms = _terms(query)
    if not terms:
        return matching
    # The window is a LIMIT inside a subquery in the listed order: the planner walks the
    # listed-order index with the match and stops at the window's end (or, for a rare
    # word, reads the matches from the search index), and only the window is ranked.
    window = matching.order_by(*LISTED_ORDER).values("pk")[:RELEVANCE_MATCHES]
    # Compiled on its own, the window names library_publication unaliased, so its @@
    # (written against that name in search()) stays inside it: as a queryset in
    # pk__in, Django would alias the inner table and the @@ would test the outer row.
    # Django's compiled SQL, with the reader's words still parameters.
    window_sql, window_params = window.query.sql_with_params()
    if connection.vendor == "sqlite":
        # bm25 needs the FTS5 table in the query that ranks, so the ranking query keeps
        # the match's join (lower is better).
        ranked = matching.extra(  # noqa: S610
            select={"relevance": "bm25(library_search)"},
            where=[f"library_publication.id IN ({window_sql})"],
            params=list(window_params),
        )
        return ranked.order_by("relevance", *LISTED_ORDER)
    ranked = Publication.objects.extra(  # noqa: S610
        select={
            "relevance": "ts_rank(library_publication.search_vector, "
            "plainto_tsquery('english'::regconfig, %s))"
        },
        select_params=[" ".join(terms)],
        where=[f"library_publication.id IN ({window_sql})"],
        params=list(window_params),
    )
    return ranked.order_by("-relevance", *LISTED_ORDER)


def _fts5_alone(query: str, sql: str, extra: list[int]) -> list[tuple[int, ...]] | None:
    """Rows of `sql` on SQLite (its MATCHes first, then `extra`'s parameters); else None."""
    terms = _terms(query)
    if connection.vendor != "sqlite" or not terms:
        return None
    with connection.cursor() as cursor:
        match = _fts5_match(terms)
        # Each MATCH in `sql` takes the same words.
        cursor.execute(sql, [*([match] * sql.count("MATCH")), *extra])
        return [tuple(row) for row in cursor.fetchall()]


def best_ids(query: str, start: int, limit: int) -> list[int] | None:
    """On SQLite, the ids of the best matches from `start`, best first, asked of FTS5
    alone (its rank is bm25; ties go to the later published); None elsewhere, or when
    the query has no words.

    For a search with no tag filter: without the join, FTS5 ranks and limits inside
    its own index. Hidden and withdrawn statements are never in the index (hiding and
    withdrawing unindex them), and the listing still reads only listed rows. The
    window is the newest RELEVANCE_MATCHES matches: FTS5 walks its matches from the
    newest rowid to the window's last one (no score is computed on the way), and ranks
    from there, in the recent index when the window lies within it.
    """
    terms = _terms(query)
    if connection.vendor != "sqlite" or not terms:
        return None
    match = _fts5_match(terms)
    with connection.cursor() as cursor:
        for index in _INDEXES:
            # `index` is one of two constant names; the words go in as parameters.
            cursor.execute(
                f"SELECT rowid FROM {index} WHERE {index} MATCH %s"
                " ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [match, RELEVANCE_MATCHES - 1],
            )
            edge = cursor.fetchone()
            if edge is None and index != "library_search":
                continue  # fewer matches among the recent statements: reach further back
            cursor.execute(
                f"SELECT rowid FROM {index} WHERE {index} MATCH %s AND rowid >= %s"
                " ORDER BY rank, rowid DESC LIMIT %s OFFSET %s",
                [match, edge[0] if edge else 0, limit, start],
            )
            return [row[0] for row in cursor.fetchall()]
    return None


def best_ids_and_count(
    query: str, start: int, limit: int, cap: int
) -> tuple[list[int], int] | None:
    """On PostgreSQL, the ids of the best matches from `start`, best first, and how many
    statements match, counting no further than `cap`; None elsewhere, or when the query
    has no words. For a search with no tag filter.

    One walk down the listed-order index serves both: the newest `cap` matches are
    found once, ranked as they are read (each vector is read once, while in memory),
    counted, and the page is cut from them. Counting and ranking in two queries read
    every vector in the window twice.
    """
    terms = _terms(query)
    if connection.vendor != "postgresql" or not terms:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH newest AS MATERIALIZED ("
            " SELECT id, published_month,"
            " ts_rank(search_vector, plainto_tsquery('english'::regconfig, %s)) AS relevance"
            " FROM library_publication WHERE NOT hidden"
            " AND search_vector @@ plainto_tsquery('english'::regconfig, %s)"
            " ORDER BY published_month DESC, id DESC LIMIT %s) "
            "SELECT (SELECT COUNT(*) FROM newest), ARRAY("
            " SELECT id FROM (SELECT * FROM newest ORDER BY published_month DESC, id DESC"
            " LIMIT %s) AS ranked_window"
            " ORDER BY relevance DESC, published_month DESC, id DESC LIMIT %s OFFSET %s)",
            [" ".join(terms), " ".join(terms), cap, RELEVANCE_MATCHES, limit, start],
        )
        counted, ids = cursor.fetchone()
    return list(ids), int(counted)


def count_matches(query: str, cap: int) -> int | None:
    """How many listed statements match the query, counting no further than `cap`; None
    when the query has no words. For a search with no tag filter.

    SQLite asks FTS5 alone. On PostgreSQL the LIMIT sits inside a subquery in the
    listed order, so that the planner walks the listed-order index with the @@ filter
    and stops at the cap: unordered, it read the table from its oldest rows, testing
    @@ on every one on the way (or built a bitmap over every match).
    """
    if connection.vendor == "sqlite":
        rows = _fts5_alone(
            query,
            "SELECT COUNT(*) FROM (SELECT rowid FROM library_search "
            "WHERE library_search MATCH %s LIMIT %s)",
            [cap],
        )
        return None if rows is None else int(rows[0][0])
    if not _terms(query):
        return None
    matching = search(Publication.objects.all(), query)
    return matching.order_by(*LISTED_ORDER).values("pk")[:cap].count()
