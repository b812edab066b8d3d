"""Reads of cases, letters and notes, each through the reader's relation to it.

A party relation (harmed party, responsible party) holds only on the party's own
case; a facilitator relation only on cases of their institution. Whoever has no
right to a case gets 404, never 403: a guessed id tells them nothing, not even that
the case exists.

What a party may see of the other party is nothing: no id, no handle, no
pseudonym, no choice they made. The party views are built from `PartyView`,
which holds only what belongs to the party reading it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from amends.cases import stages
from amends.cases.models import Case, CaseFacilitator, CaseNote, Letter, Party, PartyInvitation
from amends.core.audit import AuditEvent
from amends.core.permissions import Action, Obj, Relation, require
from amends.impact import access as impact_access
from amends.impact.models import ImpactShare, ImpactShareReader, ImpactStatement, ImpactVersion
from amends.institutions.access import Person, relations_to
from amends.members.models import Member
from amends.vault import api as vault


def case_relations(person: Person, case: Case) -> set[Relation]:
    relations = relations_to(person, institution_id=case.institution_id)
    member_id = getattr(person, "pk", None)
    if Relation.ANONYMOUS not in relations:
        party = case.party_of(member_id)
        if party is not None:
            # A party never facilitates their own case, whatever role they hold.
            relations.discard(Relation.FACILITATOR)
        if party == Party.HARMED:
            relations.add(Relation.HARMED_PARTY)
        elif party == Party.RESPONSIBLE:
            relations.add(Relation.RESPONSIBLE_PARTY)
    return relations


def _case(case_id: uuid.UUID | str) -> Case:
    try:
        return Case.objects.select_related("institution").get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such case") from None


def case_for(person: Person, case_id: uuid.UUID | str, action: Action = Action.READ) -> Case:
    """A case the person may do `action` to (core.permissions); 404 otherwise."""
    case = _case(case_id)
    require(case_relations(person, case), action, Obj.CASE)
    return case


def is_facilitator_of(person: Person, case: Case) -> bool:
    return Relation.FACILITATOR in case_relations(person, case)


def on_case(member: Member, case: Case) -> bool:
    return CaseFacilitator.objects.filter(case=case, member=member).exists()


def facilitators_on(case: Case) -> list[Member]:
    return [seat.member for seat in case.facilitators.select_related("member").order_by("joined")]


def letter_relations(person: Person, letter: Letter) -> set[Relation]:
    relations = relations_to(
        person, owner_id=letter.author_id, institution_id=letter.case.institution_id
    )
    if letter.status == Letter.Status.COACH_HOLDS or letter.case.party_of(
        getattr(person, "pk", None)
    ):
        # G9: nobody but its writer reads a letter the coach holds.
        relations.discard(Relation.FACILITATOR)
    member_id = getattr(person, "pk", None)
    recipient_id = letter.case.member_of(letter.recipient_party)
    if (
        letter.status == Letter.Status.PASSED_ON
        and member_id is not None
        and member_id == recipient_id
        and Relation.ANONYMOUS not in relations
    ):
        relations.add(Relation.RECIPIENT)
    return relations


def letter_for(person: Person, letter_id: uuid.UUID | str, action: Action = Action.READ) -> Letter:
    try:
        letter = Letter.objects.select_related("case__institution", "text", "feedback").get(
            pk=letter_id
        )
    except (Letter.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such letter") from None
    require(letter_relations(person, letter), action, Obj.LETTER)
    return letter


def letter_binding(letter: Letter) -> vault.Binding:
    return vault.Binding(model="cases.Letter", row=str(letter.id), field="text")


def feedback_binding(letter: Letter) -> vault.Binding:
    return vault.Binding(model="cases.Letter", row=str(letter.id), field="feedback")


def note_binding(note: CaseNote) -> vault.Binding:
    return vault.Binding(model="cases.CaseNote", row=str(note.id), field="text")


def acknowledgement_binding(case: Case) -> vault.Binding:
    return vault.Binding(model="cases.Case", row=str(case.id), field="acknowledgement")


def read_letter(holder: vault.Keyholder, letter: Letter) -> str:
    return vault.open_text(holder, letter.text, letter_binding(letter))


def read_feedback(holder: vault.Keyholder, letter: Letter) -> str:
    if letter.feedback is None:
        return ""
    return vault.open_text(holder, letter.feedback, feedback_binding(letter))


def read_acknowledgement(holder: vault.Keyholder, case: Case) -> str:
    if case.acknowledgement is None:
        return ""
    return vault.open_text(holder, case.acknowledgement, acknowledgement_binding(case))


def letters_on(person: Person, case: Case) -> list[Letter]:
    """The letters of a case the person may read: a party's own and those passed on to
    them; for the case's facilitators, all but those the coach still holds."""
    letters = Letter.objects.filter(case=case).select_related("text", "feedback", "case")
    return [
        letter
        for letter in letters
        if Relation.OWNER in (relations := letter_relations(person, letter))
        or Relation.RECIPIENT in relations
        or Relation.FACILITATOR in relations
    ]


