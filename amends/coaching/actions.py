"""Writes for the coach's private notes: keep-out lists and dismissed findings."""

from __future__ import annotations

import json
import uuid

from django.db import transaction

from amends.coaching.access import keep_out_binding, notes_binding, notes_of
from amends.coaching.models import CoachNotes, KeepOutList
from amends.members.models import Member
from amends.vault import api as vault

MAX_KEEP_OUT = 100

DISMISS_REASONS = {
    "placeholder": "It is a placeholder I made up, not a real detail.",
    "not_identifying": "It could not help anyone work out who anyone is.",
    "misread": "The coach misread what I wrote.",
    "other": "Another reason.",
}


def do_set_keep_out(holder: vault.Keyholder, member: Member, items: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(item.strip() for item in items if item.strip()))[:MAX_KEEP_OUT]
    document = json.dumps(cleaned, ensure_ascii=False)
    with transaction.atomic():
        keep_out = KeepOutList.objects.filter(member=member).select_related("items").first()
        if keep_out is None:
            keep_out = KeepOutList(id=uuid.uuid4(), member=member)
            keep_out.items = vault.seal_text(holder, keep_out_binding(keep_out), document)
            keep_out.save()
        else:
            vault.reseal_text(holder, keep_out.items, document)
    return cleaned


def _save_notes(
    holder: vault.Keyholder, statement_id: uuid.UUID, document: dict[str, dict[str, str]]
) -> None:
    text = json.dumps(document, ensure_ascii=False)
    notes = CoachNotes.objects.filter(statement_id=statement_id).select_related("notes").first()
    if notes is None:
        notes = CoachNotes(id=uuid.uuid4(), statement_id=statement_id)
        notes.notes = vault.seal_text(holder, notes_binding(notes), text)
        notes.save()
    else:
        vault.reseal_text(holder, notes.notes, text)


def do_dismiss_finding(
    holder: vault.Keyholder, statement_id: uuid.UUID, key: str, reason: str, note: str = ""
) -> None:
    explanation = DISMISS_REASONS.get(reason, DISMISS_REASONS["other"])
    if note.strip():
        explanation = f"{explanation} {note.strip()[:200]}"
    with transaction.atomic():
        document = notes_of(holder, statement_id)
        document["dismissed"][key[:80]] = explanation
        _save_notes(holder, statement_id, document)


def do_restore_finding(holder: vault.Keyholder, statement_id: uuid.UUID, key: str) -> None:
    with transaction.atomic():
        document = notes_of(holder, statement_id)
        document["dismissed"].pop(key, None)
        _save_notes(holder, statement_id, document)


def erase_notes(statement_id: uuid.UUID) -> None:
    for notes in CoachNotes.objects.filter(statement_id=statement_id).select_related("notes"):
        item = notes.notes
        notes.delete()
        vault.destroy_text(item)


def erase_keep_out(member: Member) -> None:
    for keep_out in KeepOutList.objects.filter(member=member).select_related("items"):
        item = keep_out.items
        keep_out.delete()
        vault.destroy_text(item)
