"""Every write on a case. Each one checks who may act (core.permissions, through
cases.access), asks the gates that guard it, and records an audit event, in one
transaction.

`do_move_case` is the one way a case changes stage: it locks the case row, checks
that the move is in the table of stages, asks every gate that guards the target,
and writes the audit event. A refused move is recorded too (which gate refused), and
raises MoveRefused carrying the gate's plain words.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone

from amends.cases import access
from amends.cases.gates import NOT_ON_CASE, Attempt, Refusal, Step, first_refusal
from amends.cases.models import (
    DANGER_SIGNS,
    Case,
    CaseFacilitator,
    CaseNote,
    Contraindication,
    Decision,
    Letter,
    Mode,
    Origin,
    Pace,
    Party,
    PartyInvitation,
    Repair,
    Reporting,
    SpeaksFirst,
    Support,
)
from amends.cases.stages import ENDED, REASONS_SHOWN, TRANSITIONS, Stage
from amends.coach import get_coach
from amends.coaching.access import keep_out_of
from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, Relation, require
from amends.impact import actions as impact_actions
from amends.impact.models import ImpactShare, ImpactStatement
from amends.institutions.access import relations_to
from amends.institutions.actions import (
    INVITATION_DAYS,
    InvitationRefused,
    claim_code,
    issue_code,
)
from amends.institutions.models import CaseKind, Institution
from amends.members.models import Member
from amends.vault import api as vault

T = TypeVar("T")


class Refused(Exception):
    """A gate stood in the way. `refusal` says which, and what can be done."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(str(refusal))
        self.refusal = refusal


class MoveRefused(Refused):
    pass


class NotAllowed(Exception):
    """Not a gate but a plain rule (a move not in the table, a choice not on the list)."""


# G2, no deadline on the harmed party: their code lasts long enough not to be one.
# It still ends, so that a code lost on paper does not open a case for ever; a new
# code for a lost one is not a second invitation.
HARMED_CODE_DAYS = 365

REASONS: dict[Stage, tuple[str, ...]] = {
    stage: tuple(code for code, _ in shown) for stage, shown in REASONS_SHOWN.items()
}

# G2: no deadline is put on the harmed party. The views refuse any attempt to send
# one with this refusal; nothing in a case has a field that could hold one.
NO_DEADLINE = Refusal(
    "G2",
    "g2_no_deadline",
    "No deadline can be put on the harmed party.",
    "Let them answer in their own time; the case waits for them.",
)


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("institution").get(pk=case.pk)


def _refuse(
    actor: Member | None,
    role: AuditRole,
    case: Case,
    refusal: Refusal,
    error: type[Refused] = Refused,
) -> Refused:
    """Record a refusal in its own transaction (the refused change rolled back)."""
    with transaction.atomic():
        audit.record(
            actor,
            role,
            AuditEventType.CASE_MOVE_REFUSED,
            case,
            institution_id=case.institution_id,
            reason=refusal.code,
        )
    return error(refusal)


def _record(
    actor: Member | None,
    role: AuditRole,
    case: Case,
    reason: str,
    event: AuditEventType = AuditEventType.CASE_RECORDED,
) -> None:
    audit.record(actor, role, event, case, institution_id=case.institution_id, reason=reason)


def _party_role(case: Case, member: Member) -> Party:
    party = case.party_of(member.pk)
    if party is None:
        raise PermissionError("only a party to the case can do this")
    return party


# ------------------------------------------------------------------ moving


def do_move_case(actor: Member, case: Case, target: Stage, reason: str = "") -> Case:
    """Move the case to `target`, if the table allows it and every gate lets it pass.

    Facilitators move cases (Action.MOVE); parties only withdraw (Action.WITHDRAW),
    which no gate guards (G6). A gate's refusal is recorded and raised as MoveRefused.
    """
    action = Action.WITHDRAW if target == Stage.WITHDRAWN else Action.MOVE
    require(access.case_relations(actor, case), action, Obj.CASE)
    role = AuditRole.PARTY if action == Action.WITHDRAW else AuditRole.FACILITATOR
    if target in REASONS and reason not in REASONS[target]:
        raise NotAllowed("Choose one of the listed reasons.")
    gated_actor = actor if action == Action.MOVE else None
    try:
        with transaction.atomic():
            _move(_locked(case), target, gated_actor, role, actor, reason)
    except _Blocked as blocked:
        raise _refuse(actor, role, case, blocked.refusal, MoveRefused) from None
    case.refresh_from_db()
    return case


