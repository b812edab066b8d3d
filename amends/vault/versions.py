"""Private text kept as dated versions, with autosaves that refine the newest one.

Accountability statements and impact statements both keep every saved version of a
member's writing, each sealed in the vault under its own data key. This module is
the one place that decides when a save makes a new version and when an autosave
refines the last one, so that the two kinds of writing cannot drift apart.

A concrete model inherits `KeptVersion`, adds the foreign key to what it is a
version of, and a unique constraint on (that key, number).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.db import models, transaction
from django.utils import timezone

from amends.vault import api as vault

# Autosaves within this window refine the same version instead of piling up one
# version every few seconds; an explicit save always keeps a new version.
AUTOSAVE_WINDOW = datetime.timedelta(minutes=10)


class KeptVersion(models.Model):
    """One kept version of a member's private text, sealed in the vault."""

    class Origin(models.TextChoices):
        AUTOSAVE = "autosave", "saved automatically"
        SAVE = "save", "saved"
        RESTORE = "restore", "restored from an earlier version"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveIntegerField()
    origin = models.CharField(max_length=16, choices=Origin.choices)
    created = models.DateTimeField(auto_now_add=True)
    saved = models.DateTimeField(auto_now=True)
    content = models.OneToOneField("vault.PrivateText", on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"version {self.number}"

    @property
    def binding(self) -> vault.Binding:
        return vault.Binding(model=self._meta.label, row=str(self.id), field="content")

    def may_refine(self) -> bool:
        """Whether an autosave may overwrite this version rather than keep a new one."""
        return (
            self.origin == KeptVersion.Origin.AUTOSAVE
            and timezone.now() - self.created < AUTOSAVE_WINDOW
        )

    def read(self, holder: vault.Keyholder) -> str:
        return vault.open_text(holder, self.content, self.binding)


V = TypeVar("V", bound=KeptVersion)


def keep_text(
    holder: vault.Keyholder,
    parent: models.Model,
    latest: Callable[[], V | None],
    new_version: Callable[[int], V],
    text: str,
    origin: str,
) -> V:
    """Keep `text` as the newest version of `parent`; return the version that holds it.

    `latest` returns the newest version (read after `parent` is locked), and
    `new_version(number)` makes an unsaved version of `parent` with that number and
    the given origin. Saving unchanged text keeps nothing new; an autosave refines
    the newest version while it `may_refine()`; anything else is a new version.
    """
    with transaction.atomic():
        # Lock the parent row so that two autosaves racing from two tabs number
        # their versions one after the other instead of colliding.
        type(parent)._default_manager.select_for_update().filter(pk=parent.pk).first()
        newest = latest()
        if newest is not None and newest.read(holder) == text:
            return newest
        if newest is not None and origin == KeptVersion.Origin.AUTOSAVE and newest.may_refine():
            vault.reseal_text(holder, newest.content, text)
            newest.save(update_fields=["saved"])
            version = newest
        else:
            version = new_version((newest.number + 1) if newest else 1)
            version.origin = origin
            version.content = vault.seal_text(holder, version.binding, text)
            version.save(force_insert=True)
        parent.save(update_fields=["updated"])
    return version
