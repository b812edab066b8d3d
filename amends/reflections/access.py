"""Reads of reflections, always scoped to the member who wrote them."""

from __future__ import annotations

from dataclasses import dataclass

from amends.members.models import Member
from amends.reflections.models import Answer
from amends.reflections.questions import QUESTIONS
from amends.vault import api as vault


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int


def binding_for(answer: Answer) -> vault.Binding:
    return vault.Binding(model="reflections.Answer", row=str(answer.id), field="text")


def answers_of(member: Member) -> dict[str, Answer]:
    return {a.question: a for a in Answer.objects.filter(member=member).select_related("text")}


def read_answers(holder: vault.Keyholder, member: Member) -> dict[str, str]:
    """The member's answers, decrypted. Raises the vault's errors; never returns ciphertext."""
    return {
        key: vault.open_text(holder, answer.text, binding_for(answer))
        for key, answer in answers_of(member).items()
    }


def reflection_progress(member: Member) -> Progress:
    return Progress(answered=Answer.objects.filter(member=member).count(), total=len(QUESTIONS))
