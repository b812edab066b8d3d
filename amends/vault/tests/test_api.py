"""The vault API with real Member rows: sealing, opening, sharing, erasure."""

from __future__ import annotations

import uuid

import pytest

from amends.testing.personas import Persona
from amends.vault import api
from amends.vault.models import MemberKey, PrivateText, ReaderKey

pytestmark = pytest.mark.django_db

ANSWER = api.Binding(model="reflections.Answer", row=str(uuid.uuid4()), field="text")
MARKER = "marker-answer-the-night-I-did-not-listen"


def reload(item: PrivateText) -> PrivateText:
    return PrivateText.objects.get(pk=item.pk)


def test_sealed_text_opens_for_its_owner(responsible: Persona) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    assert api.open_text(holder, reload(item), ANSWER) == MARKER


def test_stored_item_holds_no_plaintext(responsible: Persona) -> None:
    item = api.seal_text(responsible.holder(), ANSWER, MARKER)
    stored = reload(item)
    assert MARKER.encode() not in bytes(stored.ciphertext)
    assert MARKER not in str(stored)
    assert stored.key_id == "dev1"
    assert stored.format_version == 1


def test_owner_is_the_only_reader_of_a_new_item(responsible: Persona) -> None:
    item = api.seal_text(responsible.holder(), ANSWER, MARKER)
    assert api.readers_of(item) == [responsible.member.pk]


def test_another_member_cannot_open_an_item(responsible: Persona, outsider: Persona) -> None:
    item = api.seal_text(responsible.holder(), ANSWER, MARKER)
    with pytest.raises(api.NotAReader):
        api.open_text(outsider.holder(), item, ANSWER)


def test_opening_with_another_binding_fails(responsible: Persona) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    other_field = api.Binding(model=ANSWER.model, row=ANSWER.row, field="note")
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, item, other_field)


def test_ciphertext_moved_to_another_row_fails(responsible: Persona) -> None:
    holder = responsible.holder()
    first = api.seal_text(holder, ANSWER, MARKER)
    second_binding = api.Binding(model=ANSWER.model, row=str(uuid.uuid4()), field="text")
    second = api.seal_text(holder, second_binding, "something else")
    PrivateText.objects.filter(pk=second.pk).update(ciphertext=first.ciphertext)
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, reload(second), second_binding)


def test_relabelled_binding_still_fails(responsible: Persona) -> None:
    # Rewriting the stored binding columns passes the check but not the AEAD.
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    elsewhere = api.Binding(model=ANSWER.model, row=str(uuid.uuid4()), field="text")
    PrivateText.objects.filter(pk=item.pk).update(bound_row=elsewhere.row)
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, reload(item), elsewhere)


def test_decryption_failure_message_is_safe_to_show(responsible: Persona) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    damaged = bytearray(item.ciphertext)
    damaged[-1] ^= 1
    PrivateText.objects.filter(pk=item.pk).update(ciphertext=bytes(damaged))
    with pytest.raises(api.DecryptionFailed) as failure:
        api.open_text(holder, reload(item), ANSWER)
    message = str(failure.value)
    assert "not shown" in message
    assert MARKER not in message
    assert bytes(damaged).hex()[:16] not in message


def test_granted_reader_opens_and_revoked_reader_cannot(
    harmed: Persona, facilitator: Persona
) -> None:
    holder = harmed.holder()
    statement = api.Binding(model="statements.ImpactStatement", row=str(uuid.uuid4()), field="text")
    item = api.seal_text(holder, statement, MARKER)
    api.grant(holder, item, facilitator.member)
    assert api.open_text(facilitator.holder(), item, statement) == MARKER
    assert set(api.readers_of(item)) == {harmed.member.pk, facilitator.member.pk}
    api.revoke(item, facilitator.member)
    with pytest.raises(api.NotAReader):
        api.open_text(facilitator.holder(), item, statement)
    assert api.readers_of(item) == [harmed.member.pk]


def test_granting_twice_keeps_one_key(harmed: Persona, facilitator: Persona) -> None:
    holder = harmed.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    api.grant(holder, item, facilitator.member)
    api.grant(holder, item, facilitator.member)
    assert ReaderKey.objects.filter(item=item, reader=facilitator.member).count() == 1


def test_a_non_reader_cannot_grant(
    harmed: Persona, facilitator: Persona, outsider: Persona
) -> None:
    item = api.seal_text(harmed.holder(), ANSWER, MARKER)
    with pytest.raises(api.NotAReader):
        api.grant(outsider.holder(), item, facilitator.member)


def test_the_owner_cannot_be_revoked(harmed: Persona) -> None:
    item = api.seal_text(harmed.holder(), ANSWER, MARKER)
    with pytest.raises(api.VaultError):
        api.revoke(item, harmed.member)