def notes_on(person: Person, case: Case, action: Action = Action.READ) -> list[CaseNote]:
    require(case_relations(person, case), action, Obj.CASE_NOTE)
    return list(CaseNote.objects.filter(case=case).select_related("text"))


def read_note(holder: vault.Keyholder, note: CaseNote) -> str:
    return vault.open_text(holder, note.text, note_binding(note))


def audit_case_for(person: Person, case_id: uuid.UUID | str) -> Case:
    """A case whose audit log the person may read; 404 otherwise.

    Its institution's admins (who never open the case itself) and operators read it;
    of its facilitators, only those on the case do, as only they act on it.
    """
    case = _case(case_id)
    relations = case_relations(person, case)
    if Relation.FACILITATOR in relations and not (
        isinstance(person, Member) and on_case(person, case)
    ):
        relations.discard(Relation.FACILITATOR)
    require(relations, Action.READ, Obj.CASE_AUDIT)
    return case


def case_audit_for(person: Person, case: Case, *, limit: int = 200) -> list[AuditEvent]:
    """The audit events of the case, its letters, its codes, and the keys to impact
    statements shared for it (who could read one, from when until when; never a word)."""
    audit_case_for(person, case.id)
    letter_ids = [str(pk) for pk in Letter.objects.filter(case=case).values_list("id", flat=True)]
    invitation_ids = [
        str(pk) for pk in PartyInvitation.objects.filter(case=case).values_list("id", flat=True)
    ]
    grant_ids = [
        str(pk)
        for pk in ImpactShareReader.objects.filter(share__case_id=case.id).values_list(
            "id", flat=True
        )
    ]
    return list(
        AuditEvent.objects.filter(
            Q(target_type="cases.Case", target_id=str(case.id))
            | Q(target_type="cases.Letter", target_id__in=letter_ids)
            | Q(target_type="cases.PartyInvitation", target_id__in=invitation_ids)
            | Q(target_type="impact.ImpactShareReader", target_id__in=grant_ids)
        )[:limit]
    )


# ------------------------------------------------------- impact statements


@dataclass(frozen=True)
class ImpactOnCase:
    """One of the harmed party's impact statements, as their case page shows it."""

    statement: ImpactStatement
    latest: ImpactVersion | None
    share: ImpactShare | None  # shared for this case now
    # Facilitators on the case who joined after it was shared: they cannot read it
    # unless the harmed party shares it again.
    not_reading: int


def impact_for_case(member: Member, case: Case) -> list[ImpactOnCase]:
    """The harmed party's impact statements, and which of them they shared for the case."""
    require(case_relations(member, case), Action.SHARE, Obj.CASE)
    facilitator_ids = set(case.facilitators.values_list("member_id", flat=True))
    shown = []
    for statement in impact_access.impact_statements_of(member):
        share = next((s for s in impact_access.shares_of(statement) if s.case_id == case.id), None)
        readers = (
            set(share.readers.filter(revoked__isnull=True).values_list("reader_id", flat=True))
            if share
            else set()
        )
        shown.append(
            ImpactOnCase(
                statement=statement,
                latest=impact_access.latest_version(statement),
                share=share,
                not_reading=len(facilitator_ids - readers) if share else 0,
            )
        )
    return shown


def case_share_for(member: Member, case: Case, share_id: uuid.UUID | str) -> ImpactShare:
    """A share of the member's own, made for this case; 404 otherwise."""
    require(case_relations(member, case), Action.SHARE, Obj.CASE)
    share = impact_access.share_for(member, share_id, Action.REVOKE)
    if share.case_id != case.id:
        raise Http404("Nothing shared here")
    return share


