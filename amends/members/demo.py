"""Demo logins: members with published passphrases, for a machine that runs the demo.

Their passphrases are printed in the README, so they must never exist on a real
server: each demo command calls `refuse_unless_demo()` first, and only scripts/run
sets AMENDS_DEMO_LOGINS=True.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import CommandError

from amends.members import identity
from amends.members.actions import create_member
from amends.members.models import Member


@dataclass(frozen=True)
class DemoLogin:
    handle: str
    passphrase: str
    who: str


def refuse_unless_demo() -> None:
    if not getattr(settings, "AMENDS_DEMO_LOGINS", False):
        raise CommandError(
            "The demo logins are published in the README: set AMENDS_DEMO_LOGINS=True "
            "only on a machine that runs the demo, never on a real server."
        )


def create_login(login: DemoLogin, *, staff: bool = False) -> Member:
    member, _ = create_member(
        lookup=identity.handle_lookup(login.handle),
        kind=Member.Kind.HANDLE,
        secret=login.passphrase,
        staff=staff,
    )
    return member


def exists(login: DemoLogin | str) -> bool:
    handle = login if isinstance(login, str) else login.handle
    return Member.objects.filter(lookup=identity.handle_lookup(handle)).exists()
