"""Writes for the library: publishing and withdrawing the public copy of a statement."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, Relation, require
from amends.core.reader_cache import forget_pages
from amends.institutions.access import relations_to
from amends.library import search
from amends.library.cards import card_tags, excerpt_of, title_of
from amends.library.models import Publication, Tag, Withdrawal
from amends.library.pseudonyms import new_pseudonym
from amends.library.sections import SECTION_KEYS
from amends.members.models import Member


def do_sync_tags(*, using: str = "default") -> None:
    """Make the Tag table match the controlled vocabulary in tags.py."""
    from amends.library.tags import TAGS

    for choice in TAGS:
        Tag.objects.using(using).update_or_create(
            slug=choice.slug, defaults={"label": choice.label, "group": choice.group}
        )


def do_publish(sections: dict[str, str], tag_slugs: list[str]) -> Publication:
    with transaction.atomic():
        publication = Publication(
            public_id=secrets.token_urlsafe(9),
            pseudonym=new_pseudonym(),
            published_month=timezone.now().date().replace(day=1),
            search_document="\n\n".join(sections[key] for key in SECTION_KEYS),
            title=title_of(sections["what_i_did"]),
            excerpt=excerpt_of(sections["what_i_did"]),
            **{key: sections[key] for key in SECTION_KEYS},
        )
        tags = list(Tag.objects.filter(slug__in=tag_slugs))
        publication.card_tags = card_tags([tag.slug for tag in tags])
        publication.save()
        forget_pages()
        publication.tags.set(tags)
        search.index_publication(publication)
    return publication


def do_withdraw(publication: Publication) -> None:
    with transaction.atomic():
        publication_id = publication.pk
        # First, so that the cached pages go before the write-ahead log is truncated.
        forget_pages()
        Withdrawal.objects.get_or_create(public_id_digest=Withdrawal.digest(publication.public_id))
        publication.delete()
        search.unindex_publication(publication_id)
        search.purge_withdrawn_text()


def do_take_down(actor: Member, publication: Publication, reason: str) -> None:
    """Staff take a statement out of the library (it identifies someone, it breaks the
    rules). The same withdrawal as an author's, so no word stays in the search index,
    and an audit event in the same transaction."""
    relations = relations_to(actor)
    require(relations, Action.TAKE_DOWN, Obj.PUBLICATION)
    role = AuditRole.MODERATOR if Relation.MODERATOR in relations else AuditRole.OPERATOR
    with transaction.atomic():
        audit.record(actor, role, AuditEventType.PUBLICATION_TAKEN_DOWN, publication, reason=reason)
        do_withdraw(publication)


def do_hide_pending_review(publication: Publication, reason: str) -> None:
    """Take a statement out of the library at once, until a moderator decides.

    A reader said it identifies them or someone they know: every listing, search and
    page stops showing it in this transaction. Nobody acted as staff, so the event
    names no actor; above all it never names the reader who asked.
    """
    with transaction.atomic():
        locked = Publication.including_hidden.select_for_update().get(pk=publication.pk)
        if locked.hidden:
            return
        locked.hidden = True
        locked.save(update_fields=["hidden"])
        forget_pages()
        publication.hidden = True
        search.unindex_publication(publication.pk)
        audit.record(
            None, AuditRole.SYSTEM, AuditEventType.PUBLICATION_HIDDEN, publication, reason=reason
        )


def do_restore(actor: Member, publication: Publication, reason: str) -> None:
    """A moderator found that a hidden statement identifies nobody: back into the library."""
    require(relations_to(actor), Action.TAKE_DOWN, Obj.PUBLICATION)
    with transaction.atomic():
        publication.hidden = False
        publication.save(update_fields=["hidden"])
        forget_pages()
        search.index_publication(publication)
        audit.record(
            actor,
            AuditRole.MODERATOR,
            AuditEventType.PUBLICATION_RESTORED,
            publication,
            reason=reason,
        )
