"""Reads of a member's coach settings and notes, through the vault."""

from __future__ import annotations

import json

from amends.coaching.models import CoachNotes, KeepOutList
from amends.members.models import Member
from amends.statements.models import Statement
from amends.vault import api as vault


def keep_out_binding(keep_out: KeepOutList) -> vault.Binding:
    return vault.Binding(model="coaching.KeepOutList", row=str(keep_out.id), field="items")


def notes_binding(notes: CoachNotes) -> vault.Binding:
    return vault.Binding(model="coaching.CoachNotes", row=str(notes.id), field="notes")


def keep_out_of(holder: vault.Keyholder, member: Member) -> list[str]:
    keep_out = KeepOutList.objects.filter(member=member).select_related("items").first()
    if keep_out is None:
        return []
    items = json.loads(vault.open_text(holder, keep_out.items, keep_out_binding(keep_out)))
    return [str(item) for item in items]


def notes_of(holder: vault.Keyholder, statement: Statement) -> dict[str, dict[str, str]]:
    """{"dismissed": {finding key: the member's reason}}."""
    notes = CoachNotes.objects.filter(statement=statement).select_related("notes").first()
    if notes is None:
        return {"dismissed": {}}
    document = json.loads(vault.open_text(holder, notes.notes, notes_binding(notes)))
    return {"dismissed": {str(k): str(v) for k, v in document.get("dismissed", {}).items()}}


def dismissed_of(holder: vault.Keyholder, statement: Statement) -> dict[str, str]:
    return notes_of(holder, statement)["dismissed"]
