"""Reads of the library: only published statements exist here, so any reader may see them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from amends.core.permissions import Action, Obj, require
from amends.institutions.access import Person, relations_to
from amends.library import pages
from amends.library.cards import tag_labels
from amends.library.models import Publication, Tag, Withdrawal
from amends.library.search import (
    best_ids,
    best_ids_and_count,
    by_relevance,
    count_matches,
    has_words,
    search,
)

# Counting every match costs as much as reading every match: past this many, a
# listing says "more than" instead of counting on. As many as relevance ranks, so that
# on PostgreSQL one walk of the newest matches both counts and ranks; at 1,000 that
# walk (testing each statement's search vector on the way) was most of a search's
# time, and "more than 500" tells a reader as much.
COUNT_CAP = 500
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


def _card(row: tuple[Any, ...]) -> Card:
    id_, public_id, pseudonym, month, title, excerpt, stored_tags = row
    return Card(id_, public_id, pseudonym, month, title, excerpt, tag_labels(stored_tags))


def _capped_count(query: str, tag_slugs: list[str]) -> tuple[int, bool]:
    """How many statements match, up to COUNT_CAP, and whether there are more. Read from
    the tags table and the search index, never down the library."""
    if tag_slugs:
        counted: int | None = pages.count_tagged(
            tag_slugs, query if has_words(query) else "", COUNT_CAP + 1
        )
    else:
        counted = count_matches(query, COUNT_CAP + 1)
    if counted is None:  # a query without words, which matches every statement
        counted = Publication.objects.order_by().values("pk")[: COUNT_CAP + 1].count()
    return min(counted, COUNT_CAP), counted > COUNT_CAP


def _ranked_with_tags(query: str, tag_slugs: list[str]) -> QuerySet[Publication]:
    """A search narrowed by tags, best match first: the one read left to the ORM, whose
    ranking expressions (by_relevance) differ by database."""
    publications = search(Publication.objects.all(), query)
    tagged = Publication.tags.through.objects
    for slug in tag_slugs:
        publications = publications.filter(
            Exists(tagged.filter(publication_id=OuterRef("pk"), tag__slug=slug))
        )
    return by_relevance(publications, query)


def _best(query: str, tag_slugs: list[str], start: int) -> tuple[list[Card], bool, int, bool]:
    """A page of the best matches, whether more follow, and the capped count: from the
    search engine alone when no tag narrows the search (FTS5; on PostgreSQL one walk
    that ranks and counts)."""
    size = settings.AMENDS_LIBRARY_PAGE_SIZE
    ids: list[int] | None = None
    counted: int | None = None
    if not tag_slugs:
        found = best_ids_and_count(query, start, size + 1, COUNT_CAP + 1)
        if found is not None:
            ids, counted = found
        else:
            ids = best_ids(query, start, size + 1)
    if counted is None:
        count, capped = _capped_count(query, tag_slugs)
    else:
        count, capped = min(counted, COUNT_CAP), counted > COUNT_CAP
    if ids is None:
        ranked = _ranked_with_tags(query, tag_slugs)
        rows = [_card(row) for row in ranked.values_list(*CARD_COLUMNS)[start : start + size + 1]]
        return rows[:size], len(rows) > size, count, capped
    place = {id_: n for n, id_ in enumerate(ids)}
    cards = sorted((_card(row) for row in pages.rows_by_id(ids)), key=lambda c: place[c.id])
    return cards[:size], len(ids) > size, count, capped


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
    tag_slugs = list(tag_slugs or [])
    size = settings.AMENDS_LIBRARY_PAGE_SIZE
    number = max(1, number)
    newer: Cursor | None = None
    previous_number = next_number = None
    if order == RELEVANCE and query:
        number = min(number, MAX_NUMBERED_PAGE)
        rows, more, count, capped = _best(query, tag_slugs, (number - 1) * size)
        previous_number = number - 1 or None
        next_number = number + 1 if more and number < MAX_NUMBERED_PAGE else None
        return Listing(rows, number, None, None, previous_number, next_number, count, capped)
    # The whole library's size is not shown (a reader pages through it by date), so
    # only a search or a filter pays for a count.
    count, capped = _capped_count(query, tag_slugs) if query or tag_slugs else (0, True)
    # The count says how often matches come: read them in the form that suits.
    matching = pages.matching(query, tag_slugs, common=capped, few=not capped)
    # One row more than a page, to know whether another follows.
    if numbered:
        # An old numbered link: read it by OFFSET (bounded), then carry on with cursors.
        number = min(number, MAX_NUMBERED_PAGE)
        found = matching.rows(limit=size + 1, offset=(number - 1) * size)
        more, has_newer = len(found) > size, number > 1
    elif after is not None:
        # Newer statements than the cursor: read upwards, then turn the page round.
        beyond = (pages.NEWER, after.month, after.id)
        found = matching.rows(beyond=beyond, oldest_first=True, limit=size + 1)
        has_newer, more = len(found) > size, True
        found = found[:size][::-1]
        number = number if has_newer else 1
    else:
        beyond_older = (pages.OLDER, before.month, before.id) if before else None
        found = matching.rows(beyond=beyond_older, limit=size + 1)
        more, has_newer = len(found) > size, before is not None
        number = number if before else 1
    rows = [_card(row) for row in found[:size]]
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