class _Blocked(Exception):
    """A gate's refusal inside a transaction: caught outside it, then recorded."""

    def __init__(self, refusal: Refusal) -> None:
        self.refusal = refusal


def _move(
    case: Case,
    target: Stage,
    gated_actor: Member | None,
    role: AuditRole,
    actor: Member | None,
    reason: str,
) -> None:
    """The move itself, on a locked row inside a transaction. Raises NotAllowed or MoveRefused."""
    if target not in TRANSITIONS[case.stage_enum]:
        raise NotAllowed(
            f"A case cannot go from \u201c{case.get_stage_display()}\u201d to "
            f"\u201c{target.label}\u201d."
        )
    refusal = first_refusal(
        case, Attempt(step=target, actor_id=gated_actor.pk if gated_actor else None)
    )
    if refusal is not None:
        raise _Blocked(refusal)
    case.stage = target
    case.stage_since = timezone.now()
    fields = ["stage", "stage_since"]
    if target == Stage.GO_NO_GO:
        # Each passage through the go/no-go stage needs its own decision: a go given
        # before more preparation does not carry over.
        case.decision, case.decided_at = "", None
        fields += ["decision", "decided_at"]
    if target == Stage.HARMED_PREPARATION and case.offered_at is None and case.harmed_id is None:
        case.offered_at = timezone.now()
        fields.append("offered_at")
    if reason:
        case.reason = reason
        fields.append("reason")
    case.save(update_fields=fields)
    if target in ENDED:
        # Nobody needs to read what the harmed party shared for a case that ended, and
        # they need not remember to take it back.
        impact_actions.revoke_case_shares(case.id, f"case_{target.value}")
    event = (
        AuditEventType.CASE_WITHDRAWN if target == Stage.WITHDRAWN else AuditEventType.CASE_MOVED
    )
    _record(actor, role, case, f"{target.value}_{reason}"[:60] if reason else target.value, event)


def do_withdraw(member: Member, case: Case) -> Case:
    """G6: a party withdraws, in one step, at any stage, and nothing else is asked of them."""
    if case.stage in ENDED:
        return case
    return do_move_case(member, case, Stage.WITHDRAWN)


# ------------------------------------------------------------- opening a case


def do_ask(
    member: Member, institution: Institution, *, party: Party, kind: str, notice_acknowledged: bool
) -> Case:
    """A harmed member asks for a restorative process, or a responsible member for
    accountability work. The notice is acknowledged in the same step (G5)."""
    require(relations_to(member, institution_id=institution.id), Action.ASK, Obj.INSTITUTION)
    if not institution.accepts_requests or not institution.can_accept_requests:
        raise NotAllowed("This institution does not take requests on Amends.")
    if kind not in institution.accepted_kinds:
        raise NotAllowed("This institution does not take this kind of case.")
    if not notice_acknowledged:
        raise NotAllowed(
            "Please read the confidentiality notice and tick the box to say you have read it."
        )
    now = timezone.now()
    with transaction.atomic():
        case = Case.objects.create(
            institution=institution,
            kind=CaseKind(kind),
            origin=Origin.HARMED_REQUEST if party == Party.HARMED else Origin.RESPONSIBLE_REQUEST,
            harmed=member if party == Party.HARMED else None,
            responsible=member if party == Party.RESPONSIBLE else None,
            harmed_notice_ack=now if party == Party.HARMED else None,
            responsible_notice_ack=now if party == Party.RESPONSIBLE else None,
        )
        _record(member, AuditRole.PARTY, case, case.origin, AuditEventType.CASE_OPENED)
    return case


def do_refer(facilitator: Member, institution: Institution, *, kind: str) -> Case:
    """A facilitator opens a case by referral and leads it."""
    require(relations_to(facilitator, institution_id=institution.id), Action.REFER, Obj.INSTITUTION)
    with transaction.atomic():
        case = Case.objects.create(
            institution=institution, kind=CaseKind(kind), origin=Origin.REFERRAL
        )
        CaseFacilitator.objects.create(case=case, member=facilitator, lead=True)
        _record(facilitator, AuditRole.FACILITATOR, case, "referral", AuditEventType.CASE_OPENED)
    return case


