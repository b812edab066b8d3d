"""Authentication by lookup value and secret (a codename or a passphrase)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.http import HttpRequest

from amends.members.models import Member


class MemberBackend(BaseBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        lookup: str | None = None,
        secret: str | None = None,
        **kwargs: Any,
    ) -> Member | None:
        if lookup is None or secret is None:
            return None
        member = Member.objects.filter(lookup=lookup, is_active=True).first()
        if member is None:
            # Hash anyway so that a missing account takes as long as a wrong secret:
            # timing must not tell an attacker which handles exist.
            Member().set_password(secret)
            return None
        return member if member.check_password(secret) else None

    def get_user(self, user_id: Any) -> Member | None:
        return Member.objects.filter(pk=user_id, is_active=True).first()

    # Staff permissions for the admin come from PermissionsMixin's flags; Amends has
    # no per-object Django permissions.
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return bool(
            getattr(user_obj, "is_active", False) and getattr(user_obj, "is_superuser", False)
        )

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return bool(
            getattr(user_obj, "is_active", False) and getattr(user_obj, "is_superuser", False)
        )
