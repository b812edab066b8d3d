"""Fictional demo content for cases: one institution, two facilitators, cases at
different stages, and logins anyone running the demo can use.

Every name, place and word here is invented. The logins are for the demo only:
they are printed in the README, so they must never exist on a real server (the
command refuses to run unless AMENDS_DEMO_LOGINS=True, which scripts/run sets).
"""

from __future__ import annotations

from amends.cases import actions
from amends.cases.actions import Answer, Relay
from amends.cases.models import Case, Party
from amends.cases.stages import Stage
from amends.impact import actions as impact_actions
from amends.institutions import actions as institution_actions
from amends.institutions.models import Institution, RoleKind
from amends.members.demo import DemoLogin, create_login
from amends.members.models import Member
from amends.vault import api as vault

INSTITUTION = "Harbourside College"


OPERATOR = DemoLogin("demo-operator", "demo only lamp harbour quietly turning", "operator")
ADMIN = DemoLogin("demo-admin", "demo only gull ledger window calmly", "institution admin")
FACILITATOR = DemoLogin(
    "demo-facilitator", "demo only rope kettle morning steady", "facilitator (leads)"
)
CO_FACILITATOR = DemoLogin(
    "demo-cofacilitator", "demo only tide atlas pencil gently", "second facilitator"
)
RESPONSIBLE = DemoLogin(
    "demo-responsible", "demo only oar meadow lantern slowly", "responsible party"
)
HARMED = DemoLogin("demo-harmed", "demo only shell river compass softly", "harmed party")
ASKER = DemoLogin("demo-asker", "demo only dune violet harbour kindly", "harmed member who asked")
LOGINS = (OPERATOR, ADMIN, FACILITATOR, CO_FACILITATOR, RESPONSIBLE, HARMED, ASKER)

PROFILE = {
    "accepted_kinds": ["harassment", "assault", "pressure", "online"],
    "confidentiality_notice": (
        "What you tell a facilitator stays between you and the facilitators on your case. "
        "Nothing reaches the other person unless you choose it.\n\n"
        "The limits: if someone is in danger now, or a child may be at risk, we must act, "
        "and we tell you first whenever we safely can."
    ),
    "reporting_duties": (
        "Staff must tell the designated safeguarding lead of any risk to a child or to an "
        "adult at risk. Harbourside College does not report to the police unless someone "
        "is in danger or the law requires it."
    ),
    "escalation_contacts": (
        "Designated safeguarding lead (fictional): Room B12, 01632 960 123, weekdays 9:00-17:00.\n"
        "Out of hours (fictional): campus security, 01632 960 999."
    ),
    "crisis_resources": (
        "If you are in danger now, call your local emergency number.\n"
        "Harbour Night Line (fictional): 0808 000 0101, day and night, free."
    ),
    "support_offered": (
        "Free counselling through Student Wellbeing, with no waiting list for people in a case.\n"
        "An independent advocate on request.\n"
        "A weekly accountability group for people who caused harm, run by an outside service."
    ),
    "accepts_requests": True,
}

ACKNOWLEDGEMENT = (
    "At a party in my second year I kept pushing someone to kiss me and follow me outside "
    "after she had said no twice. I did it, it was my choice, and it is my responsibility."
)
IMPACT = (
    "Since that term I have stopped going to the library in the evenings. I sit near the "
    "door in lectures, and I have told almost no one why."
)
LETTER = (
    "I am sorry for what I did. I kept pushing after you said no, and that was my choice "
    "and my responsibility. I have been seeing a counsellor every week so that I never do "
    "it again, and I will pay for any support you want."
)


def _login(login: DemoLogin, *, staff: bool = False) -> tuple[Member, vault.Keyholder]:
    member = create_login(login, staff=staff)
    return member, vault.open_keyholder(member, member.vault_secret(login.passphrase))


def _role(issuer: Member, member: Member, kind: RoleKind, at: Institution) -> None:
    _, code = institution_actions.do_issue_invitation(issuer, kind, at)
    institution_actions.do_redeem_invitation(member, code)