def do_take_case(facilitator: Member, case: Case) -> None:
    """A facilitator of the institution takes a request nobody has taken yet."""
    require(access.case_relations(facilitator, case), Action.MOVE, Obj.CASE)
    with transaction.atomic():
        locked = _locked(case)
        if locked.facilitators.exists():
            raise NotAllowed(
                "A facilitator already has this case. Ask them to add you as a co-facilitator."
            )
        CaseFacilitator.objects.create(case=locked, member=facilitator, lead=True)
        _record(facilitator, AuditRole.FACILITATOR, locked, "lead_facilitator")


def _readable_items(case: Case) -> Iterable[tuple[vault.PrivateText, bool]]:
    """Every item of a case that facilitators on it read: (item, written by a facilitator)."""
    if case.acknowledgement is not None:
        yield case.acknowledgement, False
    for letter in Letter.objects.filter(case=case).exclude(status=Letter.Status.COACH_HOLDS):
        yield letter.text, False
        if letter.feedback is not None:
            yield letter.feedback, True
    for note in CaseNote.objects.filter(case=case):
        yield note.text, True


def do_add_cofacilitator(
    holder: vault.Keyholder, facilitator: Member, case: Case, colleague: Member
) -> None:
    """Co-facilitation, recorded (G8): a facilitator on the case adds a colleague of the
    same institution and wraps for them every key the case's facilitators hold."""
    if Relation.FACILITATOR not in access.case_relations(colleague, case):
        raise NotAllowed("Only a facilitator of this institution can co-facilitate its cases.")

    def add() -> None:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            _, created = CaseFacilitator.objects.get_or_create(case=locked, member=colleague)
            if not created:
                return
            for item, _ in _readable_items(locked):
                if holder.member_id in vault.readers_of(item):
                    vault.grant(holder, item, colleague)
            _record(facilitator, AuditRole.FACILITATOR, locked, "cofacilitator_added")

    _as_facilitator(facilitator, case, add)


# ------------------------------------------------------------ party codes


def do_issue_party_code(
    facilitator: Member, case: Case, party: Party
) -> tuple[PartyInvitation, str]:
    """A single-use code for a party to join the case; any unused earlier one stops working.

    For the harmed party this is the approach itself: G1, G2 and G3 guard it.
    """
    require(access.case_relations(facilitator, case), Action.INVITE_PARTY, Obj.CASE)
    step = Step.INVITE_HARMED if party == Party.HARMED else Step.INVITE_RESPONSIBLE
    with transaction.atomic():
        locked = _locked(case)
        if locked.member_of(party) is not None:
            raise NotAllowed(f"The {party.label} has already joined this case.")
        if locked.stage in ENDED:
            raise NotAllowed("This case has ended.")
        refusal = first_refusal(locked, Attempt(step=step, actor_id=facilitator.pk))
        if refusal is None:
            PartyInvitation.objects.filter(case=locked, party=party, used__isnull=True).delete()
            invitation, code = issue_code(
                PartyInvitation,
                facilitator,
                days=HARMED_CODE_DAYS if party == Party.HARMED else INVITATION_DAYS,
                case=locked,
                party=party,
            )
            audit.record(
                facilitator,
                AuditRole.FACILITATOR,
                AuditEventType.INVITATION_ISSUED,
                invitation,
                institution_id=locked.institution_id,
                reason=f"{party.value}_party",
            )
            return invitation, code
    raise _refuse(facilitator, AuditRole.FACILITATOR, case, refusal)


def do_join_case(member: Member, code: str) -> Case:
    """The member becomes the party the code was issued for. The code works once."""

    def join(invitation: PartyInvitation) -> Case:
        case = _locked(invitation.case)
        party = Party(invitation.party)
        if case.party_of(member.pk) is not None or access.on_case(member, case):
            raise InvitationRefused("You already have a part in this case.")
        if party == Party.HARMED:
            case.harmed = member
        else:
            case.responsible = member
        case.save(update_fields=["harmed" if party == Party.HARMED else "responsible"])
        audit.record(
            member,
            AuditRole.PARTY,
            AuditEventType.INVITATION_ACCEPTED,
            invitation,
            institution_id=case.institution_id,
            reason=f"{party.value}_party",
        )
        return case

    return claim_code(PartyInvitation.objects.all(), member, code, join)


# ---------------------------------------------------------------- parties


