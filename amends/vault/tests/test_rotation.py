"""rotate_vault_keys re-wraps every blob under the newest server key, once."""

from __future__ import annotations

import io
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.testing.personas import Persona
from amends.vault import api, crypto
from amends.vault.models import MemberKey, PrivateText, ReaderKey

pytestmark = pytest.mark.django_db

MARKER = "marker-case-message-relayed-by-the-facilitator"
BINDING = api.Binding(model="cases.Message", row=str(uuid.uuid4()), field="text")


def rotate(*args: str) -> str:
    out = io.StringIO()
    call_command("rotate_vault_keys", *args, stdout=out)
    return out.getvalue()


def stored_key_ids() -> set[str]:
    blobs = [bytes(t.ciphertext) for t in PrivateText.objects.exclude(destroyed=True)]
    blobs += [bytes(k.wrapped_key) for k in ReaderKey.objects.all()]
    for member_key in MemberKey.objects.all():
        blobs += [bytes(member_key.passphrase_wrap), bytes(member_key.recovery_wrap)]
    return {crypto.server_key_id(blob) for blob in blobs}


def column_key_ids() -> set[str]:
    ids: set[str] = set()
    for model in (PrivateText, ReaderKey, MemberKey):
        ids |= set(model.objects.values_list("key_id", flat=True))
    return ids


@pytest.fixture
def shared_item(harmed: Persona, facilitator: Persona) -> PrivateText:
    holder = harmed.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    api.grant(holder, item, facilitator.member)
    return item


def test_rotation_rewraps_everything_and_the_old_key_can_go(
    settings: SettingsWrapper,
    shared_item: PrivateText,
    harmed: Persona,
    facilitator: Persona,
) -> None:
    new_entry = crypto.generate_keyring_entry("dev2")
    settings.AMENDS_VAULT_KEYRING = f"{new_entry},{settings.AMENDS_VAULT_KEYRING}"
    report = rotate()
    assert "member keys: 4 re-wrapped" in report  # two members, two wraps each
    assert "texts: 1 re-wrapped" in report
    assert "reader keys: 2 re-wrapped" in report
    assert stored_key_ids() == {"dev2"}
    assert column_key_ids() == {"dev2"}
    settings.AMENDS_VAULT_KEYRING = new_entry
    item = PrivateText.objects.get(pk=shared_item.pk)
    assert api.open_text(harmed.holder(), item, BINDING) == MARKER
    assert api.open_text(facilitator.holder(), item, BINDING) == MARKER
    api.recover(harmed.member, harmed.recovery_key, b"a new secret after rotation")


def test_rotation_is_idempotent(settings: SettingsWrapper, shared_item: PrivateText) -> None:
    settings.AMENDS_VAULT_KEYRING = (
        f"{crypto.generate_keyring_entry('dev2')},{settings.AMENDS_VAULT_KEYRING}"
    )
    rotate()
    before = bytes(PrivateText.objects.get(pk=shared_item.pk).ciphertext)
    report = rotate()
    assert "0 re-wrapped" in report
    assert "texts: 0 re-wrapped, 1 already under dev2, 0 could not be opened" in report
    assert bytes(PrivateText.objects.get(pk=shared_item.pk).ciphertext) == before


def test_rotation_skips_destroyed_shells(
    settings: SettingsWrapper, shared_item: PrivateText
) -> None:
    PrivateText.objects.filter(pk=shared_item.pk).update(ciphertext=b"", destroyed=True)
    report = rotate()
    assert "texts: 0 re-wrapped, 0 already" in report


def test_rotation_reports_blobs_it_cannot_open_and_leaves_them(
    settings: SettingsWrapper, shared_item: PrivateText
) -> None:
    damaged = bytearray(shared_item.ciphertext)
    damaged[-1] ^= 1
    PrivateText.objects.filter(pk=shared_item.pk).update(ciphertext=bytes(damaged))
    settings.AMENDS_VAULT_KEYRING = (
        f"{crypto.generate_keyring_entry('dev2')},{settings.AMENDS_VAULT_KEYRING}"
    )
    with pytest.raises(CommandError, match="1 blobs could not be opened"):
        rotate()
    item = PrivateText.objects.get(pk=shared_item.pk)
    assert bytes(item.ciphertext) == bytes(damaged)
    assert item.key_id == "dev1"


def test_rotation_in_small_batches(settings: SettingsWrapper, harmed: Persona) -> None:
    holder = harmed.holder()
    for n in range(5):
        api.seal_text(holder, api.Binding("cases.Message", str(n), "text"), f"message {n}")
    settings.AMENDS_VAULT_KEYRING = (
        f"{crypto.generate_keyring_entry('dev2')},{settings.AMENDS_VAULT_KEYRING}"
    )
    assert "texts: 5 re-wrapped" in rotate("--batch-size", "2")


def test_generate_prints_a_new_entry(db: None) -> None:
    entry = rotate("--generate", "2027-01").strip()
    assert crypto.Keyring.parse(entry).newest.key_id == "2027-01"


def test_generate_refuses_a_bad_id(db: None) -> None:
    with pytest.raises(CommandError):
        rotate("--generate", "bad id")
