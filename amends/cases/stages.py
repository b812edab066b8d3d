"""The stages of a restorative case and the moves between them: one table.

A case moves only along TRANSITIONS, and only through actions.do_move_case, which
checks the gates (gates.py) that guard the stage it moves to. The words each
person sees about a stage live here too, beside the stage, so that a new stage
cannot be added without saying what it means to the people in it.

Repair plans and their follow-up (G10) are the next part of Amends: the stages
exist and lead where they will lead, so that part adds its gates and pages
without moving anything here.
"""

from __future__ import annotations

from django.db import models


class Stage(models.TextChoices):
    REFERRAL = "referral", "Referral"
    SCREENING = "screening", "Safety screening"
    RESPONSIBLE_PREPARATION = "responsible_preparation", "Preparing the responsible party"
    HARMED_PREPARATION = "harmed_preparation", "Offer to and preparation of the harmed party"
    GO_NO_GO = "go_no_go", "Go/no-go decision"
    ENCOUNTER = "encounter", "Encounter"
    REPAIR_PLAN = "repair_plan", "Repair plan"
    FOLLOW_UP = "follow_up", "Follow-up"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DANGER = "danger", "Danger: not a restorative case"
    SPECIALIST = "specialist", "Routed to a specialist"


S = Stage
# Where a case may go from each stage. Withdrawal (G6) and the danger path are open
# from every stage that is still running; they are added below, not repeated here.
_FORWARD: dict[Stage, frozenset[Stage]] = {
    S.REFERRAL: frozenset({S.SCREENING, S.CLOSED}),
    S.SCREENING: frozenset(
        {S.RESPONSIBLE_PREPARATION, S.HARMED_PREPARATION, S.SPECIALIST, S.CLOSED}
    ),
    # A responsible party may do accountability work and close without any contact. In
    # a case the harmed party started, they were prepared first: go/no-go comes next.
    S.RESPONSIBLE_PREPARATION: frozenset(
        {S.HARMED_PREPARATION, S.GO_NO_GO, S.SPECIALIST, S.CLOSED}
    ),
    # A harmed party who asked is prepared first, then the responsible party.
    S.HARMED_PREPARATION: frozenset(
        {S.RESPONSIBLE_PREPARATION, S.GO_NO_GO, S.SPECIALIST, S.CLOSED}
    ),
    # A no-go sends the case back to preparation, to a specialist, or closes it.
    S.GO_NO_GO: frozenset(
        {S.ENCOUNTER, S.RESPONSIBLE_PREPARATION, S.HARMED_PREPARATION, S.SPECIALIST, S.CLOSED}
    ),
    S.ENCOUNTER: frozenset({S.REPAIR_PLAN, S.CLOSED}),
    S.REPAIR_PLAN: frozenset({S.FOLLOW_UP, S.CLOSED}),
    S.FOLLOW_UP: frozenset({S.CLOSED}),
    S.DANGER: frozenset({S.CLOSED}),
    S.SPECIALIST: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
ENDED = frozenset({S.CLOSED, S.WITHDRAWN})
STOPPED = frozenset({S.DANGER, S.SPECIALIST})
RUNNING = frozenset(Stage) - ENDED - STOPPED

TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    stage: targets
    | ({S.WITHDRAWN, S.DANGER} if stage in RUNNING else frozenset())
    | ({S.WITHDRAWN} if stage in STOPPED else frozenset())
    for stage, targets in _FORWARD.items()
}

# Stages in which the parties exchange anything through the facilitator: the
# indirect encounter and what follows it.
AFTER_ENCOUNTER = frozenset({S.ENCOUNTER, S.REPAIR_PLAN, S.FOLLOW_UP})

# The order shown on a case's page, so that each party sees where they are.
PATH = (
    S.REFERRAL,
    S.SCREENING,
    S.RESPONSIBLE_PREPARATION,
    S.HARMED_PREPARATION,
    S.GO_NO_GO,
    S.ENCOUNTER,
    S.REPAIR_PLAN,
    S.FOLLOW_UP,
    S.CLOSED,
)