def _disclosure_gate(member: Member, case: Case, party: Party) -> None:
    """G5 before a party says anything, asked of the case as it now stands in the
    database (the caller's copy may predate the acknowledgement)."""
    step = Step.HARMED_DISCLOSES if party == Party.HARMED else Step.RESPONSIBLE_DISCLOSES
    current = Case.objects.select_related("institution").get(pk=case.pk)
    refusal = first_refusal(current, Attempt(step=step))
    if refusal is not None:
        raise _refuse(member, AuditRole.PARTY, case, refusal)


def do_acknowledge_notice(member: Member, case: Case) -> None:
    require(access.case_relations(member, case), Action.ACKNOWLEDGE, Obj.CASE)
    party = _party_role(case, member)
    field = "harmed_notice_ack" if party == Party.HARMED else "responsible_notice_ack"
    with transaction.atomic():
        locked = _locked(case)
        setattr(locked, field, timezone.now())
        locked.save(update_fields=[field])
        _record(member, AuditRole.PARTY, locked, f"notice_acknowledged_{party.value}")


def _seal_for_facilitators(
    holder: vault.Keyholder,
    case: Case,
    binding: vault.Binding,
    text: str,
    also: Iterable[Member] = (),
) -> vault.PrivateText:
    item = vault.seal_text(holder, binding, text)
    for reader in [*access.facilitators_on(case), *also]:
        if reader.pk != holder.member_id:
            vault.grant(holder, item, reader)
    return item


def do_take_responsibility(holder: vault.Keyholder, member: Member, case: Case, text: str) -> None:
    """G3: the responsible party's acknowledgement of responsibility for what they did,
    in their own words, for the facilitators on the case."""
    require(access.case_relations(member, case), Action.TAKE_RESPONSIBILITY, Obj.CASE)
    if not text.strip():
        raise NotAllowed("Write what you did and that it was your responsibility.")
    if not access.facilitators_on(case):
        raise NotAllowed("No facilitator has taken your case yet. You can write this once one has.")
    _disclosure_gate(member, case, Party.RESPONSIBLE)
    with transaction.atomic():
        locked = _locked(case)
        if locked.acknowledgement is not None:
            vault.destroy_text(locked.acknowledgement)
        locked.acknowledgement = _seal_for_facilitators(
            holder, locked, access.acknowledgement_binding(locked), text.strip()
        )
        locked.responsibility_acknowledged = timezone.now()
        locked.save(update_fields=["acknowledgement", "responsibility_acknowledged"])
        _record(member, AuditRole.PARTY, locked, "responsibility_acknowledged")


class Answer(StrEnum):
    OPT_IN = "opt_in"
    DECLINE = "decline"
    NO_CONTACT = "no_contact"


def do_answer(member: Member, case: Case, answer: str) -> None:
    """G1, G2: the harmed party says whether they want contact. Their answer, recorded.

    Opting in is informed (the notice acknowledged, G5). Declining and opting out for
    good never need anything first, and close no door but contact.
    """
    require(access.case_relations(member, case), Action.CHOOSE, Obj.CASE)
    if answer == Answer.OPT_IN:
        _disclosure_gate(member, case, Party.HARMED)
    elif answer not in (Answer.DECLINE, Answer.NO_CONTACT):
        raise NotAllowed("Choose one of the answers.")
    with transaction.atomic():
        locked = _locked(case)
        now = timezone.now()
        if answer == Answer.OPT_IN:
            if locked.no_contact:
                raise NotAllowed(
                    "You opted out of contact for good. If you want to change that, "
                    "tell your facilitator when you meet."
                )
            locked.opted_in_at, locked.declined_at = now, None
        elif answer == Answer.DECLINE:
            locked.opted_in_at, locked.declined_at = None, now
        else:
            locked.opted_in_at, locked.no_contact = None, True
            locked.declined_at = locked.declined_at or now
        locked.save(update_fields=["opted_in_at", "declined_at", "no_contact"])
        _record(member, AuditRole.PARTY, locked, f"harmed_{answer}")


def do_end_session(member: Member, case: Case, *, go_on: bool = False) -> None:
    """G7: the harmed party ends the session, in one step and without a reason; or, when
    they are ready, goes on. Until then nothing passes and the encounter waits."""
    require(access.case_relations(member, case), Action.CHOOSE, Obj.CASE)
    with transaction.atomic():
        locked = _locked(case)
        if locked.stage in ENDED:
            raise NotAllowed("This case has ended.")
        locked.session_ended = None if go_on else (locked.session_ended or timezone.now())
        locked.save(update_fields=["session_ended"])
        _record(
            member, AuditRole.PARTY, locked, "harmed_goes_on" if go_on else "harmed_ended_session"
        )


