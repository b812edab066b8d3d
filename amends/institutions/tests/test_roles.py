"""Roles are given by single-use codes, on the holder's own login, by the right people."""

from __future__ import annotations

import pytest

from amends.core.audit import AuditEvent, AuditEventType
from amends.institutions.models import Institution, Role, RoleKind
from amends.testing import personas
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def issue(persona: Persona, kind: str, institution: Institution | None = None):
    data = {"kind": kind}
    if institution is not None:
        data["institution"] = institution.slug
    return persona.client.post("/roles/codes/", data)


def redeem(persona: Persona, code: str):
    return persona.client.post("/roles/join/", {"code": code})


def test_an_operator_creates_an_institution_and_gives_it_an_admin(operator: Persona) -> None:
    response = operator.client.post(
        "/operator/", {"name": "Westfield Sixth Form", "kind": "school", "jurisdiction": "Wales"}
    )
    assert response.status_code == 302
    institution = Institution.objects.get(name="Westfield Sixth Form")
    response = issue(operator, "institution_admin", institution)
    assert response["Cache-Control"] == "no-store"
    code = response.context["code"]
    admin = personas.outsider()
    assert redeem(admin, code).status_code == 302
    assert Role.objects.filter(member=admin.member, institution=institution).exists()
    assert admin.client.get(f"/institutions/{institution.slug}/staff/").status_code == 200


def test_an_admin_appoints_facilitators_of_their_own_institution_only(
    institution_admin: Persona, institution: Institution, other_institution: Institution
) -> None:
    assert issue(institution_admin, "facilitator", institution).status_code == 200
    assert issue(institution_admin, "facilitator", other_institution).status_code == 404
    assert issue(institution_admin, "institution_admin", institution).status_code == 404
    assert issue(institution_admin, "moderator").status_code == 404


@pytest.mark.parametrize("who", ["facilitator", "moderator", "outsider"])
def test_nobody_else_can_issue_codes(
    request: pytest.FixtureRequest, who: str, institution: Institution
) -> None:
    persona: Persona = request.getfixturevalue(who)
    assert issue(persona, "facilitator", institution).status_code == 404
    assert issue(persona, "moderator").status_code == 404
    assert persona.client.get("/operator/").status_code == 404


def test_an_invitation_code_works_once(
    institution_admin: Persona, institution: Institution
) -> None:
    code = issue(institution_admin, "facilitator", institution).context["code"]
    first, second = personas.outsider(), personas.outsider()
    assert redeem(first, code).status_code == 302
    response = redeem(second, code)
    assert response.status_code == 400
    assert "does not work" in response.content.decode()
    assert not Role.objects.filter(member=second.member).exists()


def test_codes_are_stored_only_as_digests(
    institution_admin: Persona, institution: Institution
) -> None:
    code = issue(institution_admin, "facilitator", institution).context["code"]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM institutions_invitation")
        rows = " ".join(str(row) for row in cursor.fetchall())
    assert code not in rows
    assert code.replace("-", "") not in rows


def test_guessing_codes_is_throttled_per_account(outsider: Persona) -> None:
    for _ in range(10):
        redeem(outsider, "AAAA-BBBB-CCCC-DDDD")
    response = redeem(outsider, "AAAA-BBBB-CCCC-DDDE")
    assert "Too many codes" in response.content.decode()


def test_only_an_operator_appoints_moderators(operator: Persona) -> None:
    code = issue(operator, "moderator").context["code"]
    moderator = personas.outsider()
    redeem(moderator, code)
    assert Role.objects.get(member=moderator.member).kind == RoleKind.MODERATOR


def test_an_admin_revokes_a_facilitator_and_it_is_audited(
    institution_admin: Persona, facilitator: Persona, institution: Institution
) -> None:
    role = Role.objects.get(member=facilitator.member, kind=RoleKind.FACILITATOR)
    assert institution_admin.client.post(f"/roles/{role.id}/revoke/").status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    event = AuditEvent.objects.get(event_type=AuditEventType.ROLE_REVOKED)
    assert event.actor_id == institution_admin.member.id
    assert event.institution_id == institution.id


def test_a_facilitator_of_another_institution_cannot_revoke_roles_here(
    other_facilitator: Persona, facilitator: Persona
) -> None:
    role = Role.objects.get(member=facilitator.member, kind=RoleKind.FACILITATOR)
    assert other_facilitator.client.post(f"/roles/{role.id}/revoke/").status_code == 404
    assert Role.objects.filter(pk=role.pk).exists()


def test_each_role_reads_only_its_slice_of_the_audit_log(
    operator: Persona,
    institution_admin: Persona,
    facilitator: Persona,
    other_facilitator: Persona,
    moderator: Persona,
    institution: Institution,
    other_institution: Institution,
) -> None:
    here = f"/institutions/{institution.slug}/audit/"
    there = f"/institutions/{other_institution.slug}/audit/"
    page = institution_admin.client.get(here)
    assert page.status_code == 200
    events = page.context["events"]
    assert events and all(event.institution_id == institution.id for event in events)
    assert institution_admin.client.get(there).status_code == 404
    assert institution_admin.client.get("/operator/audit/").status_code == 404
    for persona in (facilitator, other_facilitator, moderator):
        assert persona.client.get(here).status_code == 404
        assert persona.client.get("/operator/audit/").status_code == 404
    everything = operator.client.get("/operator/audit/").context["events"]
    assert {e.institution_id for e in everything} >= {institution.id, other_institution.id}
    assert personas.new_client().get(here).status_code == 302  # to the login page


def test_a_role_gives_no_access_to_a_members_private_writing(
    responsible: Persona, facilitator: Persona, moderator: Persona, operator: Persona
) -> None:
    from amends.testing.writing import statement_form

    started = responsible.client.post("/statements/new/")
    url = started["Location"]
    responsible.client.post(url, statement_form())
    for persona in (facilitator, moderator, operator):
        assert persona.client.get(url).status_code == 404
        assert persona.client.get(url + "versions/").status_code == 404
