"""The vault API's refusals and corner cases: each one fails closed."""

from __future__ import annotations

import datetime
import pickle
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db.models import ProtectedError
from django.test import RequestFactory
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.members.models import Member
from amends.testing.personas import Persona, make_member
from amends.vault import api, crypto
from amends.vault.models import MemberKey, PrivateText, ReaderKey
from amends.vault.tests.conftest import FAST_KDF

pytestmark = pytest.mark.django_db

NOTE = api.Binding(model="cases.FacilitatorNote", row=str(uuid.uuid4()), field="text")
MARKER = "marker-facilitator-note-safety-plan"


def request_for(member: Member | None) -> object:
    request = RequestFactory().get("/")
    request.user = member or AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    setattr(request, api.STATE_ATTRIBUTE, api.VaultState(None))
    return request


def operator() -> Member:
    """A staff account made by hand (createsuperuser): no vault key."""
    return Member.objects.create_superuser(
        lookup="operator", password="operator passphrase", joined_month=datetime.date(2026, 11, 1)
    )


# ------------------------------------------------------------------ keyholders


def test_a_keyholder_cannot_be_made_without_the_secret(facilitator: Persona) -> None:
    with pytest.raises(TypeError):
        api.Keyholder(facilitator.member.pk, crypto.new_key(), object())


def test_a_keyholder_shows_no_key_and_cannot_be_pickled(facilitator: Persona) -> None:
    holder = facilitator.holder()
    assert repr(holder) == f"<Keyholder member {str(facilitator.member.pk)[:8]}>"
    with pytest.raises(TypeError):
        pickle.dumps(holder)


def test_a_request_without_the_middleware_is_a_configuration_error(
    facilitator: Persona,
) -> None:
    request = RequestFactory().get("/")
    with pytest.raises(ImproperlyConfigured):
        api.keyholder_for(request)


def test_an_anonymous_request_is_locked() -> None:
    with pytest.raises(api.VaultLocked):
        api.keyholder_for(request_for(None))  # type: ignore[arg-type]


def test_a_request_without_a_user_is_locked() -> None:
    request = RequestFactory().get("/")
    setattr(request, api.STATE_ATTRIBUTE, api.VaultState(None))
    with pytest.raises(api.VaultLocked):
        api.keyholder_for(request)


def test_an_unlocked_key_serves_only_its_own_member(
    facilitator: Persona, outsider: Persona
) -> None:
    request = request_for(facilitator.member)
    api.unlock(request, facilitator.member, facilitator.vault_secret)  # type: ignore[arg-type]
    assert api.keyholder_for(request).member_id == facilitator.member.pk  # type: ignore[arg-type]
    request.user = outsider.member  # type: ignore[attr-defined]
    with pytest.raises(api.VaultLocked):
        api.keyholder_for(request)  # type: ignore[arg-type]


def test_a_session_entry_for_another_member_is_locked(
    facilitator: Persona, outsider: Persona
) -> None:
    request = request_for(outsider.member)
    request.session[api.SESSION_ENTRY] = {"member": str(facilitator.member.pk)}  # type: ignore[attr-defined]
    with pytest.raises(api.VaultLocked):
        api.keyholder_for(request)  # type: ignore[arg-type]


def test_unlock_refuses_a_wrong_secret(facilitator: Persona) -> None:
    request = request_for(facilitator.member)
    with pytest.raises(api.WrongSecret):
        api.unlock(request, facilitator.member, b"wrong")  # type: ignore[arg-type]
    assert api.SESSION_ENTRY not in request.session  # type: ignore[attr-defined]


def test_a_member_without_a_vault_key_cannot_unlock(db: None) -> None:
    staff = operator()
    with pytest.raises(api.NotProvisioned):
        api.open_keyholder(staff, b"operator passphrase")


# ------------------------------------------------------------------ settings


def test_production_kdf_is_the_default(settings: SettingsWrapper) -> None:
    del settings.AMENDS_VAULT_KDF
    assert api.kdf_parameters() == crypto.PRODUCTION_KDF


@pytest.mark.parametrize(
    "configured", [{"time_cost": 0, "memory_cost": 8, "parallelism": 1}, {"time": 1}]
)
def test_an_unusable_kdf_setting_is_refused(
    settings: SettingsWrapper, configured: dict[str, int]
) -> None:
    settings.AMENDS_VAULT_KDF = configured
    with pytest.raises(ImproperlyConfigured, match="AMENDS_VAULT_KDF"):
        api.kdf_parameters()


