"""Writes for members: sign-up, login, passphrase change, recovery, deletion.

Each do_* function is the domain story of one action; views only parse and call.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import login, logout, update_session_auth_hash
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from amends.members import identity, personal_data, throttle
from amends.members.codenames import generate_codename
from amends.members.models import Member
from amends.vault import api as vault

BACKEND = "amends.members.backends.MemberBackend"


class HandleTaken(Exception):
    """Someone already signed up with this handle."""


class LoginRefused(Exception):
    """The secret is wrong, the account does not exist, or attempts are throttled."""

    def __init__(self, message: str, *, throttled: bool = False) -> None:
        super().__init__(message)
        self.throttled = throttled


@dataclass(frozen=True)
class NewMember:
    member: Member
    recovery_key: str
    codename: str | None = None


def _this_month() -> datetime.date:
    return timezone.now().date().replace(day=1)


def _create_member(request: HttpRequest, *, lookup: str, kind: str, secret: str) -> NewMember:
    with transaction.atomic():
        member = Member(lookup=lookup, kind=kind, joined_month=_this_month())
        member.set_password(secret)
        member.save()
        recovery_key = vault.provision_member(member, secret)
        member.recovery_lookup = identity.recovery_lookup(
            vault.normalise_recovery_key(recovery_key)
        )
        member.save(update_fields=["recovery_lookup"])
    login(request, member, backend=BACKEND)
    vault.unlock(request, member, secret)
    return NewMember(member=member, recovery_key=recovery_key)


def do_sign_up_with_codename(request: HttpRequest) -> NewMember:
    codename = generate_codename()
    created = _create_member(
        request,
        lookup=identity.codename_lookup(codename),
        kind=Member.Kind.CODENAME,
        secret=codename,
    )
    return NewMember(member=created.member, recovery_key=created.recovery_key, codename=codename)


def do_sign_up_with_handle(request: HttpRequest, handle: str, passphrase: str) -> NewMember:
    lookup = identity.handle_lookup(handle)
    if Member.objects.filter(lookup=lookup).exists():
        raise HandleTaken
    return _create_member(request, lookup=lookup, kind=Member.Kind.HANDLE, secret=passphrase)


def _as_typed(member: Member, secret: str) -> str:
    """A codename as it is hashed: case, hyphens and spacing do not matter to members."""
    return identity.normalise_codename(secret) if member.kind == Member.Kind.CODENAME else secret


def do_log_in(request: HttpRequest, lookup: str, secret: str) -> Member:
    if throttle.is_throttled(lookup):
        raise LoginRefused(
            "Too many failed attempts for this account. For its protection, wait "
            f"{throttle.minutes_to_wait()} minutes before trying again.",
            throttled=True,
        )
    from django.contrib.auth import authenticate

    member = authenticate(request, lookup=lookup, secret=secret)
    if not isinstance(member, Member):
        throttle.record_failure(lookup)
        raise LoginRefused("That did not match an account. Check each word and try again.")
    throttle.clear_failures(lookup)
    login(request, member, backend=BACKEND)
    vault.unlock(request, member, secret)
    return member


def do_log_out(request: HttpRequest) -> None:
    vault.lock(request)
    logout(request)


def do_change_secret(
    request: HttpRequest, member: Member, old_secret: str, new_secret: str
) -> None:
    """Replace the member's passphrase or codename; the vault re-wraps their key."""
    old_secret = _as_typed(member, old_secret)
    if not member.check_password(old_secret):
        raise vault.WrongSecret("Your current passphrase or codename is not right.")
    with transaction.atomic():
        vault.change_secret(member, old_secret, new_secret)
        member.set_password(new_secret)
        if member.kind == Member.Kind.CODENAME:
            member.lookup = identity.codename_lookup(new_secret)
        member.save(update_fields=["password", "lookup"])
    update_session_auth_hash(request, member)
    vault.unlock(request, member, new_secret)


def do_new_codename(request: HttpRequest, member: Member, old_secret: str) -> str:
    codename = generate_codename()
    do_change_secret(request, member, _as_typed(member, old_secret), codename)
    return codename


def do_recover(
    request: HttpRequest, recovery_key: str, new_secret: str, *, handle: str = ""
) -> NewMember:
    """Open an account with its recovery key and set a new secret.

    A codename member gets a new codename (new_secret is ignored and generated);
    a handle member chooses a new passphrase. The recovery key is replaced.
    """
    lookup = identity.handle_lookup(handle) if handle else ""
    candidates = Member.objects.filter(is_active=True)
    member = candidates.filter(lookup=lookup).first() if handle else None
    if handle and member is None:
        raise vault.WrongSecret("That handle and recovery key do not open an account.")
    if member is None:
        member = candidates.filter(
            recovery_lookup=identity.recovery_lookup(vault.normalise_recovery_key(recovery_key))
        ).first()
    if member is None:
        raise vault.WrongSecret("That recovery key does not open an account.")
    codename = None
    if member.kind == Member.Kind.CODENAME:
        codename = generate_codename()
        new_secret = codename
    with transaction.atomic():
        new_recovery_key = vault.recover(member, recovery_key, new_secret)
        member.set_password(new_secret)
        member.recovery_lookup = identity.recovery_lookup(
            vault.normalise_recovery_key(new_recovery_key)
        )
        if codename:
            member.lookup = identity.codename_lookup(codename)
        member.save(update_fields=["password", "lookup", "recovery_lookup"])
    login(request, member, backend=BACKEND)
    vault.unlock(request, member, new_secret)
    return NewMember(member=member, recovery_key=new_recovery_key, codename=codename)


def do_delete_account(request: HttpRequest, member: Member, secret: str) -> None:
    """Delete the member and everything they wrote; the vault destroys their keys first."""
    if not member.check_password(_as_typed(member, secret)):
        raise vault.WrongSecret("Your passphrase or codename is not right.")
    with transaction.atomic():
        for entry in personal_data.registered():
            entry.erase(member)
        vault.erase_member(member)
        member.delete()
    do_log_out(request)