CHOICES: dict[str, Any] = {
    "mode": Mode,
    "support": Support,
    "speaks_first": SpeaksFirst,
    "pace": Pace,
}


def do_choose(member: Member, case: Case, *, repair_forms: list[str], **choices: str) -> None:
    """G7: the harmed party's choices for any contact and for repair."""
    require(access.case_relations(member, case), Action.CHOOSE, Obj.CASE)
    for name, value in choices.items():
        if name not in CHOICES or value not in CHOICES[name].values:
            raise NotAllowed("Choose from the options given.")
    if any(form not in Repair.values for form in repair_forms):
        raise NotAllowed("Choose from the options given.")
    _disclosure_gate(member, case, Party.HARMED)
    with transaction.atomic():
        locked = _locked(case)
        for name, value in choices.items():
            setattr(locked, name, value)
        locked.repair_forms = repair_forms
        locked.save(update_fields=[*choices, "repair_forms"])
        _record(member, AuditRole.PARTY, locked, "harmed_choices")


def do_share_impact_statement(
    holder: vault.Keyholder, member: Member, case: Case, statement: ImpactStatement
) -> ImpactShare:
    """The harmed party lets the facilitators on their case read their impact statement.

    The newest version, read-only, for exactly the facilitators on the case now; shared
    again, it moves to the newest version and to whoever is on the case then. Never for
    the responsible party (G1). A disclosure: the notice comes first (G5). The grant of
    each key is audited (impact.actions), and the case's audit log shows it.
    """
    require(access.case_relations(member, case), Action.SHARE, Obj.CASE)
    if _party_role(case, member) != Party.HARMED:
        raise PermissionError("only the harmed party shares an impact statement")
    if case.stage in ENDED:
        raise NotAllowed("This case has ended, so nothing can be shared for it.")
    facilitators = access.facilitators_on(case)
    if not facilitators:
        raise NotAllowed("No facilitator has taken your case yet. You can share it once one has.")
    _disclosure_gate(member, case, Party.HARMED)
    try:
        return impact_actions.do_share_impact_statement(
            holder,
            statement,
            case.institution,
            notice_acknowledged=True,  # the gate above: acknowledged as it now stands
            readers=facilitators,
            case_id=case.id,
        )
    except impact_actions.ShareRefused as refused:
        raise NotAllowed(str(refused)) from None


def do_stop_sharing_impact_statement(member: Member, case: Case, share: ImpactShare) -> None:
    """One step, at any time, at any stage: every key the share wrapped is deleted."""
    require(access.case_relations(member, case), Action.SHARE, Obj.CASE)
    if share.case_id != case.id:
        raise NotAllowed("That was not shared for this case.")
    impact_actions.do_revoke_share(member, share)


# ----------------------------------------------------------- facilitators


def _facilitator_step(facilitator: Member, case: Case) -> Case:
    """Lock the case for a facilitator's recording, refusing anyone not on it (G8)."""
    require(access.case_relations(facilitator, case), Action.MOVE, Obj.CASE)
    locked = _locked(case)
    if not access.on_case(facilitator, locked):
        raise _Blocked(NOT_ON_CASE)
    return locked


def _as_facilitator(facilitator: Member, case: Case, step: Callable[[], T]) -> T:
    try:
        return step()
    except _Blocked as blocked:
        raise _refuse(facilitator, AuditRole.FACILITATOR, case, blocked.refusal) from None


def do_record_screening(facilitator: Member, case: Case, contraindications: list[str]) -> Case:
    """G4: the contraindication checklist. A danger sign moves the case to the danger
    path in the same transaction (item 5: danger overrides process)."""
    found = [Contraindication(code).value for code in contraindications]

    def record() -> Case:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            locked.contraindications = found
            locked.screened_at = timezone.now()
            locked.save(update_fields=["contraindications", "screened_at"])
            _record(
                facilitator,
                AuditRole.FACILITATOR,
                locked,
                "screening_" + ("_".join(sorted(found))[:40] if found else "clear"),
            )
            danger = [code for code in found if code in DANGER_SIGNS]
            if danger and locked.stage_enum not in ENDED | {Stage.DANGER}:
                _move(
                    locked, Stage.DANGER, facilitator, AuditRole.FACILITATOR, facilitator, danger[0]
                )
            return locked

    return _as_facilitator(facilitator, case, record)


