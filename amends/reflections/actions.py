"""Writes for reflections."""

from __future__ import annotations

import uuid

from django.db import transaction

from amends.members.models import Member
from amends.reflections.access import answers_of, binding_for
from amends.reflections.models import Answer
from amends.reflections.questions import QUESTION_KEYS
from amends.vault import api as vault


def do_save_answers(holder: vault.Keyholder, member: Member, answers: dict[str, str]) -> int:
    """Store the member's answers privately; an emptied answer is destroyed. Returns how many changed."""
    existing = answers_of(member)
    changed = 0
    with transaction.atomic():
        for key, text in answers.items():
            if key not in QUESTION_KEYS:
                continue
            text = text.strip()
            answer = existing.get(key)
            if answer is None and text:
                answer = Answer(id=uuid.uuid4(), member=member, question=key)
                answer.text = vault.seal_text(holder, binding_for(answer), text)
                answer.save()
                changed += 1
            elif answer is not None and not text:
                item = answer.text
                answer.delete()
                vault.destroy_text(item)
                changed += 1
            elif (
                answer is not None
                and vault.open_text(holder, answer.text, binding_for(answer)) != text
            ):
                vault.reseal_text(holder, answer.text, text)
                changed += 1
    return changed


def erase_reflection(member: Member) -> None:
    for answer in Answer.objects.filter(member=member).select_related("text"):
        item = answer.text
        answer.delete()
        vault.destroy_text(item)
