"""The rest of a case: the danger path, party codes, relayed letters, notes, the
caseload, each party's own view, the support page, and institutions' profiles."""

from __future__ import annotations

import pytest

from amends.cases.models import Case, CaseNote, Letter
from amends.cases.stages import Stage
from amends.cases.tests.conftest import CLEAN_LETTER, CRISIS, ESCALATION, SUPPORT, Walk, post
from amends.core.audit import AuditEvent, AuditEventType
from amends.institutions.models import Institution
from amends.testing import personas
from amends.testing.personas import Persona
from amends.vault import api as vault

pytestmark = pytest.mark.django_db


# The danger path ------------------------------------------------------------------------


@pytest.mark.parametrize("sign", ["ongoing_threat", "others_at_risk"])
def test_a_danger_sign_in_the_screening_moves_the_case_to_the_danger_path(
    walk: Walk, sign: str
) -> None:
    walk.join(walk.responsible, "responsible")
    walk.move("screening")
    walk.screen(sign)
    case = walk.refresh()
    assert case.stage == Stage.DANGER and case.reason == sign
    page = walk.facilitator.client.get(walk.url).content.decode()
    assert "Danger overrides process" in page and ESCALATION in page and CRISIS in page
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.CASE_MOVED, reason=f"danger_{sign}"
    ).exists()
    # Nothing restorative goes on: no preparation, no encounter.
    assert walk.move("responsible_preparation", status=400)
    walk.reporting("reported")
    assert AuditEvent.objects.filter(reason="reporting_reported").exists()


def test_a_facilitator_moves_a_case_to_the_danger_path_on_their_judgement(walk: Walk) -> None:
    walk.to_offer()
    walk.move("danger", "facilitator_judgement")
    assert walk.refresh().stage == Stage.DANGER
    page = walk.harmed.client.get(walk.url).content.decode()
    assert CRISIS in page and ESCALATION in page
    assert "has stopped" in walk.responsible.client.get(walk.url).content.decode()


def test_a_move_to_the_danger_path_needs_a_listed_reason(walk: Walk) -> None:
    walk.move("danger", "because", status=400)
    assert walk.refresh().stage == Stage.REFERRAL


# Party codes ------------------------------------------------------------------------------


def test_a_party_code_works_once(walk: Walk, outsider: Persona) -> None:
    code = walk.code("responsible")
    post(walk.responsible.client, "/cases/join/", {"code": code})
    response = outsider.client.post("/cases/join/", {"code": code})
    assert response.status_code == 400 and "does not work" in response.content.decode()
    assert walk.refresh().responsible_id == walk.responsible.member.id
    assert outsider.client.get(walk.url).status_code == 404


def test_a_new_code_replaces_an_unused_one(walk: Walk) -> None:
    first = walk.code("responsible")
    second = walk.code("responsible")
    assert walk.responsible.client.post("/cases/join/", {"code": first}).status_code == 400
    post(walk.responsible.client, "/cases/join/", {"code": second})


def test_one_person_cannot_be_both_parties(walk: Walk) -> None:
    walk.to_responsible_preparation()
    walk.take_responsibility()
    walk.ready()
    walk.move("harmed_preparation")
    code = walk.code("harmed")
    response = walk.responsible.client.post("/cases/join/", {"code": code})
    assert response.status_code == 400
    assert walk.refresh().harmed_id is None


def test_a_facilitator_cannot_join_their_own_case_as_a_party(walk: Walk) -> None:
    code = walk.code("responsible")
    assert walk.facilitator.client.post("/cases/join/", {"code": code}).status_code == 400


def test_codes_are_stored_only_as_fingerprints(walk: Walk) -> None:
    code = walk.code("responsible")
    invitation = walk.case.invitations.get()
    assert code.replace("-", "") not in invitation.code_lookup


# Letters ---------------------------------------------------------------------------------