def test_raised_kdf_cost_is_applied_at_the_next_login(
    facilitator: Persona, settings: SettingsWrapper
) -> None:
    item = api.seal_text(facilitator.holder(), NOTE, MARKER)
    stronger = {**FAST_KDF, "time_cost": 2, "memory_cost": 2048}
    settings.AMENDS_VAULT_KDF = stronger
    holder = api.unlock(
        request_for(facilitator.member),  # type: ignore[arg-type]
        facilitator.member,
        facilitator.vault_secret,
    )
    member_key = MemberKey.objects.get(member=facilitator.member)
    assert (member_key.kdf_time_cost, member_key.kdf_memory_cost) == (2, 2048)
    assert api.open_text(holder, item, NOTE) == MARKER
    assert api.open_text(facilitator.holder(), item, NOTE) == MARKER
    api.recover(facilitator.member, facilitator.recovery_key, b"after the upgrade")


def test_cookie_name_follows_secure_cookies(settings: SettingsWrapper) -> None:
    settings.SECURE_COOKIES = True
    assert api.cookie_name() == "__Host-amends-vault"
    settings.SECURE_COOKIES = False
    assert api.cookie_name() == "amends-vault"


# ------------------------------------------------------------- damaged keys


def damage(blob: bytes) -> bytes:
    damaged = bytearray(blob)
    damaged[-1] ^= 0x80
    return bytes(damaged)


def test_a_damaged_passphrase_wrap_fails_closed(facilitator: Persona) -> None:
    member_key = MemberKey.objects.get(member=facilitator.member)
    MemberKey.objects.filter(pk=member_key.pk).update(
        passphrase_wrap=damage(bytes(member_key.passphrase_wrap))
    )
    with pytest.raises(api.DecryptionFailed):
        facilitator.holder()


def test_a_damaged_recovery_wrap_fails_closed(facilitator: Persona) -> None:
    member_key = MemberKey.objects.get(member=facilitator.member)
    MemberKey.objects.filter(pk=member_key.pk).update(
        recovery_wrap=damage(bytes(member_key.recovery_wrap))
    )
    with pytest.raises(api.DecryptionFailed):
        api.recover(facilitator.member, facilitator.recovery_key, b"new passphrase")


def test_a_damaged_recovery_wrap_stops_a_secret_change(facilitator: Persona) -> None:
    # Changing the passphrase re-seals both wraps; it must not carry a damaged one on.
    member_key = MemberKey.objects.get(member=facilitator.member)
    MemberKey.objects.filter(pk=member_key.pk).update(
        recovery_wrap=damage(bytes(member_key.recovery_wrap))
    )
    with pytest.raises(api.DecryptionFailed):
        api.change_secret(facilitator.member, facilitator.vault_secret, b"a new passphrase")
    assert facilitator.holder().member_id == facilitator.member.pk


def test_a_mistyped_recovery_key_is_a_wrong_secret(facilitator: Persona) -> None:
    with pytest.raises(api.WrongSecret, match="groups of four"):
        api.recover(facilitator.member, "not a key", b"new passphrase")


def test_another_members_recovery_key_does_not_open(
    facilitator: Persona, outsider: Persona
) -> None:
    with pytest.raises(api.WrongSecret):
        api.recover(facilitator.member, outsider.recovery_key, b"new passphrase")


def test_a_wrapped_key_swapped_between_members_fails(
    facilitator: Persona, outsider: Persona
) -> None:
    facilitator_key = MemberKey.objects.get(member=facilitator.member)
    MemberKey.objects.filter(member=outsider.member).update(
        passphrase_wrap=facilitator_key.passphrase_wrap,
        passphrase_salt=facilitator_key.passphrase_salt,
    )
    with pytest.raises(api.DecryptionFailed):
        api.open_keyholder(outsider.member, facilitator.vault_secret)


def test_an_authentic_server_layer_around_a_wrong_wrap_fails(facilitator: Persona) -> None:
    # Someone holding the server keyring re-seals garbage in the right place: the
    # member's own layer still refuses it.
    holder = facilitator.holder()
    item = api.seal_text(holder, NOTE, MARKER)
    context = api.reader_context(item.pk, holder.member_id)
    forged = crypto.server_seal(
        api.keyring(),
        crypto.wrap_for_reader(crypto.new_key(), crypto.new_key_pair().public, context),
        context,
    )
    ReaderKey.objects.filter(item=item).update(wrapped_key=forged)
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, item, NOTE)


