"""Writes for institutions and roles: creating institutions, issuing invitation codes,
redeeming them, revoking roles. Each one is audited in its own transaction."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, Relation, require
from amends.institutions.access import relations_to
from amends.institutions.models import (
    INSTITUTIONAL,
    CaseKind,
    Institution,
    Invitation,
    Role,
    RoleKind,
    SingleUseCode,
)
from amends.members import identity, throttle
from amends.members.models import Member

INVITATION_DAYS = 14
# Groups of four from an alphabet without look-alikes (no 0/O, 1/I/L): easy to read
# out over the phone, 80 bits of entropy.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 4

APPOINTING = {
    RoleKind.INSTITUTION_ADMIN: Action.APPOINT_ADMIN,
    RoleKind.MODERATOR: Action.APPOINT_MODERATOR,
    RoleKind.FACILITATOR: Action.APPOINT_FACILITATOR,
}


C = TypeVar("C", bound=SingleUseCode)
T = TypeVar("T")


class InvitationRefused(Exception):
    """The code is wrong, used, expired, or tried too often."""


class ProfileIncomplete(Exception):
    """An institution cannot accept requests before its notice says what happens to them."""


def _role_for_audit(relations: set[Relation]) -> AuditRole:
    if Relation.INSTITUTION_ADMIN in relations:
        return AuditRole.INSTITUTION_ADMIN
    if Relation.OPERATOR in relations:
        return AuditRole.OPERATOR
    return AuditRole.SYSTEM


def _unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "institution"
    slug, n = base, 2
    while Institution.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def do_create_institution(
    operator: Member, *, name: str, kind: str, jurisdiction: str, accepts_requests: bool = False
) -> Institution:
    relations = relations_to(operator)
    require(relations, Action.CREATE, Obj.INSTITUTION)
    with transaction.atomic():
        institution = Institution.objects.create(
            slug=_unique_slug(name),
            name=name,
            kind=kind,
            jurisdiction=jurisdiction,
            accepts_requests=accepts_requests,
        )
        audit.record(
            operator,
            AuditRole.OPERATOR,
            AuditEventType.INSTITUTION_CREATED,
            institution,
            institution_id=institution.id,
        )
    return institution


def new_code() -> str:
    groups = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS)]
    return "-".join(groups)


def issue_code(
    model: type[C], issued_by: Member, *, days: int = INVITATION_DAYS, **fields: Any
) -> tuple[C, str]:
    """A new single-use code of `model` (a SingleUseCode); the code is returned, never stored.

    Call inside the issuing action's transaction, which also records the audit event.
    """
    code = new_code()
    issued = model._default_manager.create(
        code_lookup=identity.invitation_lookup(code),
        issued_by=issued_by,
        expires=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )
    return issued, code


def claim_code(codes: QuerySet[C], member: Member, code: str, redeem: Callable[[C], T]) -> T:
    """Use a single-use code from `codes` once, and return what `redeem` makes of it.

    The code row is locked and marked used in the same transaction as `redeem` runs
    in, so two people typing the same code at once cannot both get what it gives.
    If `redeem` raises, everything rolls back and the code stays usable. Failures are
    throttled per account (never per address), across every kind of code.
    """
    # Keyed on the member, never on an address: guessing codes from one account stops.
    throttle_account = f"invitation:{member.id}"
    if throttle.is_throttled(throttle_account):
        raise InvitationRefused(
            "Too many codes that did not work. For safety, wait "
            f"{throttle.minutes_to_wait()} minutes before trying again."
        )
    claimed = False
    with transaction.atomic():
        found = (
            codes.select_for_update()
            .filter(code_lookup=identity.invitation_lookup(code), used__isnull=True)
            .first()
        )
        if found is not None and found.expires > timezone.now():
            found.used = timezone.now()
            found.save(update_fields=["used"])
            result = redeem(found)
            claimed = True
    if not claimed:
        # Counted outside the transaction: the database cache would roll back with it.
        throttle.record_failure(throttle_account)
        raise InvitationRefused(
            "That code does not work. It may be mistyped, used already, or out of date: "
            "ask the person who gave it to you for a new one."
        )
    throttle.clear_failures(throttle_account)
    return result


def do_issue_invitation(
    actor: Member, kind: RoleKind, institution: Institution | None
) -> tuple[Invitation, str]:
    """Issue a single-use code for a role; returns the invitation and the code, shown once."""
    if (kind in INSTITUTIONAL) != (institution is not None):
        raise ValueError("facilitators and admins belong to an institution; moderators do not")
    relations = relations_to(actor, institution_id=institution.id if institution else None)
    require(relations, APPOINTING[kind], Obj.INSTITUTION)
    with transaction.atomic():
        invitation, code = issue_code(Invitation, actor, institution=institution, kind=kind)
        audit.record(
            actor,
            _role_for_audit(relations),
            AuditEventType.INVITATION_ISSUED,
            invitation,
            institution_id=institution.id if institution else None,
            reason=str(kind),
        )
    return invitation, code


def do_redeem_invitation(member: Member, code: str) -> Role:
    """Give the member the role the code stands for. The code works once."""

    def give_role(invitation: Invitation) -> Role:
        try:
            with transaction.atomic():
                role = Role.objects.create(
                    member=member, institution=invitation.institution, kind=invitation.kind
                )
        except IntegrityError:
            # The whole redemption rolls back: the code stays usable by someone else.
            raise InvitationRefused("You already hold this role.") from None
        audit.record(
            member,
            AuditRole(str(invitation.kind)),
            AuditEventType.ROLE_GRANTED,
            role,
            institution_id=invitation.institution_id,
            reason="invitation",
        )
        return role

    return claim_code(Invitation.objects.all(), member, code, give_role)


def do_revoke_role(actor: Member, role: Role) -> None:
    relations = relations_to(actor, owner_id=role.member_id, institution_id=role.institution_id)
    require(relations, Action.REVOKE, Obj.ROLE)
    with transaction.atomic():
        audit.record(
            actor,
            _role_for_audit(relations),
            AuditEventType.ROLE_REVOKED,
            role,
            institution_id=role.institution_id,
            reason=str(role.kind),
        )
        role.delete()


def do_revoke_invitation(actor: Member, invitation: Invitation) -> None:
    relations = relations_to(actor, institution_id=invitation.institution_id)
    require(relations, Action.REVOKE, Obj.INVITATION)
    with transaction.atomic():
        audit.record(
            actor,
            _role_for_audit(relations),
            AuditEventType.ROLE_REVOKED,
            invitation,
            institution_id=invitation.institution_id,
            reason="invitation_withdrawn",
        )
        invitation.delete()


PROFILE_FIELDS = (
    "accepted_kinds",
    "confidentiality_notice",
    "reporting_duties",
    "escalation_contacts",
    "crisis_resources",
    "support_offered",
    "accepts_requests",
)


def do_update_profile(admin: Member, institution: Institution, **profile: Any) -> Institution:
    """Change the institution's public profile. Audited; names which parts changed."""
    relations = relations_to(admin, institution_id=institution.id)
    require(relations, Action.EDIT, Obj.INSTITUTION)
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not part of a profile: {sorted(unknown)}")
    kinds = [
        CaseKind(kind).value for kind in profile.get("accepted_kinds", institution.accepted_kinds)
    ]
    profile["accepted_kinds"] = kinds
    with transaction.atomic():
        locked = Institution.objects.select_for_update().get(pk=institution.pk)
        changed = [name for name, value in profile.items() if getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, profile[name])
        if {"confidentiality_notice", "reporting_duties"} & set(changed):
            locked.notice_updated = timezone.now()
            changed.append("notice_updated")
        if locked.accepts_requests and not locked.can_accept_requests:
            raise ProfileIncomplete(
                "To accept requests, write the confidentiality notice, the reporting duties "
                "and the escalation contacts, and choose at least one kind of case."
            )
        if changed:
            locked.save(update_fields=changed)
            audit.record(
                admin,
                _role_for_audit(relations),
                AuditEventType.INSTITUTION_UPDATED,
                locked,
                institution_id=locked.id,
                reason="notice" if "notice_updated" in changed else "profile",
            )
    return locked
