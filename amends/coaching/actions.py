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

# Why a member may set a finding aside, by the finding's family. A dismissal is a
# decision: the menu starts empty, and the server refuses a reason that does not fit
# the family (a placeholder cannot explain away a missing apology).
DISMISS_REASONS: dict[str, dict[str, str]] = {
    "detail": {
        "placeholder": "It is a placeholder I made up, not a real detail.",
        "public": "It is public and already known, so it reveals nothing new.",
        "not_about_anyone": "It is not about anyone.",
    },
    "pattern": {
        "rejected_next": "I reject it in the next sentence.",
        "someone_else": "It is about someone else, not me.",
        "disagree": "I disagree, and here is why.",
    },
    "missing": {
        "elsewhere": "It is in another section.",
        "unsafe": "I cannot do this safely.",
    },
}
# Reasons that say nothing without the member's own words.
NOTE_REQUIRED = frozenset({"disagree"})
MAX_NOTE = 200


class DismissalRefused(Exception):
    """A dismissal without a reason that fits the finding; the message says what to do."""


def family_of(key: str) -> str:
    """A finding key starts with its family ("detail:name:…", see amends.coach.model)."""
    return key.split(":", 1)[0]


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
    reasons = DISMISS_REASONS.get(family_of(key))
    if reasons is None:
        raise DismissalRefused("The coach has no such finding.")
    if reason not in reasons:
        raise DismissalRefused("Choose why you are dismissing it: " + " / ".join(reasons.values()))
    note = " ".join(note.split())[:MAX_NOTE]
    if reason in NOTE_REQUIRED and not note:
        raise DismissalRefused("Say in the note why you disagree, so you can weigh it later.")
    explanation = f"{reasons[reason]} {note}".strip()
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
