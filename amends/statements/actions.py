"""Writes for accountability statements: drafting, versions, publishing, deletion."""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection

from django.db import transaction

from amends.coaching import access as coaching_access
from amends.coaching.actions import erase_notes
from amends.coaching.review import PlacedFinding
from amends.library.actions import do_publish, do_withdraw
from amends.members.models import Member
from amends.statements.access import latest_version, read_version
from amends.statements.models import Statement, StatementVersion
from amends.statements.sections import SECTION_KEYS, SECTION_TITLES, SECTIONS
from amends.vault import api as vault
from amends.vault import versions


class NotReadyToPublish(Exception):
    def __init__(
        self, empty_titles: list[str], unacknowledged: list[PlacedFinding] | None = None
    ) -> None:
        self.empty_titles = empty_titles
        self.unacknowledged = unacknowledged or []
        if empty_titles:
            message = "Write something in each part first. Still empty: " + ", ".join(empty_titles)
        else:
            message = (
                "The coach still raises something you have not edited, dismissed or "
                "acknowledged: " + "; ".join(f.label for f in self.unacknowledged)
            )
        super().__init__(message)


def _normalised(sections: dict[str, str]) -> dict[str, str]:
    return {key: (sections.get(key) or "").replace("\r\n", "\n") for key in SECTION_KEYS}


def do_start_statement(member: Member) -> Statement:
    return Statement.objects.create(author=member)


def do_save_draft(
    holder: vault.Keyholder,
    statement: Statement,
    sections: dict[str, str],
    *,
    origin: str = StatementVersion.Origin.SAVE,
) -> StatementVersion:
    """Keep the sections as a version; returns the version that now holds them."""
    document = json.dumps(_normalised(sections), ensure_ascii=False)
    return versions.keep_text(
        holder,
        statement,
        lambda: latest_version(statement),
        lambda number: StatementVersion(id=uuid.uuid4(), statement=statement, number=number),
        document,
        origin,
    )


def do_restore_version(
    holder: vault.Keyholder, statement: Statement, version: StatementVersion
) -> StatementVersion:
    return do_save_draft(
        holder, statement, read_version(holder, version), origin=StatementVersion.Origin.RESTORE
    )


def empty_sections(sections: dict[str, str]) -> list[str]:
    return [section.title for section in SECTIONS if not sections.get(section.key, "").strip()]


def unacknowledged_findings(
    holder: vault.Keyholder,
    statement: Statement,
    sections: dict[str, str],
    acknowledged: Collection[str],
) -> list[PlacedFinding]:
    """What the coach still raises in these sections that the member has neither
    dismissed with a reason nor acknowledged one by one."""
    review = coaching_access.review_for(
        holder, statement.author_id, statement.id, SECTION_TITLES, sections
    )
    return [placed for placed in review.open_findings() if placed.key not in acknowledged]


def do_publish_statement(
    holder: vault.Keyholder,
    statement: Statement,
    tag_slugs: list[str],
    *,
    acknowledged: Collection[str],
) -> Statement:
    """Publish the latest version under a new pseudonym, replacing any earlier publication.

    The library promises that each statement was written with a coach, so the coach
    reviews exactly the version being published: every detail, failure pattern and
    missing element it raises must have been dismissed with a reason or acknowledged.
    """
    version = latest_version(statement)
    sections = read_version(holder, version) if version else dict.fromkeys(SECTION_KEYS, "")
    empty = empty_sections(sections)
    if empty:
        raise NotReadyToPublish(empty)
    unacknowledged = unacknowledged_findings(holder, statement, sections, acknowledged)
    if unacknowledged:
        raise NotReadyToPublish([], unacknowledged)
    with transaction.atomic():
        previous = statement.publication
        statement.publication = do_publish({k: v.strip() for k, v in sections.items()}, tag_slugs)
        statement.save(update_fields=["publication", "updated"])
        if previous is not None:
            do_withdraw(previous)
    return statement


def do_unpublish_statement(statement: Statement) -> None:
    with transaction.atomic():
        publication = statement.publication
        statement.publication = None
        statement.save(update_fields=["publication", "updated"])
        if publication is not None:
            do_withdraw(publication)


def do_delete_statement(statement: Statement) -> None:
    """Delete the statement, its public copy, and every version's keys and ciphertext."""
    with transaction.atomic():
        do_unpublish_statement(statement)
        items = [version.content for version in statement.versions.select_related("content")]
        erase_notes(statement.id)
        statement.delete()
        for item in items:
            vault.destroy_text(item)


def erase_statements(member: Member) -> None:
    for statement in Statement.objects.filter(author=member).select_related("publication"):
        do_delete_statement(statement)
