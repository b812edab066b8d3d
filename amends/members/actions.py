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
from amends.members.strength import check_passphrase
from amends.vault import api as vault

BACKEND = "amends.members.backends.MemberBackend"


class HandleTaken(Exception):
    """Someone already signed up with this handle."""


class TooManyAttempts(Exception):
    """A rate limit for this handle or this session is reached."""

    def __init__(self, limit: throttle.Limit) -> None:
        super().__init__(
            "There have been too many attempts from here or for this handle. For the "
            f"protection of every account, wait {limit.minutes_to_wait()} minutes before "
            "trying again."
        )


class RecoveryRefused(vault.WrongSecret):
    """Any failed recovery, in one message: whether the handle exists is not told."""

    def __init__(self) -> None:
        super().__init__(
            "That did not open an account. Check the recovery key, and the handle if you typed one."
        )


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


def create_member(
    *, lookup: str, kind: str, secret: str, staff: bool = False
) -> tuple[Member, str]:
    """A member with their vault key; returns them and their recovery key (show it once).

    Sign-up calls it inside a request; the operator command and the demo outside one.
    """
    with transaction.atomic():
        member = Member(
            lookup=lookup, kind=kind, joined_month=_this_month(), is_staff=staff, is_superuser=staff
        )
        member.set_password(secret)
        member.save()
        recovery_key = vault.provision_member(member, member.vault_secret(secret))
        member.recovery_lookup = identity.recovery_lookup(
            vault.normalise_recovery_key(recovery_key)
        )
        member.save(update_fields=["recovery_lookup"])
    return member, recovery_key


def _create_member(request: HttpRequest, *, lookup: str, kind: str, secret: str) -> NewMember:
    member, recovery_key = create_member(lookup=lookup, kind=kind, secret=secret)
    login(request, member, backend=BACKEND)
    vault.unlock(request, member, member.vault_secret(secret))
    return NewMember(member=member, recovery_key=recovery_key)


def _count_sign_up(request: HttpRequest, *subjects: str) -> None:
    """Every sign-up costs three Argon2id runs, and a taken handle tells that it
    exists: both are limited per session and, for a handle, per handle."""
    subjects = (throttle.session_subject(request), *subjects)
    if throttle.SIGN_UP.is_reached(*subjects):
        raise TooManyAttempts(throttle.SIGN_UP)
    throttle.SIGN_UP.record(*subjects)


def do_sign_up_with_codename(request: HttpRequest) -> NewMember:
    _count_sign_up(request)
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
    _count_sign_up(request, throttle.account_subject(lookup))
    if Member.objects.filter(lookup=lookup).exists():
        raise HandleTaken
    return _create_member(request, lookup=lookup, kind=Member.Kind.HANDLE, secret=passphrase)


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
    vault.unlock(request, member, member.vault_secret(secret))
    return member


def do_log_out(request: HttpRequest) -> None:
    vault.lock(request)
    logout(request)


def do_change_secret(
    request: HttpRequest, member: Member, old_secret: str, new_secret: str
) -> None:
    """Replace the member's passphrase or codename; the vault re-wraps their key."""
    if not member.check_password(old_secret):
        raise vault.WrongSecret("Your current passphrase or codename is not right.")
    with transaction.atomic():
        vault.change_secret(
            member, member.vault_secret(old_secret), member.vault_secret(new_secret)
        )
        member.set_password(new_secret)
        if member.kind == Member.Kind.CODENAME:
            member.lookup = identity.codename_lookup(new_secret)
        member.save(update_fields=["password", "lookup"])
    update_session_auth_hash(request, member)
    vault.unlock(request, member, member.vault_secret(new_secret))


def do_new_codename(request: HttpRequest, member: Member, old_secret: str) -> str:
    codename = generate_codename()
    do_change_secret(request, member, old_secret, codename)
    return codename


def do_recover(
    request: HttpRequest, recovery_key: str, new_secret: str, *, handle: str = ""
) -> NewMember:
    """Open an account with its recovery key and set a new secret.

    The account is found from the recovery key alone; a typed handle must then be
    that account's. A codename member gets a new codename (new_secret is ignored); a
    handle member must choose a new passphrase that passes the strength check, typed
    handle or not, or their key would end up wrapped under whatever was sent. The
    recovery key is replaced. Every failure that involves an account says the same
    thing (RecoveryRefused), and failures are rate-limited per handle and session.
    """
    subjects = [throttle.session_subject(request)]
    if handle:
        subjects.append(throttle.account_subject(identity.handle_lookup(handle)))
    if throttle.RECOVERY.is_reached(*subjects):
        raise TooManyAttempts(throttle.RECOVERY)
    # Malformed input (not 32 letters and digits) says so: that tells nothing about accounts.
    lookup = identity.recovery_lookup(vault.normalise_recovery_key(recovery_key))
    # The handle is compared, never looked up, so an existing and a missing handle
    # take the same path and the same time.
    member = Member.objects.filter(is_active=True, recovery_lookup=lookup).first()
    if member is None or (handle and member.lookup != identity.handle_lookup(handle)):
        throttle.RECOVERY.record(*subjects)
        raise RecoveryRefused
    codename = None
    if member.kind == Member.Kind.CODENAME:
        codename = generate_codename()
        new_secret = codename
    else:
        # Checked before the recovery key is used, so the member can try again with it.
        check_passphrase(new_secret, handle=handle)
    with transaction.atomic():
        try:
            new_recovery_key = vault.recover(member, recovery_key, member.vault_secret(new_secret))
        except vault.WrongSecret:
            throttle.RECOVERY.record(*subjects)
            raise RecoveryRefused from None
        member.set_password(new_secret)
        member.recovery_lookup = identity.recovery_lookup(
            vault.normalise_recovery_key(new_recovery_key)
        )
        if codename:
            member.lookup = identity.codename_lookup(codename)
        member.save(update_fields=["password", "lookup", "recovery_lookup"])
    throttle.RECOVERY.clear(*subjects)
    login(request, member, backend=BACKEND)
    vault.unlock(request, member, member.vault_secret(new_secret))
    return NewMember(member=member, recovery_key=new_recovery_key, codename=codename)


def do_delete_account(request: HttpRequest, member: Member, secret: str) -> None:
    """Delete the member and everything they wrote; the vault destroys their keys first."""
    if not member.check_password(secret):
        raise vault.WrongSecret("Your passphrase or codename is not right.")
    with transaction.atomic():
        for entry in personal_data.registered():
            entry.erase(member)
        vault.erase_member(member)
        member.delete()
    do_log_out(request)