def do_record_readiness(facilitator: Member, case: Case) -> None:
    def record() -> None:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            if locked.responsibility_acknowledged is None:
                raise NotAllowed(
                    "Readiness is checked after the responsible party's acknowledgement."
                )
            locked.readiness_checked = timezone.now()
            locked.save(update_fields=["readiness_checked"])
            _record(facilitator, AuditRole.FACILITATOR, locked, "readiness_checked")

    _as_facilitator(facilitator, case, record)


def do_record_reporting(facilitator: Member, case: Case, decision: str) -> None:
    """G5: the reporting decision, logged."""
    choice = Reporting(decision)

    def record() -> None:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            locked.reporting = choice
            locked.save(update_fields=["reporting"])
            _record(facilitator, AuditRole.FACILITATOR, locked, f"reporting_{choice.value}")

    _as_facilitator(facilitator, case, record)


def do_decide(facilitator: Member, case: Case, decision: str) -> None:
    """G8: the facilitators' go/no-go. A go passes the gates an encounter needs."""
    choice = Decision(decision)

    def record() -> None:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            if locked.stage != Stage.GO_NO_GO:
                raise NotAllowed("Move the case to the go/no-go stage first.")
            if choice == Decision.GO:
                refusal = first_refusal(
                    locked, Attempt(step=Step.DECIDE_GO, actor_id=facilitator.pk)
                )
                if refusal is not None:
                    raise _Blocked(refusal)
            locked.decision, locked.decided_at = choice, timezone.now()
            locked.save(update_fields=["decision", "decided_at"])
            _record(facilitator, AuditRole.FACILITATOR, locked, f"decision_{choice.value}")

    _as_facilitator(facilitator, case, record)


def do_write_note(holder: vault.Keyholder, facilitator: Member, case: Case, text: str) -> CaseNote:
    """A private note, encrypted for the facilitators on the case."""
    access.notes_on(facilitator, case, Action.WRITE)
    if not text.strip():
        raise NotAllowed("Write the note first.")

    def write() -> CaseNote:
        with transaction.atomic():
            locked = _facilitator_step(facilitator, case)
            note = CaseNote(id=uuid.uuid4(), case=locked, author=facilitator)
            note.text = _seal_for_facilitators(
                holder, locked, access.note_binding(note), text.strip()
            )
            note.save()
            return note

    return _as_facilitator(facilitator, case, write)


# ----------------------------------------------------------------- letters


def coach_holds(holder: vault.Keyholder, member: Member, text: str) -> list[Any]:
    """G9: what the coach finds in a letter that must change before anyone reads it:
    identifying details and failure patterns (missing elements are not asked of a letter)."""
    review = get_coach().review(text, keep_out=keep_out_of(holder, member))
    return [f for f in review.findings if f.family in ("detail", "pattern")]


def do_write_letter(holder: vault.Keyholder, member: Member, case: Case, text: str) -> Letter:
    """A party writes a letter for the other party, to the facilitators first.

    A responsible party's letter that the coach holds stays readable by its writer
    alone until a revision passes (G9).
    """
    require(access.case_relations(member, case), Action.WRITE, Obj.CASE)
    party = _party_role(case, member)
    if not text.strip():
        raise NotAllowed("Write the letter first.")
    if case.stage in ENDED:
        raise NotAllowed("This case has ended.")
    if not access.facilitators_on(case):
        raise NotAllowed("No facilitator has taken your case yet. You can write once one has.")
    _disclosure_gate(member, case, party)
    held = party == Party.RESPONSIBLE and bool(coach_holds(holder, member, text))
    with transaction.atomic():
        locked = _locked(case)
        letter = Letter(
            id=uuid.uuid4(),
            case=locked,
            author=member,
            party=party,
            status=Letter.Status.COACH_HOLDS if held else Letter.Status.WITH_FACILITATOR,
        )
        binding = access.letter_binding(letter)
        if held:
            letter.text = vault.seal_text(holder, binding, text.strip())
        else:
            letter.text = _seal_for_facilitators(holder, locked, binding, text.strip())
        letter.save()
    return letter


