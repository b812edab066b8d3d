"""Reads of impact statements and of what their authors shared.

An impact statement that is not the member's own does not exist for them: every
helper raises Http404, never 403, so that guessing ids tells nobody anything. The
decision is the permissions table's (core.permissions); for a shared version the
vault adds its own: only a facilitator it was wrapped for can open it.

Public helpers (the cases app reads shares through these):

- `impact_statement_for(person, statement_id, action)`: the member's own statement.
- `latest_version`, `version_of`, `versions_of`, `read_version(holder, version)`.
- `shares_of(statement)`: what its author has shared and not taken back.
- `shared_with(person, institution=None, case_id=None)`: the shares a facilitator
  may read now: they were named when it was shared, and they are still a facilitator
  of its institution. A case passes its institution and its id.
- `share_for(person, share_id, action)`: one share, for its author or one of its
  readers; `read_shared(holder, share)` opens its version.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from amends.core.permissions import Action, Obj, Relation, require
from amends.impact.models import ImpactShare, ImpactShareReader, ImpactStatement, ImpactVersion
from amends.institutions.access import Person, relations_to
from amends.institutions.models import Institution, Role, RoleKind
from amends.members.models import Member
from amends.vault import api as vault


def impact_statements_of(member: Member) -> list[ImpactStatement]:
    return list(ImpactStatement.objects.filter(author=member))


def impact_statement_for(
    person: Person, statement_id: uuid.UUID | str, action: Action = Action.READ
) -> ImpactStatement:
    """An impact statement the person may do `action` to; 404 otherwise."""
    try:
        statement = ImpactStatement.objects.get(pk=statement_id)
    except (ImpactStatement.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such impact statement") from None
    require(relations_to(person, owner_id=statement.author_id), action, Obj.IMPACT_STATEMENT)
    return statement


def latest_version(statement: ImpactStatement) -> ImpactVersion | None:
    return statement.versions.select_related("content").order_by("-number").first()


def version_of(statement: ImpactStatement, number: int) -> ImpactVersion:
    try:
        return statement.versions.select_related("content").get(number=number)
    except ImpactVersion.DoesNotExist:
        raise Http404("No such version") from None


def versions_of(statement: ImpactStatement) -> list[ImpactVersion]:
    return list(statement.versions.all())


def read_version(holder: vault.Keyholder, version: ImpactVersion) -> str:
    return version.read(holder)


def read_latest(holder: vault.Keyholder, statement: ImpactStatement) -> str:
    version = latest_version(statement)
    return read_version(holder, version) if version else ""


def shares_of(statement: ImpactStatement) -> list[ImpactShare]:
    """The active shares of a statement, for its author (who was checked by the caller)."""
    return list(
        statement.shares.filter(revoked__isnull=True).select_related("institution", "version")
    )


def facilitators_of(institution: Institution) -> list[Member]:
    """Who holds the facilitator role at the institution now."""
    return [
        role.member
        for role in Role.objects.filter(
            institution=institution, kind=RoleKind.FACILITATOR
        ).select_related("member")
    ]


def _is_reader(person: Person, share: ImpactShare) -> bool:
    return (
        isinstance(person, Member)
        and ImpactShareReader.objects.filter(
            share=share, reader=person, revoked__isnull=True
        ).exists()
    )


def share_for(
    person: Person, share_id: uuid.UUID | str, action: Action = Action.READ
) -> ImpactShare:
    """An active share the person may do `action` to; 404 otherwise.

    The table lets the facilitators of the share's institution read it; of those,
    only the ones it was shared with may, because only they hold a key.
    """
    try:
        share = ImpactShare.objects.select_related("statement", "version", "institution").get(
            pk=share_id, revoked__isnull=True
        )
    except (ImpactShare.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("Nothing shared here") from None
    relations = relations_to(
        person, owner_id=share.statement.author_id, institution_id=share.institution_id
    )
    require(relations, action, Obj.SHARED_IMPACT_STATEMENT)
    if Relation.OWNER not in relations and not _is_reader(person, share):
        raise Http404("Nothing shared here")
    return share


def shared_with(
    person: Person, *, institution: Institution | None = None, case_id: uuid.UUID | None = None
) -> list[ImpactShare]:
    """The active shares the person may read as a facilitator, newest first.

    With `institution` or `case_id`, only those shared with that institution or case.
    """
    if not isinstance(person, Member):
        return []
    shares = ImpactShare.objects.filter(
        revoked__isnull=True,
        readers__reader=person,
        readers__revoked__isnull=True,
        # Still a facilitator there: a role that ended opens nothing, even if a
        # key was somehow left behind.
        institution__roles__member=person,
        institution__roles__kind=RoleKind.FACILITATOR,
    )
    if institution is not None:
        shares = shares.filter(institution=institution)
    if case_id is not None:
        shares = shares.filter(case_id=case_id)
    return list(shares.select_related("institution", "version").distinct())


def read_shared(holder: vault.Keyholder, share: ImpactShare) -> str:
    return read_version(holder, share.version)


def export_impact_statements(holder: vault.Keyholder, member: Member) -> list[dict[str, Any]]:
    """Every version of every impact statement, decrypted, and what is shared, for the export."""
    return [
        {
            "started": statement.created.date().isoformat(),
            "versions": [
                {
                    "number": version.number,
                    "saved": version.saved.isoformat(timespec="seconds"),
                    "how": version.get_origin_display(),
                    "text": read_version(holder, version),
                }
                for version in sorted(versions_of(statement), key=lambda v: v.number)
            ],
            "shared": [
                {
                    "with": f"facilitators of {share.institution.name}",
                    "case": str(share.case_id) if share.case_id else None,
                    "version": share.version.number,
                    "since": share.shared.isoformat(timespec="seconds"),
                }
                for share in shares_of(statement)
            ],
        }
        for statement in impact_statements_of(member)
    ]


def space_context(holder: vault.Keyholder, member: Member) -> dict[str, object]:
    """My space lists impact statements by the date they were started, not by their first
    words as statements are: a glance at someone's screen should not read what was done
    to them. The words are one click away, in the editor."""
    return {
        "impact_statements": impact_statements_of(member),
        "shared_with_me": len(shared_with(member)),
    }


def readable_impact_statements(statements: list[dict[str, Any]]) -> str:
    """Each impact statement with its newest version first, and what is shared."""
    if not statements:
        return "## Impact statements\n\nYou had not started one."
    parts = ["## Impact statements"]
    for number, statement in enumerate(statements, start=1):
        parts.append(f"### Impact statement {number}, started {statement['started']}")
        shared = [
            f"version {share['version']} with the {share['with']}, since {share['since']}"
            for share in statement["shared"]
        ]
        parts.append("Shared: " + "; ".join(shared) + "." if shared else "Never shared.")
        for version in reversed(statement["versions"]):
            parts.append(
                f"#### Version {version['number']}, saved {version['saved']} ({version['how']})"
                f"\n\n{version['text'].strip() or '(empty)'}"
            )
    return "\n\n".join(parts)
