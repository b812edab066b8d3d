from __future__ import annotations

import pytest
from django.db import connection

from amends.members import identity
from amends.members.codenames import codename_bits, generate_codename, words
from amends.members.models import Member
from amends.testing.personas import new_client, sign_up_with_codename, sign_up_with_handle

pytestmark = pytest.mark.django_db


def test_codename_sign_up_shows_seven_words_once_and_uncached() -> None:
    client = new_client()
    response = client.post("/sign-up/", {"way": "codename", "codename-understood": "on"})
    codename = response.context["created"].codename
    assert len(codename.split()) == 7
    assert codename in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # Nowhere else: not on the member's own pages afterwards.
    assert codename not in client.get("/me/").content.decode()


def test_codenames_carry_about_ninety_bits() -> None:
    assert len(words()) >= 7776
    assert codename_bits() >= 90
    assert generate_codename() != generate_codename()


def test_sign_up_requires_understanding_that_nobody_can_recover_the_data() -> None:
    response = new_client().post("/sign-up/", {"way": "codename"})
    assert response.status_code == 200
    assert "created" not in response.context
    assert Member.objects.count() == 0
    assert "cannot be recovered by anyone" in response.content.decode()


def test_the_database_holds_neither_handle_nor_codename() -> None:
    persona = sign_up_with_codename()
    handled = sign_up_with_handle("quiet-heron", "seven swans glide over grey water")
    member = Member.objects.get(pk=persona.member.pk)
    assert member.lookup == identity.codename_lookup(persona.secret)
    assert persona.secret not in member.lookup
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM members_member")
        dumped = repr(cursor.fetchall())
    assert persona.secret not in dumped
    assert handled.handle not in dumped


def test_passphrases_are_hashed_with_argon2id(handle_member) -> None:
    member = Member.objects.get(pk=handle_member.member.pk)
    assert member.password.startswith("argon2$argon2id$")


def test_a_weak_passphrase_is_refused_with_a_message_that_helps() -> None:
    client = new_client()
    for weak, expected in [
        ("short", "at least 12 characters"),
        ("password1234", "common passwords"),
        ("aaaaaaaaaaaaaaaaaaaa", "too easy to guess"),
    ]:
        response = client.post(
            "/sign-up/",
            {
                "way": "handle",
                "handle-handle": "grey-birch",
                "handle-passphrase": weak,
                "handle-passphrase_again": weak,
                "handle-understood": "on",
            },
        )
        assert response.status_code == 200
        assert expected in response.content.decode()
    assert Member.objects.count() == 0


def test_the_handle_the_member_typed_is_kept_when_the_form_fails() -> None:
    response = new_client().post(
        "/sign-up/",
        {
            "way": "handle",
            "handle-handle": "grey-birch",
            "handle-passphrase": "x",
            "handle-passphrase_again": "y",
            "handle-understood": "on",
        },
    )
    assert 'value="grey-birch"' in response.content.decode()


def test_a_taken_handle_is_refused(handle_member) -> None:
    response = new_client().post(
        "/sign-up/",
        {
            "way": "handle",
            "handle-handle": "Steady-Lantern",
            "handle-passphrase": "another long passphrase for me",
            "handle-passphrase_again": "another long passphrase for me",
            "handle-understood": "on",
        },
    )
    assert "This handle is taken" in response.content.decode()
    assert Member.objects.count() == 1


def test_a_member_is_logged_in_after_sign_up(responsible) -> None:
    response = responsible.client.get("/me/")
    assert response.status_code == 200
    assert "My space" in response.content.decode()


def test_joined_date_is_kept_only_to_the_month(responsible) -> None:
    assert Member.objects.get(pk=responsible.member.pk).joined_month.day == 1
