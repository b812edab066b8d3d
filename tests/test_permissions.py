"""The whole role × object × action matrix, walked through the real access helpers.

For every row of the permissions table (amends.core.permissions) and every relation
a person can have to an object, a probe asks the access helper an app really uses
and checks that the answer is the table's. An object or action added to the table
without a probe here, or a probe without a row, fails `test_every_row_has_a_probe`;
an object kind with no row at all fails `test_every_object_and_action_is_decided`.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.http import Http404

from amends.cases import access as case_access
from amends.cases.models import Case, CaseFacilitator, Letter, Origin, Party
from amends.core.permissions import PERMISSIONS, Action, Obj, Relation, allows
from amends.impact import access as impact_access
from amends.impact import actions as impact_actions
from amends.impact.models import ImpactStatement
from amends.institutions import access as institution_access
from amends.institutions import actions as institution_actions
from amends.institutions.models import Institution, RoleKind
from amends.library import access as library_access
from amends.library import actions as library_actions
from amends.library.models import Publication
from amends.members import access as member_access
from amends.members.models import Member
from amends.reflections import access as reflection_access
from amends.responses import access as response_access
from amends.responses.models import Response, Status
from amends.statements import access as statement_access
from amends.statements import actions as statement_actions
from amends.statements.models import Statement
from amends.testing import personas
from amends.testing.personas import Persona
from amends.testing.writing import SECTIONS_EXAMPLE
from amends.vault import api as vault

pytestmark = pytest.mark.django_db


@dataclass
class World:
    """Everyone of PRODUCT.md, and one object of each kind owned by `owner`."""

    owner: Persona
    institution: Institution
    people: dict[Relation, Member | None]


def build_world() -> World:
    operator = personas.operator()
    institution = personas.institution(operator)
    other = personas.institution(operator, name="Riverside Rowing Club")
    admin = personas.institution_admin(operator, institution)
    other_admin = personas.institution_admin(operator, other)
    personas.publish_profile(admin, institution)
    owner = personas.responsible_party()
    return World(
        owner=owner,
        institution=institution,
        people={
            Relation.OWNER: owner.member,
            Relation.MEMBER: personas.outsider().member,
            Relation.FACILITATOR: personas.facilitator(admin, institution).member,
            Relation.OTHER_FACILITATOR: personas.facilitator(other_admin, other).member,
            Relation.MODERATOR: personas.moderator(operator).member,
            Relation.INSTITUTION_ADMIN: admin.member,
            Relation.OPERATOR: operator.member,
            Relation.ANONYMOUS: None,
            Relation.HARMED_PARTY: personas.harmed_party().member,
            Relation.RESPONSIBLE_PARTY: personas.responsible_party().member,
            Relation.RECIPIENT: personas.harmed_party().member,
        },
    )


def refused(call: Callable[[], object]) -> bool:
    try:
        call()
    except Http404:
        return True
    return False


Probe = Callable[[World, Member | None, Action], bool]


def account(world: World, person: Member | None, action: Action) -> bool:
    return not refused(lambda: member_access.account_for(person, world.owner.member.id, action))


def reflection(world: World, person: Member | None, action: Action) -> bool:
    owner_id = world.owner.member.id
    return not refused(lambda: reflection_access.reflection_of(person, owner_id, action))


def statement(world: World, person: Member | None, action: Action) -> bool:
    draft = statement_actions.do_start_statement(world.owner.member)
    statement_actions.do_save_draft(world.owner.holder(), draft, dict(SECTIONS_EXAMPLE))
    return not refused(lambda: statement_access.statement_for(person, draft.id, action))


def coach_notes(world: World, person: Member | None, action: Action) -> bool:
    from amends.coaching import access as coaching_access

    owner_id = world.owner.member.id
    return not refused(lambda: coaching_access.notes_for(person, owner_id, action))


def publication(world: World, person: Member | None, action: Action) -> bool:
    published = library_actions.do_publish(dict(SECTIONS_EXAMPLE), [])
    return not refused(lambda: library_access.publication_for(person, published.public_id, action))


def institution(world: World, person: Member | None, action: Action) -> bool:
    if action == Action.CREATE:
        return not refused(lambda: institution_access.all_institutions(person))
    slug = world.institution.slug
    return not refused(lambda: institution_access.institution_for(person, slug, action))


def role(world: World, person: Member | None, action: Action) -> bool:
    # The owner is made a facilitator here, so that "owner" means the role's holder.
    held = world.owner.member.roles.filter(kind=RoleKind.FACILITATOR).first()
    if held is None:
        admin = next(
            r.member for r in world.institution.roles.filter(kind=RoleKind.INSTITUTION_ADMIN)
        )
        _, code = institution_actions.do_issue_invitation(
            admin, RoleKind.FACILITATOR, world.institution
        )
        held = institution_actions.do_redeem_invitation(world.owner.member, code)
    return not refused(lambda: institution_access.role_for(person, held.id, action))


def invitation(world: World, person: Member | None, action: Action) -> bool:
    admin = next(r.member for r in world.institution.roles.filter(kind=RoleKind.INSTITUTION_ADMIN))
    issued, _ = institution_actions.do_issue_invitation(
        admin, RoleKind.FACILITATOR, world.institution
    )
    return not refused(lambda: institution_access.invitation_for(person, issued.id, action))


def audit_log(world: World, person: Member | None, action: Action) -> bool:
    return not refused(lambda: institution_access.audit_events_for(person, world.institution))


def _impact_statement(world: World) -> ImpactStatement:
    statement = impact_actions.do_start_impact_statement(world.owner.member)
    impact_actions.do_save_impact_statement(world.owner.holder(), statement, "It still hurts.")
    return statement


def impact_statement(world: World, person: Member | None, action: Action) -> bool:
    statement_id = _impact_statement(world).id
    return not refused(lambda: impact_access.impact_statement_for(person, statement_id, action))


def shared_impact_statement(world: World, person: Member | None, action: Action) -> bool:
    """Shared with the facilitators of world.institution, the facilitator among them."""
    share = impact_actions.do_share_impact_statement(
        world.owner.holder(), _impact_statement(world), world.institution, notice_acknowledged=True
    )
    return not refused(lambda: impact_access.share_for(person, share.id, action))


def _case(world: World, harmed: Member | None, responsible: Member | None) -> Case:
    """A case at the world's institution, led by its facilitator."""
    case = Case.objects.create(
        institution=world.institution,
        kind="harassment",
        origin=Origin.REFERRAL,
        harmed=harmed,
        responsible=responsible,
    )
    facilitator = world.people[Relation.FACILITATOR]
    CaseFacilitator.objects.create(case=case, member=facilitator, lead=True)
    return case


