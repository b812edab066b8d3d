"""The safety gates of PRODUCT.md, one function each, and which steps each one guards.

A gate looks at a case (and at what is being attempted) and either lets it pass or
returns a Refusal: which gate, a short code for the audit log, and what the
facilitator or party can do about it, in plain words. Gates never change anything;
actions.do_move_case and the other actions ask them, in the same transaction and
under the same row lock as the change they guard.

Some gates hold by construction rather than by refusing: G1's "never find or see"
is the access helpers (a party's view has nothing of the other party in it), G6 is
the table of stages (withdrawal is open from every stage and no gate guards it),
G9's "never into the library" is that cases import nothing that publishes. Their
tests attack them through HTTP all the same.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from amends.cases.models import Case, CaseFacilitator, Decision, Letter, Origin, Party
from amends.cases.stages import AFTER_ENCOUNTER, Stage


class Step(StrEnum):
    """What can be attempted on a case besides moving it to a stage."""

    INVITE_HARMED = "invite_harmed"  # hand the harmed party a code: the one approach
    INVITE_RESPONSIBLE = "invite_responsible"
    DECIDE_GO = "decide_go"  # the facilitators record "go"
    RELAY_TO_HARMED = "relay_to_harmed"  # pass a letter on to the harmed party
    RELAY_TO_RESPONSIBLE = "relay_to_responsible"
    HARMED_DISCLOSES = "harmed_discloses"  # a party writes, shares, opts in, acknowledges
    RESPONSIBLE_DISCLOSES = "responsible_discloses"


@dataclass(frozen=True)
class Attempt:
    step: Stage | Step
    actor_id: uuid.UUID | None = None
    letter: Letter | None = None


@dataclass(frozen=True)
class Refusal:
    gate: str  # "G2"
    code: str  # the audit reason: "g2_no_opt_in"
    reason: str  # what stands in the way
    what_to_do: str  # what the person refused can do

    def __str__(self) -> str:
        return f"{self.gate}: {self.reason} {self.what_to_do}"


Gate = Callable[[Case, Attempt], Refusal | None]

_MEETING = (Stage.GO_NO_GO, Stage.ENCOUNTER, Step.DECIDE_GO)


NOT_ON_CASE = Refusal(
    "G8",
    "g8_not_on_case",
    "You are not a facilitator on this case.",
    "Take the case if nobody has, or ask a facilitator on it to add you as a "
    "co-facilitator (that is recorded).",
)


def g1_no_direct_contact(case: Case, attempt: Attempt) -> Refusal | None:
    """The harmed party can opt out of contact for good: then nothing reaches them and
    nobody approaches them again."""
    if case.no_contact:
        return Refusal(
            "G1",
            "g1_no_contact",
            "The harmed party has opted out of any contact, for good.",
            "Nothing can be passed on to them and they cannot be approached again. "
            "You can continue accountability work with the responsible party, or close the case.",
        )
    return None


def g2_survivor_opt_in(case: Case, attempt: Attempt) -> Refusal | None:
    """No second approach after a decline; no message, go or encounter without opt-in."""
    approaching = attempt.step in (Stage.HARMED_PREPARATION, Step.INVITE_HARMED)
    if approaching and case.origin != Origin.HARMED_REQUEST:
        if case.declined_at is not None:
            return Refusal(
                "G2",
                "g2_declined",
                "The harmed party declined. They are not asked a second time.",
                "Continue accountability work with the responsible party, or close the case. "
                "If the harmed party changes their mind, they can say so in their own view of "
                "the case.",
            )
        if attempt.step == Step.INVITE_HARMED and case.stage != Stage.HARMED_PREPARATION:
            return Refusal(
                "G2",
                "g2_not_offered",
                "The harmed party can only be approached once the case is at the offer stage.",
                "Move the case to the offer to the harmed party first.",
            )
        return None
    if approaching:
        return None
    if case.opted_in_at is None:
        return Refusal(
            "G2",
            "g2_no_opt_in",
            "The harmed party has not opted in to contact.",
            "Ask them, in their preparation, whether they want any contact and how. "
            "They record their answer themselves, in their view of the case, when they are ready; "
            "there is no deadline.",
        )
    return None


def g3_responsible_party_first(case: Case, attempt: Attempt) -> Refusal | None:
    """The responsible party acknowledges responsibility and is checked ready before the
    harmed party is approached, unless the harmed party started the case; and before
    any encounter in every case."""
    approaching = attempt.step in (Stage.HARMED_PREPARATION, Step.INVITE_HARMED)
    if approaching and case.origin == Origin.HARMED_REQUEST:
        return None
    if case.responsibility_acknowledged is None:
        return Refusal(
            "G3",
            "g3_no_acknowledgement",
            "The responsible party has not acknowledged responsibility for what they did.",
            "Prepare them first: they write their acknowledgement in their own view of the case.",
        )
    if case.readiness_checked is None:
        return Refusal(
            "G3",
            "g3_not_ready",
            "The responsible party's readiness has not been checked.",
            "When your preparation shows they are ready, record the readiness check.",
        )
    return None


def g4_contraindication_screen(case: Case, attempt: Attempt) -> Refusal | None:
    """Screening comes before preparation; a contraindication blocks go and encounter."""
    if case.screened_at is None:
        return Refusal(
            "G4",
            "g4_not_screened",
            "The safety screening has not been recorded.",
            "Record the screening (the contraindication checklist) first.",
        )
    if attempt.step in _MEETING and case.contraindications:
        labels = "; ".join(case.contraindication_labels())
        return Refusal(
            "G4",
            "g4_contraindicated",
            f"The screening found: {labels}. An encounter is not safe.",
            "Route the case to a specialist service, or continue separate work with each "
            "party and close it without an encounter.",
        )
    return None


def g5_confidentiality_notice(case: Case, attempt: Attempt) -> Refusal | None:
    """The notice is acknowledged before any disclosure; reporting is decided before a go."""
    own = None
    if attempt.step == Step.HARMED_DISCLOSES:
        own = Party.HARMED
    elif attempt.step == Step.RESPONSIBLE_DISCLOSES:
        own = Party.RESPONSIBLE
    for party in [own] if own else [Party.HARMED, Party.RESPONSIBLE]:
        if not case.notice_acknowledged(party):
            whose = "You have" if own else f"The {party.label} has"
            return Refusal(
                "G5",
                "g5_notice_not_acknowledged",
                f"{whose} not yet acknowledged the confidentiality notice as it now stands.",
                "Read what the institution keeps confidential and what it must report, "
                "and acknowledge it on the case's page, before saying anything more.",
            )
    if attempt.step in _MEETING and not case.reporting:
        return Refusal(
            "G5",
            "g5_no_reporting_decision",
            "No reporting decision is recorded for this case.",
            "Check the institution's reporting duties and record your decision.",
        )
    return None


_SESSION = (Stage.ENCOUNTER, Stage.REPAIR_PLAN, Step.RELAY_TO_HARMED, Step.RELAY_TO_RESPONSIBLE)


def g7_harmed_party_choices(case: Case, attempt: Attempt) -> Refusal | None:
    """The encounter happens in the mode the harmed party chose, only once they chose,
    and stops whenever they end the session, until they choose to go on."""
    if case.session_ended is not None and attempt.step in _SESSION:
        return Refusal(
            "G7",
            "g7_session_ended",
            "The harmed party ended the session. Nothing passes between the parties and the "
            "encounter does not go on until they say they are ready.",
            "Wait for them: they go on from their own view of the case, when they want to. "
            "You can keep preparing the responsible party meanwhile.",
        )
    if attempt.step == Stage.ENCOUNTER and not case.mode:
        return Refusal(
            "G7",
            "g7_no_mode",
            "The harmed party has not chosen how an encounter would happen.",
            "They choose the mode, a support person, who speaks first and the pace in their "
            "view of the case.",
        )
    return None


def g8_facilitators(case: Case, attempt: Attempt) -> Refusal | None:
    """Only a facilitator on the case acts; a go decision precedes any encounter."""
    if (
        attempt.actor_id is not None
        and not CaseFacilitator.objects.filter(case=case, member_id=attempt.actor_id).exists()
    ):
        return NOT_ON_CASE
    if attempt.step == Step.DECIDE_GO and case.stage != Stage.GO_NO_GO:
        return Refusal(
            "G8",
            "g8_not_at_decision",
            "A go/no-go decision is made at the go/no-go stage.",
            "Move the case to the go/no-go stage first.",
        )
    if attempt.step == Stage.ENCOUNTER and case.decision != Decision.GO:
        return Refusal(
            "G8",
            "g8_no_go_decision",
            "No go decision has been recorded for this case.",
            "Record the facilitators' go/no-go decision first.",
        )
    relaying = attempt.step in (Step.RELAY_TO_HARMED, Step.RELAY_TO_RESPONSIBLE)
    if relaying and case.stage not in AFTER_ENCOUNTER:
        return Refusal(
            "G8",
            "g8_no_encounter",
            "Letters pass between the parties only in the encounter, after a go decision.",
            "Keep the letter with you for now; ask for changes or hold it, and use it in "
            "preparation.",
        )
    return None


def g9_identity_protection(case: Case, attempt: Attempt) -> Refusal | None:
    """A letter the responsible party wrote reaches nobody until the coach passed it."""
    letter = attempt.letter
    if (
        letter is not None
        and letter.party == Party.RESPONSIBLE
        and (letter.status == Letter.Status.COACH_HOLDS)
    ):
        return Refusal(
            "G9",
            "g9_coach_holds",
            "The coach is holding this letter: it may identify someone, or excuse or minimise.",
            "The writer revises it until the coach lets it through.",
        )
    return None


# Which gates guard each step, in the order they are asked (the first refusal is the
# one shown). Moves to WITHDRAWN have none: G6, any party withdraws at any stage.
STEP_GATES: dict[Stage | Step, tuple[Gate, ...]] = {
    Stage.SCREENING: (g8_facilitators,),
    Stage.RESPONSIBLE_PREPARATION: (g8_facilitators, g4_contraindication_screen),
    Stage.HARMED_PREPARATION: (
        g8_facilitators,
        g4_contraindication_screen,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g3_responsible_party_first,
    ),
    Stage.GO_NO_GO: (
        g8_facilitators,
        g4_contraindication_screen,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g3_responsible_party_first,
        g5_confidentiality_notice,
    ),
    Stage.ENCOUNTER: (
        g8_facilitators,
        g4_contraindication_screen,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g3_responsible_party_first,
        g5_confidentiality_notice,
        g7_harmed_party_choices,
    ),
    Stage.REPAIR_PLAN: (g8_facilitators, g7_harmed_party_choices),
    # G10 (follow-up of the repair plan) adds its gate here.
    Stage.FOLLOW_UP: (g8_facilitators,),
    Stage.CLOSED: (g8_facilitators,),
    Stage.DANGER: (g8_facilitators,),
    Stage.SPECIALIST: (g8_facilitators,),
    Stage.WITHDRAWN: (),
    Step.INVITE_HARMED: (
        g8_facilitators,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g3_responsible_party_first,
    ),
    Step.INVITE_RESPONSIBLE: (g8_facilitators,),
    Step.DECIDE_GO: (
        g8_facilitators,
        g4_contraindication_screen,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g3_responsible_party_first,
        g5_confidentiality_notice,
    ),
    Step.RELAY_TO_HARMED: (
        g8_facilitators,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g7_harmed_party_choices,
        g9_identity_protection,
    ),
    Step.RELAY_TO_RESPONSIBLE: (
        g8_facilitators,
        g1_no_direct_contact,
        g2_survivor_opt_in,
        g7_harmed_party_choices,
    ),
    Step.HARMED_DISCLOSES: (g5_confidentiality_notice,),
    Step.RESPONSIBLE_DISCLOSES: (g5_confidentiality_notice,),
}


def first_refusal(case: Case, attempt: Attempt) -> Refusal | None:
    for gate in STEP_GATES[attempt.step]:
        refusal = gate(case, attempt)
        if refusal is not None:
            return refusal
    return None
