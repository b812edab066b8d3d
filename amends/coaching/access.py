"""Reads of a member's coach settings and notes, through the vault.

The coaching app sits below the apps whose writing it reviews (statements now,
case letters and responses later): it knows a reviewed text only by its id and
its author's id, which the caller has already checked access to.
"""

from __future__ import annotations

import json
import uuid

from amends.coaching.models import CoachNotes, KeepOutList
from amends.coaching.review import StatementReview, review_sections
from amends.core.permissions import Action, Obj, base_relations, require
from amends.members.models import Member
from amends.vault import api as vault


def keep_out_binding(keep_out: KeepOutList) -> vault.Binding:
    return vault.Binding(model="coaching.KeepOutList", row=str(keep_out.id), field="items")


def notes_binding(notes: CoachNotes) -> vault.Binding:
    return vault.Binding(model="coaching.CoachNotes", row=str(notes.id), field="notes")


def keep_out_of(holder: vault.Keyholder, member: Member) -> list[str]:
    return keep_out_of_member(holder, member.id)


def keep_out_of_member(holder: vault.Keyholder, member_id: uuid.UUID) -> list[str]:
    keep_out = KeepOutList.objects.filter(member_id=member_id).select_related("items").first()
    if keep_out is None:
        return []
    items = json.loads(vault.open_text(holder, keep_out.items, keep_out_binding(keep_out)))
    return [str(item) for item in items]


def notes_of(holder: vault.Keyholder, statement_id: uuid.UUID) -> dict[str, dict[str, str]]:
    """{"dismissed": {finding key: the member's reason}}."""
    notes = CoachNotes.objects.filter(statement_id=statement_id).select_related("notes").first()
    if notes is None:
        return {"dismissed": {}}
    document = json.loads(vault.open_text(holder, notes.notes, notes_binding(notes)))
    return {"dismissed": {str(k): str(v) for k, v in document.get("dismissed", {}).items()}}


def dismissed_of(holder: vault.Keyholder, statement_id: uuid.UUID) -> dict[str, str]:
    return notes_of(holder, statement_id)["dismissed"]


def notes_for(person: object, owner_id: uuid.UUID, action: Action) -> None:
    """Refuse unless the person may do `action` to the coach notes of `owner_id`.

    A keep-out list is a list of real names, and dismissals say which details are
    real: only their writer may read or change them (core.permissions).
    """
    require(base_relations(person, owner_id=owner_id), action, Obj.COACH_NOTES)


def review_for(
    holder: vault.Keyholder,
    author_id: uuid.UUID,
    statement_id: uuid.UUID,
    titles: tuple[tuple[str, str], ...],
    sections: dict[str, str],
) -> StatementReview:
    """The coach's review of a statement's sections, with its author's keep-out list and
    the findings they dismissed for it. The holder must be the author's."""
    if holder.member_id != author_id:
        raise PermissionError("only the author's key opens their coach notes")
    return review_sections(
        titles,
        sections,
        keep_out=keep_out_of_member(holder, author_id),
        dismissed=dismissed_of(holder, statement_id),
    )


def readable_keep_out(items: list[str]) -> str:
    if not items:
        return "## Your keep-out list\n\nIt was empty."
    return "## Your keep-out list\n\n" + "\n".join(f"- {item}" for item in items)
