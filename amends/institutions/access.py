"""Reads of institutions and roles, and how a person relates to an object.

`relations_to()` is the one place that turns a login into relations
(amends.core.permissions.Relation) for a given object: every app's access helpers
call it with what they know of the object (who owns it, which institution it
belongs to) and then ask the permissions table.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from amends.core.audit import AuditEvent
from amends.core.permissions import Action, Obj, Relation, base_relations, require
from amends.institutions.models import Institution, Invitation, Role, RoleKind
from amends.members.models import Member

Person = Member | AnonymousUser | None


def relations_to(
    person: Person, *, owner_id: uuid.UUID | None = None, institution_id: uuid.UUID | None = None
) -> set[Relation]:
    relations = base_relations(person, owner_id)
    if not isinstance(person, Member) or Relation.ANONYMOUS in relations:
        return relations
    for kind, held_at in Role.objects.filter(member=person).values_list("kind", "institution_id"):
        if kind == RoleKind.MODERATOR:
            relations.add(Relation.MODERATOR)
        elif kind == RoleKind.FACILITATOR:
            here = institution_id is not None and held_at == institution_id
            relations.add(Relation.FACILITATOR if here else Relation.OTHER_FACILITATOR)
        elif kind == RoleKind.INSTITUTION_ADMIN and held_at == institution_id:
            relations.add(Relation.INSTITUTION_ADMIN)
    return relations


def roles_of(member: Member) -> list[Role]:
    return list(Role.objects.filter(member=member).select_related("institution"))


def is_moderator(member: Member) -> bool:
    return Role.objects.filter(member=member, kind=RoleKind.MODERATOR).exists()


def institutions_accepting_requests() -> list[Institution]:
    return list(Institution.objects.filter(accepts_requests=True))


def institutions_taking_cases() -> list[Institution]:
    """Those that accept requests and whose profile says, before anyone asks, what is
    kept confidential and what must be reported (G5)."""
    return [i for i in institutions_accepting_requests() if i.can_accept_requests]


def all_institutions(person: Person) -> list[Institution]:
    """Every institution, for operators."""
    require(relations_to(person), Action.CREATE, Obj.INSTITUTION)
    return list(Institution.objects.all())


def institution_by_slug(slug: str) -> Institution:
    try:
        return Institution.objects.get(slug=slug)
    except Institution.DoesNotExist:
        raise Http404 from None


def institution_for(person: Person, slug: str, action: Action) -> Institution:
    """An institution the person may do `action` to; 404 otherwise."""
    institution = institution_by_slug(slug)
    require(relations_to(person, institution_id=institution.id), action, Obj.INSTITUTION)
    return institution


def roles_at(person: Person, institution: Institution) -> list[Role]:
    require(relations_to(person, institution_id=institution.id), Action.READ, Obj.ROLE)
    return list(Role.objects.filter(institution=institution).order_by("kind", "granted"))


def site_roles(person: Person) -> list[Role]:
    require(relations_to(person), Action.READ, Obj.ROLE)
    return list(Role.objects.filter(institution__isnull=True).order_by("granted"))


def role_for(person: Person, role_id: uuid.UUID, action: Action) -> Role:
    role = Role.objects.filter(id=role_id).select_related("institution").first()
    if role is None:
        raise Http404
    relations = relations_to(person, owner_id=role.member_id, institution_id=role.institution_id)
    require(relations, action, Obj.ROLE)
    return role


def open_invitations(person: Person, institution: Institution | None) -> list[Invitation]:
    institution_id = institution.id if institution else None
    require(relations_to(person, institution_id=institution_id), Action.READ, Obj.INVITATION)
    return list(Invitation.objects.filter(institution=institution, used__isnull=True))


def invitation_for(person: Person, invitation_id: uuid.UUID, action: Action) -> Invitation:
    invitation = Invitation.objects.filter(id=invitation_id).first()
    if invitation is None:
        raise Http404
    relations = relations_to(person, institution_id=invitation.institution_id)
    require(relations, action, Obj.INVITATION)
    return invitation


def audit_events_for(
    person: Person, institution: Institution | None, *, limit: int = 200
) -> list[AuditEvent]:
    """The slice of the audit log the person may read.

    An institution's admins see the events of their institution; operators see those
    and, with `institution=None`, the whole log.
    """
    institution_id = institution.id if institution else None
    require(relations_to(person, institution_id=institution_id), Action.READ, Obj.AUDIT_LOG)
    events = AuditEvent.objects.all()
    if institution is not None:
        events = events.filter(institution_id=institution.id)
    return list(events[:limit])


def institutions_facilitated_by(member: Member) -> list[Institution]:
    return list(Institution.objects.filter(roles__member=member, roles__kind=RoleKind.FACILITATOR))


def facilitator_roles_at(person: Person, institution: Institution) -> list[Role]:
    """The facilitators of an institution, for its admins and its facilitators."""
    require(relations_to(person, institution_id=institution.id), Action.READ, Obj.ROLE)
    return list(
        Role.objects.filter(institution=institution, kind=RoleKind.FACILITATOR).order_by("granted")
    )


def role_for_colleague(person: Person, institution: Institution, role_id: uuid.UUID) -> Role:
    """A facilitator's role at this institution that the person may read; 404 otherwise."""
    role = role_for(person, role_id, Action.READ)
    if role.institution_id != institution.id or role.kind != RoleKind.FACILITATOR:
        raise Http404
    return role
