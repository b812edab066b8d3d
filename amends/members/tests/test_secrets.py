"""A secret is seen the same way by Django's hasher and by the vault, and is bounded."""

from __future__ import annotations

import unicodedata
from unittest import mock

import argon2
import argon2.low_level
import pytest
from django.contrib.auth.hashers import check_password, make_password

from amends.members.identity import MAX_SECRET_LENGTH
from amends.members.models import Member
from amends.testing.personas import Persona, handle_sign_up_form, new_client, sign_up_with_handle

pytestmark = pytest.mark.django_db

# "ﬁ" is one ligature character; NFKC folds it into "f" and "i". A phone keyboard or
# a pasted text can give either form of the same passphrase.
LIGATURE = "ﬁve quiet harbours under steady rain"
FOLDED = unicodedata.normalize("NFKC", LIGATURE)


def log_in(handle: str, passphrase: str):
    client = new_client()
    return client, client.post(
        "/log-in/", {"way": "handle", "handle-handle": handle, "handle-passphrase": passphrase}
    )


def test_the_same_passphrase_in_either_unicode_form_logs_in() -> None:
    assert LIGATURE != FOLDED
    member = sign_up_with_handle("quiet-harbour", LIGATURE)
    for typed in (LIGATURE, FOLDED):
        client, response = log_in(member.handle, typed)
        assert response.status_code == 302, typed
        # The vault opened too: the member's pages are readable.
        assert client.get("/me/").status_code == 200


def test_django_hashes_the_form_the_vault_wraps_the_key_under() -> None:
    persona = sign_up_with_handle("quiet-harbour", LIGATURE)
    member = Member.objects.get(pk=persona.member.pk)
    assert check_password(FOLDED, member.password)
    assert member.vault_secret(LIGATURE) == FOLDED.encode()


def test_a_member_hashed_before_folding_still_logs_in_and_is_rehashed() -> None:
    persona = sign_up_with_handle("quiet-harbour", LIGATURE)
    # As the code before folding stored it: the passphrase hashed exactly as typed
    # (the vault already folded it, so the key wrap needs no change).
    Member.objects.filter(pk=persona.member.pk).update(password=make_password(LIGATURE))
    client, response = log_in(persona.handle, LIGATURE)
    assert response.status_code == 302
    assert client.get("/me/").status_code == 200
    assert check_password(FOLDED, Member.objects.get(pk=persona.member.pk).password)
    _, folded = log_in(persona.handle, FOLDED)
    assert folded.status_code == 302


def test_a_member_hashed_before_folding_is_not_opened_by_a_wrong_passphrase() -> None:
    persona = sign_up_with_handle("quiet-harbour", LIGATURE)
    Member.objects.filter(pk=persona.member.pk).update(password=make_password(LIGATURE))
    _, response = log_in(persona.handle, "ﬁve quiet harbours under heavy rain")
    assert response.status_code == 400


def over_long() -> str:
    words = "lantern harbour quiet steady evening rivers "
    return (words * (MAX_SECRET_LENGTH // len(words) + 2))[: MAX_SECRET_LENGTH + 1]


def test_sign_up_refuses_a_passphrase_over_the_cap() -> None:
    passphrase = over_long()
    response = new_client().post("/sign-up/", handle_sign_up_form("long-passphrase", passphrase))
    assert "created" not in response.context
    assert "at most 1024 characters" in response.content.decode()
    assert not Member.objects.exists()


def test_every_form_that_takes_a_secret_refuses_one_over_the_cap(handle_member: Persona) -> None:
    long = over_long()
    _, login = log_in(handle_member.handle, long)
    assert "at most 1024 characters" in login.content.decode()
    recovery = new_client().post(
        "/recover/", {"recovery_key": handle_member.recovery_key, "passphrase": long}
    )
    assert "at most 1024 characters" in recovery.content.decode()
    for action, field in (("change", "current"), ("change", "passphrase"), ("delete", "current")):
        account = handle_member.client.post(
            "/me/account/", {"action": action, f"{action}-{field}": long}
        )
        assert "at most 1024 characters" in account.content.decode(), (action, field)


@pytest.fixture
def argon2_runs():
    """Counts Argon2 runs (hashes and verifications) by watching argon2-cffi itself,
    which still does the work."""
    runs: list[str] = []
    hash_, verify = argon2.low_level.hash_secret, argon2.PasswordHasher.verify

    def counted_hash(*args, **kwargs):
        runs.append("hash")
        return hash_(*args, **kwargs)

    def counted_verify(self, *args, **kwargs):
        runs.append("verify")
        return verify(self, *args, **kwargs)

    with (
        mock.patch.object(argon2.low_level, "hash_secret", counted_hash),
        mock.patch.object(argon2.PasswordHasher, "verify", counted_verify),
    ):
        yield runs


def test_logins_over_the_cap_cost_no_argon2_run(handle_member: Persona, argon2_runs) -> None:
    from django.conf import settings

    Member.objects.filter(pk=handle_member.member.pk).update(is_staff=True)
    _, ours = log_in(handle_member.handle, over_long())
    _, made_up = log_in("made-up-handle", over_long())
    admin = new_client().post(
        f"/{settings.ADMIN_URL}login/",
        {"username": handle_member.handle, "password": over_long()},
    )
    assert ours.status_code == made_up.status_code == 200
    assert admin.status_code == 200 and "errornote" in admin.content.decode()
    assert argon2_runs == []
    # The control: a normal failed login does run Argon2.
    log_in("made-up-handle", "a passphrase of ordinary length")
    assert argon2_runs


def test_the_model_never_hashes_a_secret_over_the_cap(handle_member: Persona) -> None:
    member = Member.objects.get(pk=handle_member.member.pk)
    assert not member.check_password(over_long())
    with pytest.raises(ValueError):
        member.set_password(over_long())
