"""Reads of the library: only published statements exist here, so any reader may see them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from amends.core.permissions import Action, Obj, require
from amends.institutions.access import Person, relations_to
from amends.library.cards import tag_labels
from amends.library.models import Publication, Tag, Withdrawal
from amends.library.search import (
    best_ids,
    best_ids_and_count,
    by_relevance,
    count_matches,
    has_words,
    matching_ids,
    search,
)

# Counting every match costs as much as reading every match: past this many, a
# listing says "more than" instead of counting on.
COUNT_CAP = 1000
# Numbered pages (?page=N) skip rows with OFFSET, whose cost grows with N: they are
# kept for relevance order and for old links, and stop here. Newest-first pages
# beyond the first are reached by keyset links, which cost the same at any depth.
MAX_NUMBERED_PAGE = 50
NEWEST = "newest"
RELEVANCE = "relevance"
# What a card shows; a listing never reads the five sections or the search document.
CARD_COLUMNS = (
    "id",
    "public_id",
    "pseudonym",
    "published_month",
    "title",
    "excerpt",
    "card_tags",
)


@dataclass(frozen=True)
class Card:
    """A statement as a listing shows it: plain values, read by two narrow queries."""

    id: int
    public_id: str
    pseudonym: str
    published_month: datetime.date
    title: str
    excerpt: str
    tags: list[str]


@dataclass(frozen=True)
class Cursor:
    """A position in the newest-first order: a statement's month and id."""

    month: datetime.date
    id: int

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}.{self.id}"

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        """The cursor in a page link, or None for anything else (a reader may edit links)."""
        if not text:
            return None
        month, _, id_text = text.partition(".")
        try:
            return cls(datetime.datetime.strptime(month, "%Y-%m").date(), int(id_text))
        except ValueError:
            return None

    @classmethod
    def of(cls, card: Card) -> Cursor:
        return cls(card.published_month, card.id)


