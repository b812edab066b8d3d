"""Reads of reflections, always scoped to the member who wrote them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from amends.core.permissions import Action, Obj, base_relations, require
from amends.members.models import Member
from amends.reflections.models import Answer
from amends.reflections.questions import QUESTIONS, Question
from amends.vault import api as vault


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    # (question, answered?) in the inventory's order, for the list of themes.
    questions: tuple[tuple[Question, bool], ...] = ()

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def reflection_of(person: object, owner_id: uuid.UUID, action: Action) -> Member:
    """The member whose reflection this is, if the person may do `action` to it.

    A reflection is its writer's alone: no role reads it (core.permissions).
    """
    require(base_relations(person, owner_id=owner_id), action, Obj.REFLECTION)
    assert isinstance(person, Member)
    return person


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


def export_reflection(holder: vault.Keyholder, member: Member) -> list[dict[str, str]]:
    """The member's answers for their export, in the order the questions are asked."""
    answers = read_answers(holder, member)
    return [
        {"question": question.text, "answer": answers[question.key]}
        for question in QUESTIONS
        if question.key in answers
    ]


def space_context(holder: vault.Keyholder, member: Member) -> dict[str, object]:
    return {"reflection": reflection_progress(member)}


def readable_reflection(answers: list[dict[str, str]]) -> str:
    if not answers:
        return "## Reflection\n\nYou had not answered any question."
    parts = ["## Reflection"]
    for answer in answers:
        parts.append(f"### {answer['question']}\n\n{answer['answer']}")
    return "\n\n".join(parts)


def answered_questions(member: Member) -> set[str]:
    """Which questions the member has answered: the rows say so without opening the text."""
    return set(Answer.objects.filter(member=member).values_list("question", flat=True))


def progress_of(answered: set[str]) -> Progress:
    questions = tuple((question, question.key in answered) for question in QUESTIONS)
    return Progress(
        answered=sum(done for _, done in questions), total=len(QUESTIONS), questions=questions
    )
