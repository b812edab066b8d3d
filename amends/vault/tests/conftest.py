"""The vault's tests use the shared personas (amends.testing.personas), made below the
web layer: the vault sits under members and its views, so each person gets a real
vault key without signing up through pages the vault must not depend on."""

from __future__ import annotations

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.testing.personas import Persona, make_member

# The same algorithm with a far smaller cost: each persona costs a few milliseconds.
FAST_KDF = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


@pytest.fixture(autouse=True)
def _fast_kdf(settings: SettingsWrapper) -> None:
    settings.AMENDS_VAULT_KDF = dict(FAST_KDF)


@pytest.fixture
def responsible(db: None) -> Persona:
    """A person who caused harm, writing reflections and drafts."""
    return make_member(secret="quiet rivers carry heavy stones home")


@pytest.fixture
def harmed(db: None) -> Persona:
    """A person who was harmed, keeping an impact statement."""
    return make_member(kind="codename", secret="amber kettle orbit walnut fjord pixel")


@pytest.fixture
def facilitator(db: None) -> Persona:
    return make_member(secret="facilitator passphrase of some length")


@pytest.fixture
def outsider(db: None) -> Persona:
    return make_member(secret="outsider passphrase of some length")


@pytest.fixture
def operator(db: None) -> Persona:
    persona = make_member(secret="operators keep the lights on quietly")
    persona.member.is_staff = persona.member.is_superuser = True
    persona.member.save(update_fields=["is_staff", "is_superuser"])
    persona.client.force_login(persona.member, backend="amends.members.backends.MemberBackend")
    return persona
