"""The library: the public copies of published accountability statements."""

from __future__ import annotations

import hashlib

from django.db import models

from amends.library.cards import stored_tags
from amends.library.tags import TagChoice


class Tag(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=60)
    group = models.CharField(max_length=20)

    class Meta:
        ordering = ["group", "label"]

    def __str__(self) -> str:
        return self.label


class ListedPublications(models.Manager["Publication"]):
    """The library as readers see it: a statement hidden pending review is not in it."""

    def get_queryset(self) -> models.QuerySet[Publication]:
        return super().get_queryset().filter(hidden=False)


class AllPublications(models.Manager["Publication"]):
    """Hidden statements included: for the moderators who review them, nothing else."""


class Publication(models.Model):
    """A published statement, as readers see it.

    It holds nothing about its author: no member, no handle, no exact time. The
    author's Statement points here, not the other way round, so that the library's
    queries and pages cannot reach the member even by mistake.
    """

    public_id = models.CharField(max_length=16, unique=True)
    pseudonym = models.CharField(max_length=60)
    # The first day of the month it was published: no finer date is ever stored.
    published_month = models.DateField()
    what_i_did = models.TextField()
    known_impact = models.TextField()
    responsibility = models.TextField()
    repair = models.TextField()
    change = models.TextField()
    # What a card in a listing shows (cards.py), stored at publishing so that a listing
    # reads two short columns and never the five sections.
    title = models.CharField(max_length=200, default="")
    excerpt = models.CharField(max_length=300, default="")
    tags = models.ManyToManyField(Tag, blank=True, related_name="publications")
    # The card's tags too, as their slugs separated by spaces (cards.card_tags): a
    # listing reads them with the row instead of joining the tags in a second query.
    # Tags are chosen once, at publishing; `tags` is what filters search.
    card_tags = models.CharField(max_length=400, default="")
    # All sections in one column, for PostgreSQL's full-text index and SQLite's FTS5 table.
    search_document = models.TextField()
    # Hidden at once when a reader says it identifies them or someone they know, until
    # a moderator restores it or takes it down. `objects` never returns a hidden
    # statement, so no listing, search or page can show one by forgetting a filter;
    # the review reads it through `including_hidden`.
    hidden = models.BooleanField(default=False)

    objects = ListedPublications()
    including_hidden = AllPublications()

    class Meta:
        # Newest first; the id breaks ties within a month without storing a time.
        ordering = ["-published_month", "-id"]
        indexes = [
            # The order the library is read in, over listed statements only: the first
            # page and every keyset page after it are a walk down this index.
            models.Index(
                models.F("published_month").desc(),
                models.F("id").desc(),
                name="library_listed_order",
                condition=models.Q(hidden=False),
            ),
            # The few statements hidden pending review. A tag filter counts its
            # matches in the tags table and leaves these out, instead of reading each
            # match's row for `hidden`: a row is several KB (the sections, the search
            # document and vector), and SQLite keeps `hidden`, added later, past them
            # on overflow pages.
            models.Index(fields=["id"], name="library_hidden_ids", condition=models.Q(hidden=True)),
        ]

    def __str__(self) -> str:
        return f"{self.pseudonym}, {self.published_month:%B %Y}"

    def shown_tags(self) -> list[TagChoice]:
        """Its tags as its page shows them, read from the row (no join)."""
        return stored_tags(self.card_tags)

    def sections(self) -> list[tuple[str, str]]:
        from amends.library.sections import SECTIONS

        return [(section.title, getattr(self, section.key)) for section in SECTIONS]


class Withdrawal(models.Model):
    """That a published statement was withdrawn, so that an old link says so.

    It keeps only a digest of the withdrawn copy's public id: not the id itself (a
    copy of the database does not list old addresses), no date, no text, and no
    link to any statement or member.
    """

    public_id_digest = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return "withdrawn statement"

    @staticmethod
    def digest(public_id: str) -> str:
        return hashlib.sha256(public_id.encode()).hexdigest()