def test_every_letter_is_encrypted_for_exactly_its_readers(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    letter = Letter.objects.get(pk=letter_id)
    readers = {walk.responsible.member.id, walk.facilitator.member.id}
    assert set(vault.readers_of(letter.text)) == readers
    walk.relay(letter_id, "pass_on")
    assert set(vault.readers_of(letter.text)) == readers | {walk.harmed.member.id}
    assert AuditEvent.objects.filter(event_type=AuditEventType.LETTER_RELAYED).exists()


def test_the_facilitator_holds_a_letter(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.harmed, "I am not ready for you to read this yet.")
    walk.relay(letter_id, "hold")
    assert Letter.objects.get(pk=letter_id).status == Letter.Status.HELD
    assert walk.responsible.client.get(f"/cases/letters/{letter_id}/").status_code == 404
    # A held letter can still be passed on later, when the time is right.
    walk.relay(letter_id, "pass_on")
    assert walk.responsible.client.get(f"/cases/letters/{letter_id}/").status_code == 200


def test_asking_for_changes_needs_words_the_writer_can_act_on(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    walk.relay(letter_id, "ask_changes", status=400)
    walk.relay(letter_id, "ask_changes", feedback="Say what you will do to repair it.")
    letter = Letter.objects.get(pk=letter_id)
    assert letter.status == Letter.Status.CHANGES_ASKED
    assert letter.feedback is not None
    assert set(vault.readers_of(letter.feedback)) == {
        walk.responsible.member.id,
        walk.facilitator.member.id,
    }


def test_letters_pass_between_parties_only_in_the_encounter(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    response = walk.relay(letter_id, "pass_on", status=409)
    assert "(G8)" in response.content.decode()


def test_nobody_reads_a_letter_once_its_writer_deletes_their_account(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    text_id = Letter.objects.get(pk=letter_id).text_id
    post(
        walk.responsible.client,
        "/me/account/",
        {"action": "delete", "delete-current": walk.responsible.secret, "delete-confirm": "on"},
        status=302,
    )
    assert not Letter.objects.filter(pk=letter_id).exists()
    assert not vault.PrivateText.objects.filter(pk=text_id, destroyed=False).exists()
    assert walk.refresh().stage == Stage.WITHDRAWN


# Notes, caseload, audit --------------------------------------------------------------------


def test_case_notes_are_encrypted_for_the_facilitators_on_the_case(
    walk: Walk, institution_admin: Persona, institution: Institution
) -> None:
    colleague = personas.facilitator(institution_admin, institution)
    post(walk.facilitator.client, walk.url + "notes/", {"text": "Calm, wants time."})
    note = CaseNote.objects.get()
    assert vault.readers_of(note.text) == [walk.facilitator.member.id]
    assert "Calm, wants time." not in colleague.client.get(walk.url).content.decode()
    post(
        walk.facilitator.client,
        walk.url + "cofacilitator/",
        {"role": str(colleague.member.roles.get().id)},
    )
    post(colleague.client, walk.url + "notes/", {"text": "Second meeting booked."})
    newest = CaseNote.objects.first()
    assert newest is not None
    assert set(vault.readers_of(newest.text)) == {walk.facilitator.member.id, colleague.member.id}


def test_the_caseload_shows_stage_next_step_and_days_waiting(
    walk: Walk, harmed: Persona, open_institution: Institution
) -> None:
    walk.to_responsible_preparation()
    post(
        walk.harmed.client,
        f"/cases/ask/{open_institution.slug}/",
        {"party": "harmed", "kind": "assault", "notice_acknowledged": "on"},
    )
    page = walk.facilitator.client.get("/cases/caseload/").content.decode()
    assert "Preparing the responsible party" in page
    assert "Prepare the responsible party" in page
    assert "not taken" in page  # the new request, for anyone at the institution to take
    assert "<td>0</td>" in page


def test_the_case_audit_log_names_roles_and_reasons_never_text(walk: Walk) -> None:
    walk.to_encounter()
    walk.write(walk.responsible, CLEAN_LETTER)
    page = walk.facilitator.client.get(walk.url + "audit/").content.decode()
    assert "harmed_opt_in" in page and "decision_go" in page
    assert "keep pushing" not in page


# Each party's own view ---------------------------------------------------------------------


def test_each_party_sees_their_stage_and_next_step_in_plain_words(walk: Walk) -> None:
    walk.to_offer()
    harmed_page = walk.harmed.client.get(walk.url).content.decode()
    assert "You choose whether there is any contact" in harmed_page
    assert "There is no deadline" in harmed_page
    assert "Leave quickly" in harmed_page
    responsible_page = walk.responsible.client.get(walk.url).content.decode()
    assert "Whether there is any contact is their choice alone" in responsible_page
    # The facilitators' material is not in either party's view.
    for page in (harmed_page, responsible_page):
        assert "Private case notes" not in page and "Safety record" not in page


def test_the_support_page_shows_the_institutions_resources(walk: Walk) -> None:
    walk.to_offer()
    page = walk.harmed.client.get(walk.url + "support/").content.decode()
    assert CRISIS in page and SUPPORT in page and ESCALATION in page
    assert "Leave quickly" in page


def test_every_case_page_a_harmed_party_uses_has_a_leave_quickly_link(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.harmed, "A few words.")
    for url in (
        walk.url,
        walk.url + "choices/",
        walk.url + "support/",
        walk.url + "withdraw/",
        walk.url + "letters/new/",
        f"/cases/letters/{letter_id}/",
        "/cases/",
        "/cases/join/",
        f"/institutions/{walk.case.institution.slug}/",
    ):
        html = walk.harmed.client.get(url).content.decode()
        assert "data-leave-quickly" in html and "Leave quickly</a>" in html, url


# Asking and institutions -------------------------------------------------------------------


def test_a_responsible_member_asks_for_accountability_work_without_any_contact(
    responsible: Persona, facilitator: Persona, open_institution: Institution
) -> None:
    post(
        responsible.client,
        f"/cases/ask/{open_institution.slug}/",
        {"party": "responsible", "kind": "harassment", "notice_acknowledged": "on"},
    )
    case = Case.objects.get(responsible=responsible.member)
    assert case.harmed_id is None and case.offered_at is None
    assert case.responsible_notice_ack is not None


def test_an_institution_without_a_notice_takes_no_requests(
    institution: Institution, harmed: Persona, institution_admin: Persona
) -> None:
    assert harmed.client.get("/institutions/").content.decode().count(institution.name) == 0
    response = harmed.client.post(
        f"/cases/ask/{institution.slug}/",
        {"party": "harmed", "kind": "harassment", "notice_acknowledged": "on"},
    )
    assert response.status_code == 400 and not Case.objects.exists()
    response = institution_admin.client.post(
        f"/institutions/{institution.slug}/profile/",
        {"accepted_kinds": ["harassment"], "accepts_requests": "on"},
    )
    assert response.status_code == 400
    assert "confidentiality notice" in response.content.decode()


def test_an_admin_keeps_the_profile_and_every_change_is_audited(
    institution_admin: Persona, institution: Institution, reader: object
) -> None:
    form = {
        "accepted_kinds": ["harassment", "online"],
        "confidentiality_notice": "We keep what you say confidential, within the law.",
        "reporting_duties": "We report risks to children.",
        "escalation_contacts": "Safeguarding lead, 01632 960 001.",
        "crisis_resources": CRISIS,
        "support_offered": SUPPORT,
        "accepts_requests": "on",
    }
    post(institution_admin.client, f"/institutions/{institution.slug}/profile/", form)
    event = AuditEvent.objects.get(event_type=AuditEventType.INSTITUTION_UPDATED)
    assert event.reason == "notice" and event.role == "institution_admin"
    from django.test import Client

    assert isinstance(reader, Client)
    directory = reader.get("/institutions/").content.decode()
    assert institution.name in directory and "image-based or online sexual abuse" in directory
    profile = reader.get(f"/institutions/{institution.slug}/").content.decode()
    assert "We report risks to children." in profile and CRISIS in profile


def test_only_its_own_admins_edit_an_institutions_profile(
    institution: Institution, facilitator: Persona, other_facilitator: Persona, operator: Persona
) -> None:
    for persona in (facilitator, other_facilitator, operator):
        assert persona.client.get(f"/institutions/{institution.slug}/profile/").status_code == 404


def test_every_case_page_is_labelled_and_well_structured(walk: Walk) -> None:
    from tests.test_accessibility import assert_accessible

    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    pages = [
        (
            walk.facilitator,
            [walk.url, walk.url + "audit/", "/cases/caseload/", f"/cases/letters/{letter_id}/"],
        ),
        (
            walk.responsible,
            [
                walk.url,
                walk.url + "responsibility/",
                walk.url + "letters/new/",
                walk.url + "withdraw/",
            ],
        ),
        (
            walk.harmed,
            [walk.url, walk.url + "choices/", walk.url + "support/", "/cases/", "/cases/join/"],
        ),
    ]
    for persona, urls in pages:
        for url in urls:
            response = persona.client.get(url)
            assert response.status_code == 200, url
            assert_accessible(url, response.content.decode())
    slug = walk.case.institution.slug
    for url in ("/institutions/", f"/institutions/{slug}/", f"/cases/ask/{slug}/"):
        assert_accessible(url, walk.harmed.client.get(url).content.decode())


# After the encounter: the repair plan and its follow-up (G10 comes next) ------------------


def test_after_the_encounter_a_case_moves_to_repair_plan_follow_up_and_closes(walk: Walk) -> None:
    walk.to_encounter()
    # Only a facilitator on the case moves it on; a party cannot.
    assert walk.move("repair_plan", status=404, by=walk.responsible)
    walk.move("repair_plan")
    walk.move("follow_up")
    case = walk.refresh()
    assert case.stage == Stage.FOLLOW_UP
    assert (
        "Follow up the commitments"
        in walk.facilitator.client.get("/cases/caseload/").content.decode()
    )
    assert "followed up" in walk.responsible.client.get(walk.url).content.decode()
    # Closing is the facilitator's.
    walk.move("closed", "completed")
    assert walk.refresh().stage == Stage.CLOSED
    moved = AuditEvent.objects.filter(event_type=AuditEventType.CASE_MOVED)
    assert {"repair_plan", "follow_up", "closed_completed"} <= set(
        moved.values_list("reason", flat=True)
    )