# What each stage means to the person reading it, in their own case's words.
FOR_HARMED: dict[Stage, str] = {
    S.REFERRAL: "Your request has reached the institution. A facilitator will take it up.",
    S.SCREENING: "Your facilitator is checking that a restorative process is safe here.",
    S.RESPONSIBLE_PREPARATION: "Your facilitator is working with the person who harmed you, "
    "separately. Nothing reaches you from them unless you choose it.",
    S.HARMED_PREPARATION: "Your facilitator prepares with you. You choose whether there is "
    "any contact, how, and how fast. There is no deadline.",
    S.GO_NO_GO: "The facilitators are deciding whether an encounter can go ahead safely.",
    S.ENCOUNTER: "The encounter, in the way you chose. You can stop it at any time.",
    S.REPAIR_PLAN: "The commitments for repair are being agreed.",
    S.FOLLOW_UP: "The commitments are being followed up.",
    S.CLOSED: "This case is closed.",
    S.WITHDRAWN: "This case has ended.",
    S.DANGER: "This process has stopped because someone may be in danger. "
    "The contacts below can help now.",
    S.SPECIALIST: "This case needs a specialist service rather than this process. "
    "Your facilitator will tell you about it.",
}
FOR_RESPONSIBLE: dict[Stage, str] = {
    S.REFERRAL: "Your case has reached the institution. A facilitator will take it up.",
    S.SCREENING: "Your facilitator is checking that this process is safe for everyone.",
    S.RESPONSIBLE_PREPARATION: "You prepare with your facilitator: what you did, its impact, "
    "the responsibility you take.",
    S.HARMED_PREPARATION: "Your facilitator is preparing the other person separately. "
    "Whether there is any contact is their choice alone.",
    S.GO_NO_GO: "The facilitators are deciding whether an encounter can go ahead safely.",
    S.ENCOUNTER: "The encounter, in the way the other person chose.",
    S.REPAIR_PLAN: "The commitments for repair are being agreed.",
    S.FOLLOW_UP: "Your commitments are being followed up.",
    S.CLOSED: "This case is closed.",
    S.WITHDRAWN: "This case has ended.",
    S.DANGER: "This process has stopped. Your facilitator will tell you what happens next.",
    S.SPECIALIST: "This case needs a specialist service rather than this process. "
    "Your facilitator will tell you about it.",
}
# The facilitator's next step at each stage, for the caseload.
NEXT_STEP: dict[Stage, str] = {
    S.REFERRAL: "Take the case and begin the safety screening.",
    S.SCREENING: "Record the screening, then begin preparation.",
    S.RESPONSIBLE_PREPARATION: "Prepare the responsible party: acknowledgement, readiness.",
    S.HARMED_PREPARATION: "Prepare the harmed party at their pace; they choose.",
    S.GO_NO_GO: "Decide go or no-go with your co-facilitator.",
    S.ENCOUNTER: "Hold the encounter the harmed party chose; relay letters.",
    S.REPAIR_PLAN: "Agree the repair plan.",
    S.FOLLOW_UP: "Follow up the commitments.",
    S.CLOSED: "Nothing: the case is closed.",
    S.WITHDRAWN: "Nothing: a party withdrew. Offer them the other pathways.",
    S.DANGER: "Use the escalation contacts and record the reporting decision.",
    S.SPECIALIST: "Hand over to the specialist service, then close.",
}

# Moves that need a reason, and the reasons a facilitator may give: codes for the
# audit log, with the words shown beside them. Never free text.
REASONS_SHOWN: dict[Stage, tuple[tuple[str, str], ...]] = {
    S.DANGER: (
        ("ongoing_threat", "an ongoing threat to someone's safety"),
        ("others_at_risk", "the responsible party may be harming others now"),
        ("facilitator_judgement", "my judgement as facilitator"),
    ),
    S.SPECIALIST: (
        ("intimate_partner", "intimate-partner violence or coercive control"),
        ("weapons", "weapons or severe violence"),
        ("drugging", "drugging"),
        ("prior_violence", "prior violence"),
        ("employee_student", "an employee and a student"),
        ("adult_minor", "an adult and a minor"),
        ("facilitator_judgement", "my judgement as facilitator"),
    ),
    S.CLOSED: (
        ("completed", "the process is complete"),
        ("no_go", "the facilitators decided no-go"),
        ("accountability_work_only", "accountability work only, without contact"),
        ("declined", "the harmed party declined"),
    ),
}