def test_text_that_is_not_utf8_fails_closed(facilitator: Persona) -> None:
    holder = facilitator.holder()
    item = api.seal_text(holder, NOTE, MARKER)
    data_key = crypto.new_key()
    inner = crypto.seal(
        data_key,
        crypto.Purpose.CONTENT,
        b"\xff\xfe",
        crypto.encode_context("text", str(item.pk), NOTE.model, NOTE.row, NOTE.field),
    )
    PrivateText.objects.filter(pk=item.pk).update(
        ciphertext=crypto.server_seal(api.keyring(), inner, api.text_server_context(item.pk))
    )
    context = api.reader_context(item.pk, holder.member_id)
    ReaderKey.objects.filter(item=item).update(
        wrapped_key=crypto.server_seal(
            api.keyring(), crypto.wrap_for_reader(data_key, holder.public_key, context), context
        )
    )
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, PrivateText.objects.get(pk=item.pk), NOTE)


def test_a_removed_server_key_fails_closed(facilitator: Persona, settings: SettingsWrapper) -> None:
    holder = facilitator.holder()
    item = api.seal_text(holder, NOTE, MARKER)
    settings.AMENDS_VAULT_KEYRING = crypto.generate_keyring_entry("other")
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, item, NOTE)


# ------------------------------------------------------------------ deletion


def test_a_destroyed_item_still_referenced_stays_as_an_empty_shell(
    facilitator: Persona, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = facilitator.holder()
    item = api.seal_text(holder, NOTE, MARKER)

    def protected(self: PrivateText) -> None:
        raise ProtectedError("still referenced", {self})

    monkeypatch.setattr(PrivateText, "delete", protected)
    api.destroy_text(item)
    shell = PrivateText.objects.get(pk=item.pk)
    assert shell.destroyed
    assert bytes(shell.ciphertext) == b""
    assert not ReaderKey.objects.filter(item=item).exists()
    assert "destroyed" in str(shell)
    with pytest.raises(api.DecryptionFailed, match="deleted"):
        api.open_text(holder, shell, NOTE)
    # The binding is free again for a new item.
    api.seal_text(holder, NOTE, "a new note")


def test_an_erased_readers_shares_are_gone(facilitator: Persona) -> None:
    harmed = make_member()
    item = api.seal_text(harmed.holder(), NOTE, MARKER)
    api.grant(harmed.holder(), item, facilitator.member)
    api.erase_member(facilitator.member)
    assert api.readers_of(item) == [harmed.member.pk]


def test_granting_to_a_member_without_a_key_is_refused(facilitator: Persona) -> None:
    staff = operator()
    item = api.seal_text(facilitator.holder(), NOTE, MARKER)
    with pytest.raises(api.NotProvisioned):
        api.grant(facilitator.holder(), item, staff)


def test_a_non_reader_cannot_reseal(facilitator: Persona, outsider: Persona) -> None:
    item = api.seal_text(facilitator.holder(), NOTE, MARKER)
    with pytest.raises(api.NotAReader):
        api.reseal_text(outsider.holder(), item, "overwritten")


# ------------------------------------------------------------------ metadata


@pytest.mark.parametrize(
    ("model", "row", "field"), [("", "r", "f"), ("m", "", "f"), ("m", "r", "x" * 65)]
)
def test_an_unusable_binding_is_refused(model: str, row: str, field: str) -> None:
    with pytest.raises(ValueError, match="binding"):
        api.Binding(model=model, row=row, field=field)


def test_descriptions_show_metadata_only(facilitator: Persona) -> None:
    holder = facilitator.holder()
    item = api.seal_text(holder, NOTE, MARKER)
    member_key = MemberKey.objects.get(member=facilitator.member)
    reader_key = ReaderKey.objects.get(item=item)
    descriptions = " ".join(str(row) for row in (item, member_key, reader_key))
    assert str(item.pk)[:8] in descriptions
    assert str(facilitator.member.pk)[:8] in descriptions
    assert NOTE.model in descriptions
    assert MARKER not in descriptions
