"""A member's reflection: their private answers to the self-inventory."""

from __future__ import annotations

import uuid

from django.db import models


class Answer(models.Model):
    """One answer. Its text lives in the vault; this row holds only who and which question."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=32)
    text = models.OneToOneField("vault.PrivateText", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"answer to {self.question}"