def case(world: World, person: Member | None, action: Action) -> bool:
    parties = _case(
        world, world.people[Relation.HARMED_PARTY], world.people[Relation.RESPONSIBLE_PARTY]
    )
    return not refused(lambda: case_access.case_for(person, parties.id, action))


def letter(world: World, person: Member | None, action: Action) -> bool:
    # The owner writes as the responsible party; the recipient is the harmed party of
    # the same case, and the facilitator has passed the letter on to them.
    on_case = _case(world, world.people[Relation.RECIPIENT], world.owner.member)
    written = Letter(
        id=uuid.uuid4(),
        case=on_case,
        author=world.owner.member,
        party=Party.RESPONSIBLE,
        status=Letter.Status.PASSED_ON,
    )
    written.text = vault.seal_text(
        world.owner.holder(), case_access.letter_binding(written), "A letter."
    )
    written.save()
    return not refused(lambda: case_access.letter_for(person, written.id, action))


def case_note(world: World, person: Member | None, action: Action) -> bool:
    parties = _case(
        world, world.people[Relation.HARMED_PARTY], world.people[Relation.RESPONSIBLE_PARTY]
    )
    return not refused(lambda: case_access.notes_on(person, parties, action))


def case_audit(world: World, person: Member | None, action: Action) -> bool:
    parties = _case(
        world, world.people[Relation.HARMED_PARTY], world.people[Relation.RESPONSIBLE_PARTY]
    )
    return not refused(lambda: case_access.case_audit_for(person, parties))


def _authored_publication(world: World) -> Publication:
    """A statement in the library whose author (through their statement) is the owner."""
    published = library_actions.do_publish(dict(SECTIONS_EXAMPLE), [])
    Statement.objects.create(author=world.owner.member, publication=published)
    return published


