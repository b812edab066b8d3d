"""What a member tells the coach: names to keep out, and findings they dismissed.

Both are private text in the vault. A keep-out list is a list of real names and
places; a dismissal carries a key derived from the words it was about. Neither may
sit in the database in the clear.
"""

from __future__ import annotations

import uuid

from django.db import models


class KeepOutList(models.Model):
    """Names and places a member never wants to appear in anything they publish."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.OneToOneField(
        "members.Member", on_delete=models.CASCADE, related_name="keep_out_list"
    )
    items = models.OneToOneField("vault.PrivateText", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return "keep-out list"


class CoachNotes(models.Model):
    """A statement's dismissed findings and confirmed details, as one private JSON document."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    statement = models.OneToOneField(
        "statements.Statement", on_delete=models.CASCADE, related_name="coach_notes"
    )
    notes = models.OneToOneField("vault.PrivateText", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return "coach notes"
