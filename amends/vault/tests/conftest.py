"""Personas for the vault's own tests: real Member rows with real vault keys.

They are made directly, not through the sign-up page, so the vault is tested
without depending on the members app's views.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.members.models import Member
from amends.vault import api

# The same algorithm with a far smaller cost: each persona costs a few milliseconds.
FAST_KDF = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


@dataclass
class Persona:
    member: Member
    secret: bytes  # as members hands it over: already normalised
    recovery_key: str

    def holder(self) -> api.Keyholder:
        return api.open_keyholder(self.member, self.secret)


def make_persona(kind: str = Member.Kind.HANDLE, secret: str | None = None) -> Persona:
    member = Member.objects.create_user(
        lookup=secrets.token_hex(32),
        kind=kind,
        joined_month=datetime.date(2026, 11, 1),
    )
    secret = secret or f"passphrase {secrets.token_hex(8)}"
    recovery_key = api.provision_member(member, secret.encode())
    return Persona(member, secret.encode(), recovery_key)


@pytest.fixture(autouse=True)
def _fast_kdf(settings: SettingsWrapper) -> None:
    settings.AMENDS_VAULT_KDF = dict(FAST_KDF)


@pytest.fixture
def responsible_party(db: None) -> Persona:
    """A person who caused harm, writing reflections and drafts."""
    return make_persona(secret="quiet rivers carry heavy stones home")


@pytest.fixture
def harmed_party(db: None) -> Persona:
    """A person who was harmed, keeping an impact statement."""
    return make_persona(kind=Member.Kind.CODENAME, secret="amber kettle orbit walnut fjord pixel")


@pytest.fixture
def facilitator(db: None) -> Persona:
    return make_persona(secret="facilitator passphrase of some length")


@pytest.fixture
def outsider(db: None) -> Persona:
    return make_persona(secret="outsider passphrase of some length")
