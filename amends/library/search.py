"""Full-text search over the library, behind one interface for both databases.

SQLite uses an FTS5 table (library_search) whose rowid is the publication's id;
PostgreSQL uses its own text search over an expression index. Views and actions
call only the three functions below.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, connections
from django.db.models import QuerySet

from amends.library.models import Publication

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def _terms(query: str) -> list[str]:
    return _WORD.findall(query.casefold())[:MAX_TERMS]


def index_publication(publication: Publication) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_search WHERE rowid = %s", [publication.pk])
            cursor.execute(
                "INSERT INTO library_search (rowid, document) VALUES (%s, %s)",
                [publication.pk, publication.search_document],
            )


def unindex_publication(publication_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_search WHERE rowid = %s", [publication_id])


def prune_index(*, using: str = "default") -> None:
    """Drop index rows whose publication is gone (a database flush empties only Django's tables)."""
    target = connections[using]
    if target.vendor == "sqlite":
        with target.cursor() as cursor:
            cursor.execute(
                "DELETE FROM library_search WHERE rowid NOT IN (SELECT id FROM library_publication)"
            )


def search(publications: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    """Publications matching every word of the query (words are stemmed; order kept).

    The reader's text never reaches either engine's query syntax: it is split into
    words, and each word is quoted (FTS5) or passed as plain text (PostgreSQL), so
    that "NEAR(", quotes or a stray "*" cannot cause an error or a broad match.
    """
    terms = _terms(query)
    if not terms:
        return publications
    if connection.vendor == "sqlite":
        match = " AND ".join('"' + term.replace('"', "") + '"' for term in terms)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM library_search WHERE library_search MATCH %s", [match]
            )
            ids = [row[0] for row in cursor.fetchall()]
        return publications.filter(pk__in=ids)
    vector = SearchVector("search_document", config="english")
    return publications.annotate(search=vector).filter(
        search=SearchQuery(" ".join(terms), config="english", search_type="plain")
    )