def _response_on(publication: Publication) -> Response:
    return Response.objects.create(
        publication=publication,
        responder="0" * 64,
        pseudonym="Open Field 12",
        month=datetime.date(2026, 11, 1),
        text="This helped me understand.",
        status=Status.PUBLISHED,
        reason="published",
        category="published",
        step="pipeline",
    )


def response(world: World, person: Member | None, action: Action) -> bool:
    publication = _authored_publication(world)
    if action == Action.READ:
        return not refused(lambda: response_access.thread_for(person, publication))
    if action == Action.CREATE:
        return not refused(
            lambda: response_access.publication_for(
                person, publication.public_id, action, Obj.RESPONSE
            )
        )
    written = _response_on(publication)
    if action == Action.MODERATE:
        return not refused(lambda: response_access.response_to_moderate(person, written.pk))
    return not refused(lambda: response_access.response_for(person, written.pk, action))


def response_settings(world: World, person: Member | None, action: Action) -> bool:
    public_id = _authored_publication(world).public_id
    return not refused(
        lambda: response_access.publication_for(person, public_id, action, Obj.RESPONSE_SETTINGS)
    )


def report(world: World, person: Member | None, action: Action) -> bool:
    publication = _authored_publication(world)
    if action == Action.CREATE:
        written = _response_on(publication)
        return not refused(lambda: response_access.response_for(person, written.pk, action))
    if action == Action.READ:
        return not refused(lambda: response_access.reported_responses(person))
    library_actions.do_hide_pending_review(publication, "identifies_someone")
    public_id = publication.public_id
    return not refused(lambda: response_access.hidden_statement_for(person, public_id))


def moderation_queue(world: World, person: Member | None, action: Action) -> bool:
    return not refused(lambda: response_access.queue_counts(person))


PROBES: dict[Obj, Probe] = {
    Obj.ACCOUNT: account,
    Obj.REFLECTION: reflection,
    Obj.STATEMENT_DRAFT: statement,
    Obj.COACH_NOTES: coach_notes,
    Obj.PUBLICATION: publication,
    Obj.INSTITUTION: institution,
    Obj.ROLE: role,
    Obj.INVITATION: invitation,
    Obj.AUDIT_LOG: audit_log,
    Obj.IMPACT_STATEMENT: impact_statement,
    Obj.SHARED_IMPACT_STATEMENT: shared_impact_statement,
    Obj.CASE: case,
    Obj.LETTER: letter,
    Obj.CASE_NOTE: case_note,
    Obj.CASE_AUDIT: case_audit,
    Obj.RESPONSE: response,
    Obj.RESPONSE_SETTINGS: response_settings,
    Obj.REPORT: report,
    Obj.MODERATION_QUEUE: moderation_queue,
}


def test_every_object_and_action_is_decided() -> None:
    decided_objects = {obj for obj, _ in PERMISSIONS}
    decided_actions = {action for _, action in PERMISSIONS}
    assert set(Obj) == decided_objects, f"no row for {set(Obj) - decided_objects}"
    assert set(Action) == decided_actions, f"no row uses {set(Action) - decided_actions}"


def test_every_row_has_a_probe() -> None:
    assert set(PROBES) == {obj for obj, _ in PERMISSIONS}


def test_no_role_reads_private_writing() -> None:
    """Roles never open anyone's private text by themselves: only its owner may."""
    for obj in (
        Obj.REFLECTION,
        Obj.STATEMENT_DRAFT,
        Obj.COACH_NOTES,
        Obj.ACCOUNT,
        Obj.IMPACT_STATEMENT,
    ):
        for (row_obj, action), relations in PERMISSIONS.items():
            if row_obj == obj:
                assert relations == {Relation.OWNER}, (obj, action)


@pytest.mark.parametrize(("obj", "action"), sorted(PERMISSIONS), ids=lambda v: str(v))
def test_the_access_helpers_follow_the_table(obj: Obj, action: Action) -> None:
    world = build_world()
    answers = {
        relation: PROBES[obj](world, person, action) for relation, person in world.people.items()
    }
    expected = {relation: allows({relation}, action, obj) for relation in world.people}
    assert answers == expected