def do_revise_letter(holder: vault.Keyholder, member: Member, letter: Letter, text: str) -> Letter:
    """The writer revises a letter the coach held or the facilitator sent back."""
    if letter.author_id != member.pk or not letter.editable:
        raise NotAllowed("This letter can no longer be changed.")
    if not text.strip():
        raise NotAllowed("Write the letter first.")
    held = letter.party == Party.RESPONSIBLE and bool(coach_holds(holder, member, text))
    with transaction.atomic():
        locked = Letter.objects.select_for_update().select_related("text", "case").get(pk=letter.pk)
        vault.reseal_text(holder, locked.text, text.strip())
        for reader in access.facilitators_on(locked.case):
            if held:
                # G9: a revision the coach holds is for its writer alone again.
                vault.revoke(locked.text, reader)
            else:
                vault.grant(holder, locked.text, reader)
        locked.status = Letter.Status.COACH_HOLDS if held else Letter.Status.WITH_FACILITATOR
        locked.save(update_fields=["status", "updated"])
    return locked


class Relay(StrEnum):
    HAND_ON = "pass_on"
    ASK_CHANGES = "ask_changes"
    HOLD = "hold"


def do_relay_letter(
    holder: vault.Keyholder, facilitator: Member, letter: Letter, decision: str, feedback: str = ""
) -> Letter:
    """The facilitator passes a letter on, asks its writer for changes, or holds it."""
    require(access.letter_relations(facilitator, letter), Action.RELAY, Obj.LETTER)
    case = letter.case
    if decision not in (Relay.HAND_ON, Relay.ASK_CHANGES, Relay.HOLD):
        raise NotAllowed("Choose whether to pass it on, ask for changes, or hold it.")
    if letter.status not in (Letter.Status.WITH_FACILITATOR, Letter.Status.HELD):
        raise NotAllowed("This letter is not waiting for you.")
    if decision == Relay.ASK_CHANGES and not feedback.strip():
        raise NotAllowed("Say what should change, so the writer can act on it.")
    step = (
        Step.RELAY_TO_HARMED
        if letter.recipient_party == Party.HARMED
        else Step.RELAY_TO_RESPONSIBLE
    )

    def relay() -> Letter:
        with transaction.atomic():
            locked_case = _facilitator_step(facilitator, case)
            locked = Letter.objects.select_for_update().select_related("text").get(pk=letter.pk)
            if decision == Relay.HAND_ON:
                refusal = first_refusal(
                    locked_case, Attempt(step=step, actor_id=facilitator.pk, letter=locked)
                )
                if refusal is not None:
                    raise _Blocked(refusal)
                recipient_id = locked_case.member_of(locked.recipient_party)
                if recipient_id is None:
                    raise NotAllowed(f"The {locked.recipient_party.label} has not joined the case.")
                vault.grant(holder, locked.text, Member.objects.get(pk=recipient_id))
                locked.status, locked.passed_on = Letter.Status.PASSED_ON, timezone.now()
                event = AuditEventType.LETTER_RELAYED
            elif decision == Relay.ASK_CHANGES:
                binding = access.feedback_binding(locked)
                if locked.feedback is not None:
                    vault.destroy_text(locked.feedback)
                locked.feedback = _seal_for_facilitators(
                    holder, locked_case, binding, feedback.strip(), also=[locked.author]
                )
                locked.status = Letter.Status.CHANGES_ASKED
                event = AuditEventType.LETTER_RETURNED
            else:
                locked.status = Letter.Status.HELD
                event = AuditEventType.LETTER_HELD
            locked.save(update_fields=["status", "passed_on", "feedback", "updated"])
            audit.record(
                facilitator,
                AuditRole.FACILITATOR,
                event,
                locked,
                institution_id=locked_case.institution_id,
                reason=f"from_{locked.party}",
            )
            return locked

    return _as_facilitator(facilitator, case, relay)


# ---------------------------------------------------------- personal data


def erase_cases(member: Member) -> None:
    """A party who deletes their account leaves their cases: each one is withdrawn
    (recorded as Amends' doing, not theirs), and every letter they wrote is destroyed."""
    for case in Case.objects.filter(harmed=member) | Case.objects.filter(responsible=member):
        locked = _locked(case)
        if locked.stage not in ENDED:
            _move(locked, Stage.WITHDRAWN, None, AuditRole.SYSTEM, None, "party_left")
    for letter in Letter.objects.filter(author=member).select_related("text"):
        item = letter.text
        letter.delete()
        vault.destroy_text(item)