def impact_shared_on(person: Person, case: Case) -> list[ImpactShare]:
    """The impact statements shared for this case that the person, a facilitator on
    it, holds a key to. Nobody else: not the responsible party (G1), not a facilitator
    who is not on the case, not the institution's admins."""
    if not isinstance(person, Member) or not on_case(person, case):
        return []
    require(case_relations(person, case), Action.MOVE, Obj.CASE)
    return impact_access.shared_with(person, institution=case.institution, case_id=case.id)


def read_shared_impact(holder: vault.Keyholder, share: ImpactShare) -> str:
    return impact_access.read_shared(holder, share)


@dataclass(frozen=True)
class CaseloadRow:
    case: Case
    on_case: bool
    next_step: str
    days_waiting: int


def caseload_for(member: Member) -> list[CaseloadRow]:
    """Cases the facilitator is on, and requests at their institutions nobody took yet."""
    mine = set(CaseFacilitator.objects.filter(member=member).values_list("case_id", flat=True))
    institution_ids = [
        held
        for held in member.roles.filter(kind="facilitator").values_list("institution_id", flat=True)
    ]
    cases = (
        Case.objects.filter(institution_id__in=institution_ids)
        .filter(Q(id__in=mine) | Q(facilitators__isnull=True))
        .exclude(stage__in=stages.ENDED)
        .select_related("institution")
        .distinct()
        .order_by("stage_since")
    )
    return [
        CaseloadRow(
            case=case,
            on_case=case.id in mine,
            next_step=stages.NEXT_STEP[case.stage_enum],
            days_waiting=case.days_waiting(),
        )
        for case in cases
    ]


def is_facilitator(member: Member) -> bool:
    return member.roles.filter(kind="facilitator").exists()


def cases_of_party(member: Member) -> list[Case]:
    return list(
        Case.objects.filter(Q(harmed=member) | Q(responsible=member)).select_related("institution")
    )


def open_codes(case: Case) -> list[PartyInvitation]:
    return list(PartyInvitation.objects.filter(case=case, used__isnull=True))


@dataclass(frozen=True)
class PartyView:
    """What a party sees of their own case: their stage, their next step, what was
    shared with them. Nothing here is about the other party."""

    case: Case
    party: Party
    stage_words: str
    next_step: str
    notice_acknowledged: bool
    letters: list[Letter]


def party_view(member: Member, case: Case) -> PartyView:
    party = case.party_of(member.pk)
    if party is None:
        raise Http404
    words = stages.FOR_HARMED if party == Party.HARMED else stages.FOR_RESPONSIBLE
    return PartyView(
        case=case,
        party=party,
        stage_words=words[case.stage_enum],
        next_step=_party_next_step(case, party),
        notice_acknowledged=case.notice_acknowledged(party),
        letters=letters_on(member, case),
    )


def _party_next_step(case: Case, party: Party) -> str:
    if case.stage in stages.ENDED:
        return "Nothing more is asked of you. The other pathways below stay open."
    if not case.notice_acknowledged(party):
        return "Read the confidentiality notice below and acknowledge it."
    if party == Party.RESPONSIBLE:
        if case.responsibility_acknowledged is None:
            return "Write, in your own words, what you did and that it was your responsibility."
        return "Keep preparing with your facilitator. You can write a letter to them at any time."
    if case.opted_in_at is None and not case.no_contact and case.declined_at is None:
        return (
            "When you are ready, and only if you want to, tell your facilitator whether you "
            "want any contact. There is no deadline."
        )
    if case.opted_in_at is not None and not case.mode:
        return "Choose how any contact would happen, who is with you, and the pace."
    return "Nothing is asked of you. Your facilitator goes at your pace."


# ------------------------------------------------------------ personal data


def export_cases(holder: vault.Keyholder, member: Member) -> list[dict[str, Any]]:
    exported = []
    for case in cases_of_party(member):
        party = case.party_of(member.pk)
        letters = Letter.objects.filter(case=case, author=member).select_related("text")
        exported.append(
            {
                "institution": case.institution.name,
                "stage": case.get_stage_display(),
                "you_are": party.label if party else "",
                "letters_you_wrote": [
                    {
                        "written": letter.written.date().isoformat(),
                        "text": read_letter(holder, letter),
                    }
                    for letter in letters
                ],
            }
        )
    return exported


def space_context(holder: vault.Keyholder, member: Member) -> dict[str, Any]:
    return {"cases": cases_of_party(member), "facilitator": is_facilitator(member)}
