"""Each safety gate of PRODUCT.md, attacked through HTTP as a person would try it.

Every test walks a case (conftest.Walk) to the point where the gate matters, then
tries the forbidden step from the client of whoever would try it, and checks what
they would notice: a 404 for what is not theirs, a 409 naming the gate and saying
what can be done for a step a gate stops, and no change in the case.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test.client import Client

from amends.cases.models import Case, Letter
from amends.cases.stages import Stage
from amends.cases.tests.conftest import CLEAN_LETTER, NAMED_LETTER, Walk, post
from amends.core.audit import AuditEvent, AuditEventType
from amends.institutions.models import Institution
from amends.library.models import Publication
from amends.testing import personas
from amends.testing.personas import Persona
from amends.vault import api as vault

pytestmark = pytest.mark.django_db


def refused_by(response: Any, gate: str) -> str:
    assert response.status_code == 409, response.content[:2000]
    html = str(response.content.decode())
    assert f"({gate})" in html and "What you can do:" in html
    return html


def all_pages(client: Client, walk: Walk) -> str:
    """Everything a party can open about their case, concatenated."""
    urls = [walk.url, walk.url + "support/", walk.url + "withdraw/", "/cases/", "/me/"]
    html = ""
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html += response.content.decode()
    return html


# G1 no direct contact -----------------------------------------------------------


def test_responsible_party_cannot_message_the_harmed_party(walk: Walk) -> None:
    walk.to_offer()
    # Whatever they add to the form, the letter goes to the facilitator, not to them.
    response = walk.responsible.client.post(
        walk.url + "letters/new/",
        {"text": CLEAN_LETTER, "to": str(walk.harmed.member.id), "recipient": "harmed"},
    )
    assert response.status_code == 302
    letter = Letter.objects.get(case=walk.case)
    assert letter.status == Letter.Status.WITH_FACILITATOR
    assert walk.harmed.member.id not in vault.readers_of(letter.text)
    assert walk.harmed.client.get(f"/cases/letters/{letter.id}/").status_code == 404
    assert CLEAN_LETTER[:30] not in walk.harmed.client.get(walk.url).content.decode()
    # The harmed party's own controls are not the responsible party's.
    assert (
        walk.responsible.client.post(walk.url + "answer/", {"answer": "opt_in"}).status_code == 404
    )
    assert walk.responsible.client.get(walk.url + "choices/").status_code == 404


def test_responsible_party_never_sees_anything_that_identifies_the_harmed_party(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.harmed, "I want you to know how much it changed my year.")
    html = all_pages(walk.responsible.client, walk)
    harmed_id = str(walk.harmed.member.id)
    for trace in (
        harmed_id,
        harmed_id[:8],
        walk.harmed.secret,
        "friend or family member",
        "I speak first",
    ):
        assert trace not in html, trace
    # Their letter is not the responsible party's to read until it is passed on.
    assert walk.responsible.client.get(f"/cases/letters/{letter_id}/").status_code == 404


def test_the_responsible_party_never_reads_the_harmed_partys_handle(
    facilitator: Persona, responsible: Persona, open_institution: Institution
) -> None:
    """A harmed member who signed up with a handle: it appears nowhere the other party looks,
    not even in a letter of theirs passed on."""
    harmed = personas.sign_up_with_handle("quiet-heron-42", "a long passphrase of ours only")
    response = post(
        facilitator.client,
        "/cases/refer/",
        {"institution": open_institution.slug, "kind": "harassment"},
    )
    case = Case.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    walk = Walk(facilitator, responsible, harmed, case).to_encounter()
    letter_id = walk.write(harmed, "This is how that year went for me.")
    walk.relay(letter_id, "pass_on")
    html = all_pages(responsible.client, walk)
    html += responsible.client.get(f"/cases/letters/{letter_id}/").content.decode()
    html += responsible.client.get(walk.url + "audit/").content.decode()
    assert "This is how that year went for me." in html  # the letter did reach them
    for trace in ("quiet-heron-42", "heron", str(harmed.member.id)[:8]):
        assert trace not in html, trace


def test_the_harmed_party_can_opt_out_of_contact_for_good(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("no_contact")
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    walk.reporting()
    refused_by(walk.move("go_no_go", status=409), "G1")
    refused_by(walk.relay(letter_id, "pass_on", status=409), "G1")
    # And it holds: they cannot be talked back into it through their own form either.
    walk.answer("opt_in", status=400)
    assert walk.refresh().no_contact and walk.case.opted_in_at is None


# G2 survivor opt-in -----------------------------------------------------------------


def test_the_case_cannot_move_to_encounter_before_the_harmed_party_opts_in(walk: Walk) -> None:
    walk.to_offer()
    walk.reporting()
    # The responsible party has no way to move a case at all.
    assert walk.move("go_no_go", status=404, by=walk.responsible)
    assert walk.move("encounter", status=404, by=walk.responsible)
    html = refused_by(walk.move("go_no_go", status=409), "G2")
    assert "has not opted in" in html and "no deadline" in html
    assert walk.refresh().stage == Stage.HARMED_PREPARATION
    event = AuditEvent.objects.filter(event_type=AuditEventType.CASE_MOVE_REFUSED).first()
    assert event is not None and event.reason == "g2_no_opt_in"


def test_no_second_invitation_after_a_decline(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("decline")
    walk.move("responsible_preparation")
    refused_by(walk.move("harmed_preparation", status=409), "G2")
    assert walk.refresh().stage == Stage.RESPONSIBLE_PREPARATION


def test_no_second_invitation_to_someone_who_declined_before_joining(
    walk: Walk, facilitator: Persona
) -> None:
    walk.to_responsible_preparation()
    walk.take_responsibility()
    walk.ready()
    walk.move("harmed_preparation")
    walk.join(walk.harmed, "harmed")
    walk.acknowledge(walk.harmed)
    walk.answer("decline")
    # Even a facilitator who "forgets" cannot hand them another code.
    assert walk.code("harmed", status=400) == ""


def test_no_deadline_is_put_on_the_harmed_party(walk: Walk) -> None:
    walk.to_responsible_preparation()
    walk.take_responsibility()
    walk.ready()
    walk.move("harmed_preparation")
    response = walk.facilitator.client.post(
        walk.url + "codes/", {"party": "harmed", "respond_by": "2030-01-01"}
    )
    refused_by(response, "G2")
    assert not walk.case.invitations.filter(party="harmed").exists()
    code_page = post(walk.facilitator.client, walk.url + "codes/", {"party": "harmed"}, 200)
    invitation = code_page.context["invitation"]
    assert invitation.expires - invitation.issued > datetime.timedelta(days=364)
    assert "not a deadline" in code_page.content.decode()
    post(walk.harmed.client, "/cases/join/", {"code": code_page.context["code"]})
    walk.acknowledge(walk.harmed)
    page = walk.harmed.client.get(walk.url).content.decode()
    assert "There is no deadline" in page


def test_a_letter_reaches_the_harmed_party_only_while_they_opt_in(walk: Walk) -> None:
    walk.to_encounter()
    walk.answer("decline")
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    refused_by(walk.relay(letter_id, "pass_on", status=409), "G2")
    assert walk.harmed.member.id not in vault.readers_of(Letter.objects.get(pk=letter_id).text)


# G3 responsible party first ----------------------------------------------------------


def test_the_harmed_party_is_not_approached_before_the_responsible_party_is_ready(
    walk: Walk,
) -> None:
    walk.to_responsible_preparation()
    html = refused_by(walk.move("harmed_preparation", status=409), "G3")
    assert "acknowledged responsibility" in html
    walk.take_responsibility()
    html = refused_by(walk.move("harmed_preparation", status=409), "G3")
    assert "readiness" in html
    assert walk.code("harmed", status=409) == ""
    walk.ready()
    walk.move("harmed_preparation")
    assert walk.refresh().offered_at is not None


def test_a_harmed_party_who_asked_is_prepared_without_waiting_for_the_other(
    harmed: Persona, responsible: Persona, facilitator: Persona, open_institution: Institution
) -> None:
    response = post(
        harmed.client,
        f"/cases/ask/{open_institution.slug}/",
        {"party": "harmed", "kind": "harassment", "notice_acknowledged": "on"},
    )
    case = Case.objects.get(harmed=harmed.member)
    url = response["Location"]
    post(facilitator.client, url + "take/")
    post(facilitator.client, url + "move/", {"target": "screening"})
    post(facilitator.client, url + "screening/", {"contraindications": []})
    post(facilitator.client, url + "move/", {"target": "harmed_preparation"})
    case.refresh_from_db()
    assert case.stage == Stage.HARMED_PREPARATION and case.responsible_id is None
    # The responsible party is prepared second, and the case goes on to go/no-go.
    walk = Walk(facilitator, responsible, harmed, case)
    walk.answer("opt_in")
    walk.choose()
    walk.join(responsible, "responsible")
    walk.acknowledge(responsible)
    walk.move("responsible_preparation")
    walk.reporting()
    refused_by(walk.move("go_no_go", status=409), "G3")
    walk.take_responsibility()
    walk.ready()
    walk.move("go_no_go")


# G4 contraindication screen ---------------------------------------------------------


def test_screening_comes_before_preparation(walk: Walk) -> None:
    walk.join(walk.responsible, "responsible")
    walk.move("screening")
    refused_by(walk.move("responsible_preparation", status=409), "G4")


@pytest.mark.parametrize(
    "found",
    [
        "intimate_partner",
        "weapons",
        "drugging",
        "prior_violence",
        "employee_student",
        "adult_minor",
    ],
)
def test_a_contraindication_blocks_the_encounter_and_routes_to_a_specialist(
    walk: Walk, found: str
) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.choose()
    walk.reporting()
    walk.screen(found)
    html = refused_by(walk.move("go_no_go", status=409), "G4")
    assert "specialist" in html
    walk.move("specialist", found)
    case = walk.refresh()
    assert case.stage == Stage.SPECIALIST and case.reason == found
    assert AuditEvent.objects.filter(reason=f"screening_{found}").exists()


# G5 confidentiality notice -----------------------------------------------------------


def test_a_party_acknowledges_the_notice_before_saying_anything(walk: Walk) -> None:
    walk.join(walk.responsible, "responsible")
    page = walk.responsible.client.get(walk.url).content.decode()
    assert "must act if someone is in danger" in page  # the notice is shown
    response = walk.responsible.client.post(walk.url + "responsibility/", {"text": "What I did."})
    assert response.status_code == 400 and "(G5)" not in response.content.decode()
    assert "confidentiality notice" in response.content.decode()
    assert "What I did." in response.content.decode()  # nothing typed is lost
    response = walk.responsible.client.post(walk.url + "letters/new/", {"text": CLEAN_LETTER})
    assert response.status_code == 400 and not Letter.objects.exists()
    walk.acknowledge(walk.responsible)
    walk.take_responsibility()
    assert walk.refresh().responsibility_acknowledged is not None


def test_asking_an_institution_needs_the_notice_acknowledged(
    harmed: Persona, open_institution: Institution
) -> None:
    url = f"/cases/ask/{open_institution.slug}/"
    page = harmed.client.get(url).content.decode()
    assert "must act if someone is in danger" in page
    response = harmed.client.post(url, {"party": "harmed", "kind": "harassment"})
    assert response.status_code == 400 and not Case.objects.exists()


def test_a_changed_notice_is_acknowledged_again(walk: Walk, institution_admin: Persona) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.choose()
    walk.reporting()
    form = {
        "accepted_kinds": ["harassment"],
        "confidentiality_notice": "A new notice: notes are kept for seven years.",
        "reporting_duties": "Report any risk to a child.",
        "escalation_contacts": "Safeguarding lead, room 12.",
        "accepts_requests": "on",
    }
    post(institution_admin.client, f"/institutions/{walk.case.institution.slug}/profile/", form)
    html = refused_by(walk.move("go_no_go", status=409), "G5")
    assert "confidentiality notice" in html
    assert "seven years" in walk.harmed.client.get(walk.url).content.decode()


def test_a_reporting_decision_is_recorded_before_a_go_and_logged(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.choose()
    refused_by(walk.move("go_no_go", status=409), "G5")
    walk.reporting("reported")
    walk.move("go_no_go")
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.CASE_RECORDED, reason="reporting_reported"
    ).exists()


# G6 withdrawal ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "stage"),
    [
        ("responsible", "referral"),
        ("responsible", "responsible_preparation"),
        ("responsible", "offer"),
        ("responsible", "encounter"),
        ("harmed", "offer"),
        ("harmed", "encounter"),
    ],
)
def test_either_party_withdraws_in_one_step_at_any_stage(walk: Walk, who: str, stage: str) -> None:
    if stage == "referral":
        walk.join(walk.responsible, "responsible")
    elif stage == "responsible_preparation":
        walk.to_responsible_preparation()
    elif stage == "offer":
        walk.to_offer()
    else:
        walk.to_encounter()
    persona: Persona = getattr(walk, who)
    page = persona.client.get(walk.url + "withdraw/").content.decode()
    assert "without giving a reason" in page or "do not need to give a reason" in page
    response = persona.client.post(walk.url + "withdraw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Other ways forward" in html and "Support from" in html
    assert walk.refresh().stage == Stage.WITHDRAWN
    event = AuditEvent.objects.get(event_type=AuditEventType.CASE_WITHDRAWN)
    assert event.role == "party"
    # Nothing more can be done in their name.
    assert persona.client.post(walk.url + "letters/new/", {"text": CLEAN_LETTER}).status_code == 400


# G7 the harmed party's choices -----------------------------------------------------------


def test_only_the_harmed_party_makes_their_choices(walk: Walk) -> None:
    walk.to_offer()
    for persona in (walk.responsible, walk.facilitator):
        response = persona.client.post(walk.url + "choices/", {"mode": "direct"})
        assert response.status_code == 404
    assert walk.refresh().mode == ""


def test_no_encounter_before_the_harmed_party_chose_how(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.reporting()
    walk.move("go_no_go")
    walk.decide("go")
    refused_by(walk.move("encounter", status=409), "G7")
    walk.choose("advocate")
    walk.move("encounter")
    assert walk.refresh().stage == Stage.ENCOUNTER


def test_the_harmed_party_ends_the_session_and_nothing_passes_until_they_go_on(
    walk: Walk,
) -> None:
    walk.to_encounter()
    to_harmed = walk.write(walk.responsible, CLEAN_LETTER)
    to_responsible = walk.write(walk.harmed, "I want you to know what that term was like.")
    # Nobody else ends it, or starts it again, for them.
    for persona in (walk.responsible, walk.facilitator):
        assert persona.client.post(walk.url + "session/", {"session": "end"}).status_code == 404
    post(walk.harmed.client, walk.url + "session/", {"session": "end"})
    assert walk.refresh().session_ended is not None
    html = refused_by(walk.relay(to_harmed, "pass_on", status=409), "G7")
    assert "ended the session" in html
    refused_by(walk.relay(to_responsible, "pass_on", status=409), "G7")
    refused_by(walk.move("repair_plan", status=409), "G7")
    assert walk.harmed.member.id not in vault.readers_of(Letter.objects.get(pk=to_harmed).text)
    assert (
        walk.responsible.client.post(walk.url + "session/", {"session": "go_on"}).status_code == 404
    )
    assert walk.refresh().session_ended is not None
    # They go on when they are ready, and only then.
    post(walk.harmed.client, walk.url + "session/", {"session": "go_on"})
    walk.relay(to_harmed, "pass_on")
    assert walk.harmed.client.get(f"/cases/letters/{to_harmed}/").status_code == 200
    reasons = set(AuditEvent.objects.values_list("reason", flat=True))
    assert {"harmed_ended_session", "harmed_goes_on", "g7_session_ended"} <= reasons


def test_a_session_ended_before_the_encounter_keeps_it_from_starting(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.choose()
    walk.reporting()
    walk.move("go_no_go")
    walk.decide("go")
    post(walk.harmed.client, walk.url + "session/", {"session": "end"})
    refused_by(walk.move("encounter", status=409), "G7")
    assert walk.refresh().stage == Stage.GO_NO_GO


# G8 facilitators ----------------------------------------------------------------------------


def test_a_facilitator_of_another_institution_cannot_read_or_touch_the_case(
    walk: Walk, other_facilitator: Persona
) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    client = other_facilitator.client
    for url in (
        walk.url,
        walk.url + "audit/",
        walk.url + "support/",
        f"/cases/letters/{letter_id}/",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(walk.url + "move/", {"target": "closed", "reason": "completed"}).status_code
        == 404
    )
    assert (
        client.post(f"/cases/letters/{letter_id}/relay/", {"decision": "pass_on"}).status_code
        == 404
    )
    assert client.post(walk.url + "notes/", {"text": "a note"}).status_code == 404
    assert str(walk.case.id)[:8] not in client.get("/cases/caseload/").content.decode()


def test_an_encounter_needs_a_go_decision(walk: Walk) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    walk.choose()
    walk.reporting()
    walk.move("go_no_go")
    refused_by(walk.move("encounter", status=409), "G8")
    walk.decide("no_go")
    refused_by(walk.move("encounter", status=409), "G8")
    walk.decide("go")
    # A go given before more preparation does not carry over to the next decision.
    walk.move("harmed_preparation")
    walk.move("go_no_go")
    refused_by(walk.move("encounter", status=409), "G8")
    walk.decide("go")
    walk.move("encounter")
    assert walk.refresh().decision == "go"


def test_a_facilitator_not_on_the_case_acts_only_once_added_and_that_is_recorded(
    walk: Walk, institution_admin: Persona, institution: Institution
) -> None:
    colleague = personas.facilitator(institution_admin, institution)
    walk.join(walk.responsible, "responsible")
    post(walk.facilitator.client, walk.url + "notes/", {"text": "First meeting went calmly."})
    response = colleague.client.post(walk.url + "move/", {"target": "screening"})
    refused_by(response, "G8")
    assert "First meeting" not in colleague.client.get(walk.url).content.decode()
    role = colleague.member.roles.get()
    post(walk.facilitator.client, walk.url + "cofacilitator/", {"role": str(role.id)})
    assert AuditEvent.objects.filter(reason="cofacilitator_added").exists()
    page = colleague.client.get(walk.url).content.decode()
    assert "First meeting went calmly." in page
    post(colleague.client, walk.url + "move/", {"target": "screening"})


def test_institution_admins_read_the_cases_audit_events_but_not_the_case(
    walk: Walk,
    institution_admin: Persona,
    institution: Institution,
    operator: Persona,
    other_facilitator: Persona,
    other_institution: Institution,
    outsider: Persona,
) -> None:
    walk.to_offer()
    walk.answer("opt_in")
    colleague = personas.facilitator(institution_admin, institution)  # not on the case
    other_admin = personas.institution_admin(operator, other_institution)
    url = walk.url + "audit/"
    # The case itself is for its facilitators and parties; its admins read its log.
    assert institution_admin.client.get(walk.url).status_code == 404
    for persona in (institution_admin, walk.facilitator, operator):
        page = persona.client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "case moved to another stage" in html and "harmed_opt_in" in html
    refused = (colleague, other_admin, other_facilitator, walk.responsible, walk.harmed, outsider)
    for persona in refused:
        assert persona.client.get(url).status_code == 404
    # The facilitators' page links to it; the admin reaches it from the institution's log too.
    assert url in walk.facilitator.client.get(walk.url).content.decode()
    slice_page = institution_admin.client.get(f"/institutions/{institution.slug}/audit/")
    assert url in slice_page.content.decode()


# G9 identity protection ----------------------------------------------------------------------


def test_a_letter_with_a_name_in_it_is_held_by_the_coach_before_the_facilitator_reads_it(
    walk: Walk,
) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, NAMED_LETTER)
    letter = Letter.objects.get(pk=letter_id)
    assert letter.status == Letter.Status.COACH_HOLDS
    assert vault.readers_of(letter.text) == [walk.responsible.member.id]
    assert walk.facilitator.client.get(f"/cases/letters/{letter_id}/").status_code == 404
    assert "Holloway" not in walk.facilitator.client.get(walk.url).content.decode()
    response = walk.facilitator.client.post(
        f"/cases/letters/{letter_id}/relay/", {"decision": "pass_on"}
    )
    assert response.status_code == 404
    # The writer sees why, and what to do.
    page = walk.responsible.client.get(f"/cases/letters/{letter_id}/").content.decode()
    assert "The coach is holding this letter" in page and "Rebecca" in page
    post(walk.responsible.client, f"/cases/letters/{letter_id}/", {"text": CLEAN_LETTER})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.WITH_FACILITATOR
    assert walk.facilitator.member.id in vault.readers_of(letter.text)


def test_a_letter_that_minimises_is_held_by_the_coach_before_the_facilitator_reads_it(
    walk: Walk,
) -> None:
    walk.to_encounter()
    excuse = "I am sorry for what I did. It was just a bit of fun and you overreacted."
    letter_id = walk.write(walk.responsible, excuse)
    letter = Letter.objects.get(pk=letter_id)
    assert letter.status == Letter.Status.COACH_HOLDS
    assert vault.readers_of(letter.text) == [walk.responsible.member.id]
    assert "overreacted" not in walk.facilitator.client.get(walk.url).content.decode()
    refused = walk.facilitator.client.post(
        f"/cases/letters/{letter_id}/relay/", {"decision": "pass_on"}
    )
    assert refused.status_code == 404
    assert walk.harmed.client.get(f"/cases/letters/{letter_id}/").status_code == 404


def test_a_revision_the_coach_holds_is_taken_back_from_the_facilitator(walk: Walk) -> None:
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    walk.relay(letter_id, "ask_changes", feedback="Please say what you will do next.")
    page = walk.responsible.client.get(f"/cases/letters/{letter_id}/").content.decode()
    assert "Please say what you will do next." in page
    post(walk.responsible.client, f"/cases/letters/{letter_id}/", {"text": NAMED_LETTER})
    letter = Letter.objects.get(pk=letter_id)
    assert letter.status == Letter.Status.COACH_HOLDS
    assert walk.facilitator.member.id not in vault.readers_of(letter.text)


def test_case_material_never_flows_into_the_library(walk: Walk) -> None:
    before = Publication.objects.count()
    walk.to_encounter()
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    walk.relay(letter_id, "pass_on")
    assert Publication.objects.count() == before
    assert "keep pushing" not in walk.responsible.client.get("/?q=pushing").content.decode()