def _joined(facilitator: Member, case: Case, party: Party, member: Member) -> None:
    _, code = actions.do_issue_party_code(facilitator, case, party)
    actions.do_join_case(member, code)
    case.refresh_from_db()
    actions.do_acknowledge_notice(member, case)


def seed() -> list[str]:
    """Create the demo institution, its people and its cases. Returns what was made."""
    operator, _ = _login(OPERATOR, staff=True)
    institution = institution_actions.do_create_institution(
        operator, name=INSTITUTION, kind=Institution.Kind.SCHOOL, jurisdiction="England and Wales"
    )
    admin, _ = _login(ADMIN)
    _role(operator, admin, RoleKind.INSTITUTION_ADMIN, institution)
    institution = institution_actions.do_update_profile(admin, institution, **PROFILE)
    lead, lead_key = _login(FACILITATOR)
    colleague, _ = _login(CO_FACILITATOR)
    for member in (lead, colleague):
        _role(admin, member, RoleKind.FACILITATOR, institution)
    responsible, responsible_key = _login(RESPONSIBLE)
    harmed, harmed_key = _login(HARMED)
    asker, _ = _login(ASKER)

    # 1. A referral walked to the encounter, by letters, with one letter passed on.
    encounter = actions.do_refer(lead, institution, kind="harassment")
    _joined(lead, encounter, Party.RESPONSIBLE, responsible)
    actions.do_move_case(lead, encounter, Stage.SCREENING)
    actions.do_record_screening(lead, encounter, [])
    actions.do_move_case(lead, encounter, Stage.RESPONSIBLE_PREPARATION)
    actions.do_take_responsibility(responsible_key, responsible, encounter, ACKNOWLEDGEMENT)
    actions.do_record_readiness(lead, encounter)
    actions.do_move_case(lead, encounter, Stage.HARMED_PREPARATION)
    _joined(lead, encounter, Party.HARMED, harmed)
    actions.do_answer(harmed, encounter, Answer.OPT_IN)
    actions.do_choose(
        harmed,
        encounter,
        repair_forms=["apology", "therapy_costs"],
        mode="letters",
        support="friend",
        speaks_first="me",
        pace="slow",
    )
    actions.do_record_reporting(lead, encounter, "no_duty")
    actions.do_move_case(lead, encounter, Stage.GO_NO_GO)
    actions.do_decide(lead, encounter, "go")
    actions.do_move_case(lead, encounter, Stage.ENCOUNTER)
    letter = actions.do_write_letter(responsible_key, responsible, encounter, LETTER)
    actions.do_relay_letter(lead_key, lead, letter, Relay.HAND_ON)
    actions.do_write_note(
        lead_key,
        lead,
        encounter,
        "The first letter is passed on. Next meeting with the harmed party in two weeks, at her pace.",
    )
    actions.do_add_cofacilitator(lead_key, lead, encounter, colleague)
    # The harmed party shares their impact statement with both facilitators on the case.
    impact = impact_actions.do_start_impact_statement(harmed)
    impact_actions.do_save_impact_statement(harmed_key, impact, IMPACT)
    actions.do_share_impact_statement(harmed_key, harmed, encounter, impact)

    # 2. A harmed member's request nobody has taken yet.
    actions.do_ask(asker, institution, party=Party.HARMED, kind="assault", notice_acknowledged=True)

    # 3. A responsible member asking for accountability work, being screened.
    screening = actions.do_refer(colleague, institution, kind="pressure")
    actions.do_move_case(colleague, screening, Stage.SCREENING)

    # 4. The danger path: the screening found an ongoing threat.
    danger = actions.do_refer(lead, institution, kind="assault")
    actions.do_move_case(lead, danger, Stage.SCREENING)
    actions.do_record_screening(lead, danger, ["ongoing_threat"])
    actions.do_record_reporting(lead, danger, "reported")
    return [f"{INSTITUTION} with 4 cases (encounter, new request, screening, danger path)"]