@dataclass(frozen=True)
class Listing:
    """One page of the library, with what its links need."""

    publications: list[Card]
    number: int
    # Keyset links for newest order (the cursor to continue from), numbers for relevance.
    newer: Cursor | None
    older: Cursor | None
    previous_number: int | None
    next_number: int | None
    count: int
    count_is_capped: bool

    @property
    def pages(self) -> int | None:
        if self.count_is_capped:
            return None
        return max(1, -(-self.count // settings.AMENDS_LIBRARY_PAGE_SIZE))


def _tag_ids(tag_slugs: list[str]) -> list[int]:
    """The chosen tags' ids, in the reader's order; 0 (no tag) for a slug not in the table."""
    if not tag_slugs:
        return []
    found = dict(Tag.objects.filter(slug__in=tag_slugs).values_list("slug", "id"))
    return [found.get(slug, 0) for slug in tag_slugs]


def _matching(
    query: str, tag_ids: list[int], *, common: bool = False, few: bool = False
) -> QuerySet[Publication]:
    """The listed statements matching a search and carrying every chosen tag.

    Once the count is known, the form follows it. `common` (the count was capped):
    walk the listed-order index, where matches come often, and stop when a page is
    full. `few` (at most COUNT_CAP match): read the matches themselves, found from the
    tags table, and order them; walking would cross the whole library looking for
    them.
    """
    publications = Publication.objects.all()
    if query:
        publications = search(publications, query, common=common)
    tagged = Publication.tags.through.objects
    if few and tag_ids:
        return publications.filter(pk__in=_carrying(tag_ids).values("publication_id"))
    for tag_id in tag_ids:
        # As EXISTS, not a join, so that the database walks the listed-order index and
        # stops once a page is full, instead of collecting every tagged statement and
        # sorting them all.
        publications = publications.filter(
            Exists(tagged.filter(publication_id=OuterRef("pk"), tag_id=tag_id))
        )
    return publications


def _carrying(tag_ids: list[int]) -> QuerySet[Any]:
    """The tags table's rows of the first tag whose statement carries every other tag."""
    tagged = Publication.tags.through.objects
    rows = tagged.filter(tag_id=tag_ids[0])
    for tag_id in tag_ids[1:]:
        rows = rows.filter(publication_id__in=tagged.filter(tag_id=tag_id).values("publication_id"))
    return rows


def _count_tagged(tag_ids: list[int], query: str, cap: int) -> int:
    """How many listed statements carry every one of these tags, counting to `cap`.

    Read from the tags table alone rather than down the listed order: the first
    tag's statements, kept where they also carry each other tag and are not among the
    few hidden pending review (library_hidden_ids). Walking the listed order tested
    every statement in the library on the way to the cap when the tags are rare
    together; joining each match's row to read `hidden` cost a row read per match.
    A withdrawn statement's tags go with it.
    """
    # Written as SQL: built through the ORM, this count's subqueries cost more time
    # in Python than the database took to answer it.
    if connection.vendor == "postgresql":
        # Each further tag is probed row by row through the (statement, tag) index, so
        # the count stops at the cap. As IN or EXISTS, PostgreSQL hashed every statement
        # of the other tag first, a cost that grows with the library: 1.0 ms at 10,000
        # statements and 6.0 ms at 100,000, against 1.7 and 2.1 ms this way.
        also = (
            " CROSS JOIN LATERAL (SELECT 1 FROM library_publication_tags u"
            " WHERE u.publication_id = t.publication_id AND u.tag_id = %s LIMIT 1) AS also_{}"
        )
        joins = "".join(also.format(n) for n in range(len(tag_ids) - 1))
        # Only constant SQL is joined here; the tag ids go in as parameters.
        sql = "SELECT COUNT(*) FROM (SELECT t.publication_id FROM library_publication_tags t"
        sql += joins + " WHERE t.tag_id = %s"
        params: list[Any] = [*tag_ids[1:], tag_ids[0]]
    else:
        # SQLite lists the other tags' statements once each (integers from an index)
        # and tests the first tag's rows against them.
        others = " AND t.publication_id IN (SELECT publication_id FROM library_publication_tags"
        others += " WHERE tag_id = %s)"
        sql = (
            "SELECT COUNT(*) FROM (SELECT t.publication_id FROM library_publication_tags t"
            " WHERE t.tag_id = %s" + others * (len(tag_ids) - 1)
        )
        params = list(tag_ids)
    sql += " AND t.publication_id NOT IN (SELECT id FROM library_publication WHERE hidden)"
    if query:
        # With a search, the tagged statements that are also among the search index's
        # matches: the index answers without reading any statement's row.
        among = matching_ids(query)
        sql += f" AND t.publication_id IN ({among.sql})"
        params += among.params
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT %s) AS counted", [*params, cap])
        return int(cursor.fetchone()[0])


def _cards(publications: QuerySet[Publication]) -> list[Card]:
    """The cards of these (sliced) publications, read in one query."""
    return [
        Card(id_, public_id, pseudonym, month, title, excerpt, tag_labels(stored_tags))
        for id_, public_id, pseudonym, month, title, excerpt, stored_tags in (
            publications.values_list(*CARD_COLUMNS)
        )
    ]


def _capped_count(query: str, tag_ids: list[int]) -> tuple[int, bool]:
    """How many statements match, up to COUNT_CAP, and whether there are more. Read from
    the tags table and the search index, never down the library."""
    if tag_ids:
        counted: int | None = _count_tagged(
            tag_ids, query if has_words(query) else "", COUNT_CAP + 1
        )
    else:
        counted = count_matches(query, COUNT_CAP + 1)
    if counted is None:  # a query without words, which matches every statement
        counted = Publication.objects.order_by().values("pk")[: COUNT_CAP + 1].count()
    return min(counted, COUNT_CAP), counted > COUNT_CAP


def _page(publications: QuerySet[Publication], start: int = 0) -> tuple[list[Card], bool]:
    """A page of cards from `start`, and whether more follow (one row more is read)."""
    size = settings.AMENDS_LIBRARY_PAGE_SIZE
    rows = _cards(publications[start : start + size + 1])
    return rows[:size], len(rows) > size


def _best(
    matching: QuerySet[Publication], query: str, tag_ids: list[int], start: int
) -> tuple[list[Card], bool, int, bool]:
    """A page of the best matches, whether more follow, and the capped count: from the
    search engine alone when no tag narrows the search (FTS5; on PostgreSQL one walk
    that ranks and counts)."""
    size = settings.AMENDS_LIBRARY_PAGE_SIZE
    ids: list[int] | None = None
    counted: int | None = None
    if not tag_ids:
        found = best_ids_and_count(query, start, size + 1, COUNT_CAP + 1)
        if found is not None:
            ids, counted = found
        else:
            ids = best_ids(query, start, size + 1)
    if counted is None:
        count, capped = _capped_count(query, tag_ids)
    else:
        count, capped = min(counted, COUNT_CAP), counted > COUNT_CAP
    if ids is None:
        rows, more = _page(by_relevance(matching, query), start)
        return rows, more, count, capped
    place = {id_: n for n, id_ in enumerate(ids)}
    cards = sorted(_cards(Publication.objects.filter(pk__in=ids)), key=lambda c: place[c.id])
    return cards[:size], len(ids) > size, count, capped


# Row-value comparisons: both databases seek straight to the cursor in the listed-order index.
_OLDER = "(library_publication.published_month, library_publication.id) < (%s, %s)"
_NEWER = "(library_publication.published_month, library_publication.id) > (%s, %s)"


def _beyond(
    publications: QuerySet[Publication], cursor: Cursor, where: str
) -> QuerySet[Publication]:
    # `where` is one of the two constants above; the cursor goes in as parameters.
    return publications.extra(where=[where], params=[cursor.month, cursor.id])  # noqa: S610


def listing(
    query: str = "",
    tag_slugs: list[str] | None = None,
    *,
    order: str = NEWEST,
    before: Cursor | None = None,
    after: Cursor | None = None,
    number: int = 1,
    numbered: bool = False,
) -> Listing:
    """One page of the library; its cost does not grow with the library's size.

    Newest first, a page is read from the listed-order index: after a cursor (older
    statements) or before one (newer), never by skipping rows. Relevance order (only
    with a query) and old numbered links read numbered pages, up to MAX_NUMBERED_PAGE.
    """
    tag_ids = _tag_ids(tag_slugs or [])
    number = max(1, number)
    newer: Cursor | None = None
    previous_number = next_number = None
    if order == RELEVANCE and query:
        number = min(number, MAX_NUMBERED_PAGE)
        start = (number - 1) * settings.AMENDS_LIBRARY_PAGE_SIZE
        rows, more, count, capped = _best(_matching(query, tag_ids), query, tag_ids, start)
        previous_number = number - 1 or None
        next_number = number + 1 if more and number < MAX_NUMBERED_PAGE else None
        return Listing(rows, number, None, None, previous_number, next_number, count, capped)
    # The whole library's size is not shown (a reader pages through it by date), so
    # only a search or a filter pays for a count.
    count, capped = _capped_count(query, tag_ids) if query or tag_ids else (0, True)
    # The count says how often matches come: read them in the form that suits.
    matching = _matching(query, tag_ids, common=capped, few=not capped)
    if numbered:
        # An old numbered link: read it by OFFSET (bounded), then carry on with cursors.
        number = min(number, MAX_NUMBERED_PAGE)
        rows, more = _page(matching, (number - 1) * settings.AMENDS_LIBRARY_PAGE_SIZE)
        has_newer = number > 1
    elif after is not None:
        # Newer statements than the cursor: read upwards, then turn the page round.
        rows, has_newer = _page(_beyond(matching, after, _NEWER).order_by("published_month", "id"))
        rows.reverse()
        more = True
        number = number if has_newer else 1
    else:
        rows, more = _page(_beyond(matching, before, _OLDER) if before else matching)
        has_newer = before is not None
        number = number if before else 1
    if rows and has_newer:
        newer = Cursor.of(rows[0])
    older = Cursor.of(rows[-1]) if rows and more else None
    return Listing(rows, number, newer, older, None, None, count, capped)


class Withdrawn(Exception):
    """The statement at this address was published once, and its author withdrew it."""


def publication_by_public_id(public_id: str) -> Publication:
    """The published statement; raises Withdrawn if its author took it back, else Http404."""
    publication = Publication.objects.filter(public_id=public_id).first()
    if publication is not None:
        return publication
    if Withdrawal.objects.filter(public_id_digest=Withdrawal.digest(public_id)).exists():
        raise Withdrawn
    raise Http404("No such statement")


def publication_for(person: Person, public_id: str, action: Action) -> Publication:
    """A publication the person may do `action` to; reading is open to everyone."""
    publication = publication_by_public_id(public_id)
    # A publication holds no author: no reader, moderator or operator relates to it as
    # its owner. The author withdraws it through their statement (statements.access).
    require(relations_to(person), action, Obj.PUBLICATION)
    return publication


def hidden_publication_for(person: Person, public_id: str) -> Publication:
    """A statement hidden pending review, for the staff who decide whether it returns."""
    require(relations_to(person), Action.TAKE_DOWN, Obj.PUBLICATION)
    publication = Publication.including_hidden.filter(public_id=public_id, hidden=True).first()
    if publication is None:
        raise Http404("No such statement")
    return publication


def hidden_publications(person: Person) -> list[Publication]:
    require(relations_to(person), Action.TAKE_DOWN, Obj.PUBLICATION)
    return list(Publication.including_hidden.filter(hidden=True).order_by("id"))


def all_tags() -> list[Tag]:
    return list(Tag.objects.all())
