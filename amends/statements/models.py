"""Accountability statements: private drafts with kept versions, and their publication."""

from __future__ import annotations

import uuid

from django.db import models

from amends.vault.versions import KeptVersion


class Statement(models.Model):
    """A member's accountability statement. Its text lives only in its versions, in the vault."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="statements"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # The public copy while the statement is published. Unpublishing deletes it.
    publication = models.OneToOneField(
        "library.Publication", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return f"statement {str(self.id)[:8]}"

    @property
    def is_published(self) -> bool:
        return self.publication_id is not None


class StatementVersion(KeptVersion):
    """One kept version of a statement's sections, encrypted as one JSON document."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="versions")

    class Meta(KeptVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="unique_version_number")
        ]
