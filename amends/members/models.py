"""Members: anyone with a login. Anonymous by default."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models

from amends.members.identity import MAX_SECRET_LENGTH, normalise_secret


class MemberManager(BaseUserManager["Member"]):
    def create_user(self, lookup: str, password: str | None = None, **extra: Any) -> Member:
        member = self.model(lookup=lookup, **extra)
        member.set_password(password)
        member.save()
        return member

    def create_superuser(self, lookup: str, password: str | None = None, **extra: Any) -> Member:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(lookup, password, **extra)


class Member(AbstractBaseUser, PermissionsMixin):
    """A person with a login.

    Amends never stores the handle or codename itself: `lookup` is an HMAC of it
    under the server's pepper (see members.identity), so a copy of the database
    does not list who has an account, and the stored value differs from the secret
    the vault derives keys from.
    """

    class Kind(models.TextChoices):
        CODENAME = "codename", "codename"
        HANDLE = "handle", "handle and passphrase"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    lookup = models.CharField(max_length=64, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # HMAC of the one-time recovery key, so that the key alone finds the account
    # (a codename member who lost their codename has nothing else to give).
    recovery_lookup = models.CharField(  # noqa: DJ001 - NULL, unlike "", stays unique-safe
        max_length=64, unique=True, null=True, editable=False
    )
    # Only the month: exact sign-up times help tie an account to other traces.
    joined_month = models.DateField()
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)

    # Django's last_login would record the exact time of every visit; nothing
    # in Amends needs it.
    last_login = None

    USERNAME_FIELD = "lookup"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = MemberManager()

    def __str__(self) -> str:
        return f"member {str(self.id)[:8]}"

    # ------------------------------------------------------------ secrets
    #
    # Django's password hash and the vault's key wrap must see the same secret, or a
    # member could pass one check and fail the other. Both go through normalised().

    def normalised(self, secret: str) -> str:
        return normalise_secret(secret, codename=self.kind == self.Kind.CODENAME)

    def vault_secret(self, secret: str) -> bytes:
        """The secret as the vault wraps this member's key under it."""
        return self.normalised(secret).encode()

    def set_password(self, raw_password: str | None) -> None:
        if raw_password is not None and len(raw_password) > MAX_SECRET_LENGTH:
            raise ValueError(f"a secret is at most {MAX_SECRET_LENGTH} characters")
        super().set_password(None if raw_password is None else self.normalised(raw_password))

    def check_password(self, raw_password: str) -> bool:
        # Refused before hashing: an over-long secret is never a member's.
        if not raw_password or len(raw_password) > MAX_SECRET_LENGTH:
            return False
        normalised = self.normalised(raw_password)
        if super().check_password(normalised):
            return True
        if normalised == raw_password or not super().check_password(raw_password):
            return False
        # Passphrases were once hashed as typed, without folding look-alikes, while
        # the vault already folded them. The member proved they know the passphrase,
        # so re-hash it in the normalised form; their next login takes the first path.
        self.set_password(raw_password)
        if self.pk is not None and not self._state.adding:
            self.save(update_fields=["password"])
        return True
