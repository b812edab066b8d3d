"""Reads of statements, always through the author's right to them.

A statement that is not the member's own does not exist for them: every helper
raises Http404, never 403, so that guessing ids tells an attacker nothing.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from amends.core.permissions import Action, Obj, require
from amends.institutions.access import Person, relations_to
from amends.library.models import Publication
from amends.members.models import Member
from amends.statements.models import Statement, StatementVersion
from amends.statements.sections import FORMER_KEYS, SECTION_KEYS, SECTION_TITLES
from amends.vault import api as vault


def statements_of(member: Member) -> list[Statement]:
    return list(Statement.objects.filter(author=member))


def is_author_of(member: Member, publication: Publication) -> bool:
    """Whether this member's statement is the one published as `publication`.

    Registered with the library (library.authorship) for apps that must know, such as
    responses, without the publication ever holding its author.
    """
    return Statement.objects.filter(author=member, publication_id=publication.pk).exists()


def statement_for(
    person: Person, statement_id: uuid.UUID | str, action: Action = Action.READ
) -> Statement:
    """A statement the person may do `action` to (core.permissions); 404 otherwise."""
    try:
        statement = Statement.objects.select_related("publication").get(pk=statement_id)
    except (Statement.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such statement") from None
    require(relations_to(person, owner_id=statement.author_id), action, Obj.STATEMENT_DRAFT)
    return statement


def statement_for_author(
    member: Member, statement_id: uuid.UUID | str, action: Action = Action.EDIT
) -> Statement:
    return statement_for(member, statement_id, action)


def version_of(statement: Statement, number: int) -> StatementVersion:
    try:
        return statement.versions.select_related("content").get(number=number)
    except StatementVersion.DoesNotExist:
        raise Http404("No such version") from None


def latest_version(statement: Statement) -> StatementVersion | None:
    return statement.versions.select_related("content").order_by("-number").first()


def versions_of(statement: Statement) -> list[StatementVersion]:
    return list(statement.versions.all())


def read_version(holder: vault.Keyholder, version: StatementVersion) -> dict[str, str]:
    document = json.loads(version.read(holder))
    for former, key in FORMER_KEYS.items():
        if former in document and key not in document:
            document[key] = document.pop(former)
    return {key: str(document.get(key, "")) for key in SECTION_KEYS}


def read_latest(holder: vault.Keyholder, statement: Statement) -> dict[str, str]:
    version = latest_version(statement)
    return read_version(holder, version) if version else dict.fromkeys(SECTION_KEYS, "")


def export_statements(holder: vault.Keyholder, member: Member) -> list[dict[str, Any]]:
    """Every version of every statement the member started, decrypted, for their export."""
    exported = []
    for statement in statements_of(member):
        publication = statement.publication
        exported.append(
            {
                "started": statement.created.date().isoformat(),
                "published": (
                    {
                        "pseudonym": publication.pseudonym,
                        "month": publication.published_month.strftime("%Y-%m"),
                    }
                    if publication
                    else None
                ),
                "versions": [
                    {
                        "number": version.number,
                        "saved": version.saved.isoformat(timespec="seconds"),
                        "how": version.get_origin_display(),
                        "sections": read_version(holder, version),
                    }
                    for version in sorted(versions_of(statement), key=lambda v: v.number)
                ],
            }
        )
    return exported


def space_context(holder: vault.Keyholder, member: Member) -> dict[str, object]:
    """My space lists statements by their opening words, decrypted for their author."""
    return {"statements": statements_with_openings(holder, member)}


def readable_statements(statements: list[dict[str, Any]]) -> str:
    """Each statement with its newest version first, under the headings of the editor."""
    if not statements:
        return "## Accountability statements\n\nYou had not started one."
    parts = ["## Accountability statements"]
    for number, statement in enumerate(statements, start=1):
        published = statement["published"]
        status = (
            f"Published in the library as {published['pseudonym']}, {published['month']}."
            if published
            else "Never published."
        )
        parts.append(f"### Statement {number}, started {statement['started']}\n\n{status}")
        for version in reversed(statement["versions"]):
            parts.append(
                f"#### Version {version['number']}, saved {version['saved']} ({version['how']})"
            )
            for key, title in SECTION_TITLES:
                text = version["sections"].get(key, "").strip()
                parts.append(f"**{title}**\n\n{text or '(empty)'}")
    return "\n\n".join(parts)


OPENING_WORDS = 8


def opening_of(holder: vault.Keyholder, statement: Statement) -> str:
    """The first words the member wrote, so their statements read as theirs in a list.

    Decrypted for the author only, while they are logged in; never stored.
    """
    sections = read_latest(holder, statement)
    text = next((t for t in (sections[key].strip() for key in SECTION_KEYS) if t), "")
    words = text.split()
    if not words:
        return ""
    opening = " ".join(words[:OPENING_WORDS])
    return opening + "\u2026" if len(words) > OPENING_WORDS else opening


def statements_with_openings(
    holder: vault.Keyholder, member: Member
) -> list[tuple[Statement, str]]:
    return [(statement, opening_of(holder, statement)) for statement in statements_of(member)]
