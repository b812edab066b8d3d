"""What the vault stores: only ciphertext, wrapped keys, public keys and metadata.

No field here ever holds private text or an unwrapped key. Every blob is sealed
under the server keyring (crypto.server_seal) on top of its own encryption; the
key_id and format_version columns repeat what the blob's header says so that the
admin can show them and rotation can find old blobs without opening anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import models

from amends.vault import crypto


@dataclass(frozen=True)
class Binding:
    """Where an item of private text belongs: the associated data of its encryption.

    A ciphertext copied to another row or field fails to open, because the binding
    it was sealed with no longer matches the one its reader asks for.
    """

    model: str  # "reflections.Answer"
    row: str  # the owning row's primary key, as a string
    field: str  # "text"

    def __post_init__(self) -> None:
        for name, value, limit in (
            ("model", self.model, 100),
            ("row", self.row, 64),
            ("field", self.field, 64),
        ):
            if not value or len(value) > limit:
                raise ValueError(f"a vault binding's {name} must be 1-{limit} characters")

    def __str__(self) -> str:
        return f"{self.model}:{self.row}:{self.field}"


class MemberKey(models.Model):
    """A member's X25519 key pair, the private half wrapped twice.

    Once under a key derived from their passphrase or codename (Argon2id with the
    parameters stored here, so a later, higher cost can be applied at their next
    login), and once under a key derived from their one-time recovery key.
    """

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="vault_key",
    )
    public_key = models.BinaryField(max_length=crypto.PUBLIC_KEY_BYTES)
    kdf_time_cost = models.PositiveIntegerField()
    kdf_memory_cost = models.PositiveIntegerField(help_text="KiB")
    kdf_parallelism = models.PositiveSmallIntegerField()
    passphrase_salt = models.BinaryField(max_length=crypto.SALT_BYTES)
    passphrase_wrap = models.BinaryField()
    recovery_salt = models.BinaryField(max_length=crypto.SALT_BYTES)
    recovery_wrap = models.BinaryField()
    key_id = models.CharField(max_length=32, help_text="server key sealing both wraps")
    format_version = models.PositiveSmallIntegerField(default=crypto.FORMAT_VERSION)

    def __str__(self) -> str:
        return f"vault key of member {str(self.member_id)[:8]}"

    @property
    def kdf_parameters(self) -> crypto.KdfParameters:
        return crypto.KdfParameters(
            time_cost=self.kdf_time_cost,
            memory_cost=self.kdf_memory_cost,
            parallelism=self.kdf_parallelism,
        )


class PrivateText(models.Model):
    """One item of private text: its ciphertext and, in ReaderKey, its wrapped keys.

    Other apps point at it with a one-to-one field and read it only through
    amends.vault.api.open_text, which needs an unlocked Keyholder.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="private_texts"
    )
    bound_model = models.CharField(max_length=100)
    bound_row = models.CharField(max_length=64)
    bound_field = models.CharField(max_length=64)
    ciphertext = models.BinaryField()
    key_id = models.CharField(max_length=32, help_text="server key sealing the ciphertext")
    format_version = models.PositiveSmallIntegerField(default=crypto.FORMAT_VERSION)
    # Set by destroy_text when another row still points here: the ciphertext and
    # every wrapped key are gone, only this empty shell remains.
    destroyed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bound_model", "bound_row", "bound_field"],
                condition=models.Q(destroyed=False),
                name="vault_one_text_per_binding",
            )
        ]

    def __str__(self) -> str:
        state = "destroyed" if self.destroyed else f"{len(self.ciphertext)} bytes"
        return f"private text {str(self.id)[:8]} ({self.binding}, {state})"

    @property
    def binding(self) -> Binding:
        return Binding(model=self.bound_model, row=self.bound_row, field=self.bound_field)


class ReaderKey(models.Model):
    """An item's data key wrapped for one entitled reader (the owner is one of them).

    Deleting the row is revocation; deleting every row for an item is crypto-erasure.
    """

    item = models.ForeignKey(PrivateText, on_delete=models.CASCADE, related_name="reader_keys")
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_reader_keys"
    )
    wrapped_key = models.BinaryField()
    key_id = models.CharField(max_length=32, help_text="server key sealing the wrapped key")
    format_version = models.PositiveSmallIntegerField(default=crypto.FORMAT_VERSION)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "reader"], name="vault_one_key_per_reader")
        ]

    def __str__(self) -> str:
        return f"key to private text {str(self.item_id)[:8]} for member {str(self.reader_id)[:8]}"
