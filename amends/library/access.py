"""Reads of the library: only published statements exist here, so any reader may see them."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from amends.core.permissions import Action, Obj, require
from amends.institutions.access import Person, relations_to
from amends.library.models import Publication, Tag, Withdrawal
from amends.library.search import search


def published(query: str = "", tag_slugs: list[str] | None = None) -> QuerySet[Publication]:
    publications = Publication.objects.all()
    if query:
        publications = search(publications, query)
    for slug in tag_slugs or []:
        # One filter (one join) per tag: a statement must carry every chosen tag. Slugs
        # are unique, so each join matches at most one row and no DISTINCT is needed.
        publications = publications.filter(tags__slug=slug)
    return publications.prefetch_related("tags")


class Withdrawn(Exception):
    """The statement at this address was published once, and its author withdrew it."""


def publication_by_public_id(public_id: str) -> Publication:
    """The published statement; raises Withdrawn if its author took it back, else Http404."""
    publication = Publication.objects.prefetch_related("tags").filter(public_id=public_id).first()
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
