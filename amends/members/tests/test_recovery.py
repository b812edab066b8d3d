"""Recovery as an attacker tries it: an empty or weak new passphrase, probing handles."""

from __future__ import annotations

import pytest
from django.test import override_settings

from amends.members.models import Member
from amends.testing.personas import Persona, handle_sign_up_form, new_client, sign_up_with_handle

pytestmark = pytest.mark.django_db

STRONG = "lanterns swing above the evening harbour"
WRONG_KEY = " ".join(["ABCD"] * 8)


def recover(client=None, **fields: str):
    client = client or new_client()
    return client.post("/recover/", fields)


def log_in(handle: str, passphrase: str):
    return new_client().post(
        "/log-in/", {"way": "handle", "handle-handle": handle, "handle-passphrase": passphrase}
    )


def refusal(response) -> list[str]:
    return list(response.context["form"].non_field_errors())


def test_the_recovery_key_alone_cannot_leave_a_handle_account_with_an_empty_passphrase(
    handle_member: Persona,
) -> None:
    response = recover(recovery_key=handle_member.recovery_key, handle="", passphrase="")
    assert "created" not in response.context
    assert response.context["form"].errors["passphrase"]
    # Nothing changed: the old passphrase still opens the account, and the recovery
    # key, not used up, still works once a real passphrase is chosen.
    assert log_in(handle_member.handle, handle_member.secret).status_code == 302
    again = recover(recovery_key=handle_member.recovery_key, passphrase=STRONG)
    assert again.context["created"].member == handle_member.member
    assert log_in(handle_member.handle, STRONG).status_code == 302


def test_recovery_without_the_handle_still_checks_the_new_passphrase(
    handle_member: Persona,
) -> None:
    response = recover(recovery_key=handle_member.recovery_key, passphrase="abc")
    assert "created" not in response.context
    assert "at least 12 characters" in response.content.decode()
    assert log_in(handle_member.handle, "abc").status_code == 400
    assert log_in(handle_member.handle, handle_member.secret).status_code == 302


def test_a_passphrase_containing_the_handle_is_refused_when_the_handle_is_typed(
    handle_member: Persona,
) -> None:
    response = recover(
        recovery_key=handle_member.recovery_key,
        handle=handle_member.handle,
        passphrase=f"{handle_member.handle} and other words",
    )
    assert "must not contain your handle" in response.content.decode()
    assert log_in(handle_member.handle, handle_member.secret).status_code == 302


def test_the_recovery_form_says_a_handle_member_must_choose_a_passphrase() -> None:
    html = new_client().get("/recover/").content.decode()
    assert "Only for a handle" not in html
    assert "Required if you signed up with a handle" in html


def test_a_codename_member_recovers_without_a_passphrase(responsible: Persona) -> None:
    response = recover(recovery_key=responsible.recovery_key)
    assert response.context["created"].codename


def test_a_failed_recovery_reads_the_same_whether_or_not_the_handle_exists(
    handle_member: Persona, outsider: Persona
) -> None:
    existing = recover(recovery_key=WRONG_KEY, handle=handle_member.handle, passphrase=STRONG)
    missing = recover(recovery_key=WRONG_KEY, handle="nobody-has-this", passphrase=STRONG)
    # Someone else's real key with the member's handle: still the same answer.
    crossed = recover(
        recovery_key=outsider.recovery_key, handle=handle_member.handle, passphrase=STRONG
    )
    no_handle = recover(recovery_key=WRONG_KEY, passphrase=STRONG)
    assert existing.status_code == missing.status_code == crossed.status_code == 400
    assert refusal(existing) == refusal(missing) == refusal(crossed) == refusal(no_handle)
    assert log_in(handle_member.handle, handle_member.secret).status_code == 302


@override_settings(AMENDS_RECOVERY_FAILURES_ALLOWED=3)
def test_failed_recoveries_are_throttled_per_handle_across_sessions(
    handle_member: Persona,
) -> None:
    for _ in range(3):
        response = recover(recovery_key=WRONG_KEY, handle=handle_member.handle, passphrase=STRONG)
        assert response.status_code == 400
    # Even the right key, from a fresh session, now waits.
    response = recover(
        recovery_key=handle_member.recovery_key, handle=handle_member.handle, passphrase=STRONG
    )
    assert response.status_code == 429
    assert "too many attempts" in response.content.decode()
    assert log_in(handle_member.handle, STRONG).status_code == 400


@override_settings(AMENDS_RECOVERY_FAILURES_ALLOWED=3)
def test_a_missing_handle_is_throttled_like_an_existing_one(handle_member: Persona) -> None:
    answers = {}
    for handle in (handle_member.handle, "nobody-has-this"):
        for _ in range(3):
            recover(recovery_key=WRONG_KEY, handle=handle, passphrase=STRONG)
        answers[handle] = recover(recovery_key=WRONG_KEY, handle=handle, passphrase=STRONG)
    assert {response.status_code for response in answers.values()} == {429}


@override_settings(AMENDS_RECOVERY_FAILURES_ALLOWED=3)
def test_failed_recoveries_are_throttled_per_session(handle_member: Persona) -> None:
    attacker = new_client()
    for number in range(3):
        recover(attacker, recovery_key=WRONG_KEY, handle=f"guess-{number}", passphrase=STRONG)
    response = recover(
        attacker, recovery_key=WRONG_KEY, handle=handle_member.handle, passphrase=STRONG
    )
    assert response.status_code == 429


@override_settings(AMENDS_SIGN_UPS_ALLOWED=3)
def test_probing_taken_handles_at_sign_up_is_throttled_per_session() -> None:
    taken = [sign_up_with_handle(f"taken-handle-{n}", STRONG).handle for n in range(4)]
    attacker = new_client()
    answers = []
    for handle in taken:
        response = attacker.post("/sign-up/", handle_sign_up_form(handle, STRONG))
        answers.append(response.status_code)
    assert answers == [200, 200, 200, 429]
    assert "too many attempts" in response.content.decode()


@override_settings(AMENDS_SIGN_UPS_ALLOWED=3)
def test_probing_one_handle_at_sign_up_is_throttled_across_sessions(
    handle_member: Persona,
) -> None:
    answers = []
    for _ in range(4):
        response = new_client().post("/sign-up/", handle_sign_up_form(handle_member.handle, STRONG))
        answers.append(response.status_code)
    # The member's own sign-up counted once.
    assert answers == [200, 200, 429, 429]
    assert Member.objects.count() == 1
