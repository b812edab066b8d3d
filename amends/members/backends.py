"""Authentication by lookup value and secret (a codename or a passphrase)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.http import HttpRequest

from amends.members.identity import MAX_SECRET_LENGTH, handle_lookup
from amends.members.models import Member
from amends.members.throttle import clear_failures, is_throttled, record_failure


class MemberBackend(BaseBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        lookup: str | None = None,
        secret: str | None = None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Member | None:
        if lookup is None and username is not None and password is not None:
            # The admin's own login form: operators log in with a handle and passphrase,
            # throttled here because that form does not go through members.actions.
            return self._admin_login(request, username, password)
        if lookup is None or secret is None or len(secret) > MAX_SECRET_LENGTH:
            # An over-long secret is never a member's: refused before any hashing
            # (the admin's login form, unlike ours, sets no maximum length).
            return None
        member = Member.objects.filter(lookup=lookup, is_active=True).first()
        if member is None:
            # Hash anyway so that a missing account takes as long as a wrong secret:
            # timing must not tell an attacker which handles exist.
            Member().set_password(secret)
            return None
        return member if member.check_password(secret) else None

    def _admin_login(
        self, request: HttpRequest | None, handle: str, passphrase: str
    ) -> Member | None:
        lookup = handle_lookup(handle)
        if is_throttled(lookup):
            return None
        member = self.authenticate(request, lookup=lookup, secret=passphrase)
        if member is None or not member.is_staff:
            record_failure(lookup)
            return None
        clear_failures(lookup)
        return member

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
