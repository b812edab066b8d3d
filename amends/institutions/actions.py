"""Writes for institutions and roles: creating institutions, issuing invitation codes,
redeeming them, revoking roles. Each one is audited in its own transaction."""

from __future__ import annotations

import datetime
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, Relation, require
from amends.institutions.access import relations_to
from amends.institutions.models import INSTITUTIONAL, Institution, Invitation, Role, RoleKind
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


class InvitationRefused(Exception):
    """The code is wrong, used, expired, or tried too often."""


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
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups)


def do_issue_invitation(
    actor: Member, kind: RoleKind, institution: Institution | None
) -> tuple[Invitation, str]:
    """Issue a single-use code for a role; returns the invitation and the code, shown once."""
    if (kind in INSTITUTIONAL) != (institution is not None):
        raise ValueError("facilitators and admins belong to an institution; moderators do not")
    relations = relations_to(actor, institution_id=institution.id if institution else None)
    require(relations, APPOINTING[kind], Obj.INSTITUTION)
    code = new_code()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            institution=institution,
            kind=kind,
            code_lookup=identity.invitation_lookup(code),
            issued_by=actor,
            expires=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        )
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
    # Keyed on the member, never on an address: guessing codes from one account stops.
    throttle_account = f"invitation:{member.id}"
    if throttle.is_throttled(throttle_account):
        raise InvitationRefused(
            "Too many codes that did not work. For safety, wait "
            f"{throttle.minutes_to_wait()} minutes before trying again."
        )
    refused = InvitationRefused(
        "That code does not work. It may be mistyped, used already, or out of date: "
        "ask the person who gave it to you for a new one."
    )
    role = None
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(code_lookup=identity.invitation_lookup(code), used__isnull=True)
            .first()
        )
        if invitation is not None and invitation.expires > timezone.now():
            invitation.used = timezone.now()
            invitation.save(update_fields=["used"])
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
    if role is None:
        # Counted outside the transaction: the database cache would roll back with it.
        throttle.record_failure(throttle_account)
        raise refused
    throttle.clear_failures(throttle_account)
    return role


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