def test_reseal_replaces_the_text_for_every_reader(harmed: Persona, facilitator: Persona) -> None:
    holder = harmed.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    api.grant(holder, item, facilitator.member)
    old_ciphertext = bytes(item.ciphertext)
    api.reseal_text(holder, item, "second version")
    item = reload(item)
    assert bytes(item.ciphertext) != old_ciphertext
    assert api.open_text(holder, item, ANSWER) == "second version"
    assert api.open_text(facilitator.holder(), item, ANSWER) == "second version"


def test_old_wrapped_key_does_not_open_resealed_text(harmed: Persona) -> None:
    # A fresh data key per version: a copy of the old wrapped key opens nothing new.
    holder = harmed.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    old_key = bytes(ReaderKey.objects.get(item=item).wrapped_key)
    api.reseal_text(holder, item, "second version")
    ReaderKey.objects.filter(item=item).update(wrapped_key=old_key)
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, reload(item), ANSWER)


def test_destroyed_item_is_gone(responsible: Persona) -> None:
    item = api.seal_text(responsible.holder(), ANSWER, MARKER)
    api.destroy_text(item)
    assert not PrivateText.objects.filter(pk=item.pk).exists()
    assert not ReaderKey.objects.filter(item_id=item.pk).exists()


def test_erase_member_removes_keys_items_and_shares(harmed: Persona, facilitator: Persona) -> None:
    holder = harmed.holder()
    own = api.seal_text(holder, ANSWER, MARKER)
    shared_binding = api.Binding(model="cases.Message", row=str(uuid.uuid4()), field="text")
    shared = api.seal_text(facilitator.holder(), shared_binding, "a case message")
    api.grant(facilitator.holder(), shared, harmed.member)
    api.erase_member(harmed.member)
    assert not PrivateText.objects.filter(pk=own.pk).exists()
    assert not MemberKey.objects.filter(member=harmed.member).exists()
    assert api.readers_of(shared) == [facilitator.member.pk]
    with pytest.raises(api.NotProvisioned):
        harmed.holder()


def test_wrong_secret_does_not_open_the_key(responsible: Persona) -> None:
    with pytest.raises(api.WrongSecret):
        api.open_keyholder(responsible.member, b"not the passphrase")


def test_a_secret_must_come_normalised_as_bytes(harmed: Persona) -> None:
    # Normalising is the members app's job, done once for its hasher and for the
    # vault; a str here would be a secret nobody normalised.
    with pytest.raises(TypeError):
        api.open_keyholder(harmed.member, harmed.vault_secret.decode())  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        api.provision_member(harmed.member, b"")
    with pytest.raises(ValueError):
        api.recover(harmed.member, harmed.recovery_key, b"")
    assert api.open_keyholder(harmed.member, harmed.vault_secret)


def test_change_secret_rewraps_the_key(responsible: Persona) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    api.change_secret(responsible.member, responsible.vault_secret, b"a brand new passphrase")
    with pytest.raises(api.WrongSecret):
        api.open_keyholder(responsible.member, responsible.vault_secret)
    new_holder = api.open_keyholder(responsible.member, b"a brand new passphrase")
    assert api.open_text(new_holder, item, ANSWER) == MARKER


def test_change_secret_needs_the_old_secret(responsible: Persona) -> None:
    with pytest.raises(api.WrongSecret):
        api.change_secret(responsible.member, b"wrong", b"a brand new passphrase")


def test_recovery_key_sets_a_new_secret_and_is_replaced(responsible: Persona) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, ANSWER, MARKER)
    new_recovery_key = api.recover(
        responsible.member, responsible.recovery_key.lower(), b"recovered passphrase"
    )
    assert new_recovery_key != responsible.recovery_key
    new_holder = api.open_keyholder(responsible.member, b"recovered passphrase")
    assert api.open_text(new_holder, item, ANSWER) == MARKER
    with pytest.raises(api.WrongSecret):
        api.recover(responsible.member, responsible.recovery_key, b"again")
    api.recover(responsible.member, new_recovery_key, b"again")


def test_recovery_key_is_eight_groups_of_four(responsible: Persona) -> None:
    groups = responsible.recovery_key.split(" ")
    assert len(groups) == 8
    assert all(len(group) == 4 for group in groups)


def test_provisioning_twice_is_refused(responsible: Persona) -> None:
    with pytest.raises(api.VaultError):
        api.provision_member(responsible.member, b"anything")


def test_a_typed_recovery_key_is_normalised_to_its_shown_form(
    responsible: Persona,
) -> None:
    shown = responsible.recovery_key
    typed = shown.lower().replace(" ", "-").replace("o", "0")
    assert api.normalise_recovery_key(typed) == shown
    with pytest.raises(api.WrongSecret):
        api.normalise_recovery_key("not a recovery key")
