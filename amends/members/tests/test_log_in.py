from __future__ import annotations

import pytest
from django.test import override_settings

from amends.testing.personas import Persona, new_client

pytestmark = pytest.mark.django_db


def log_in_with_codename(codename: str):
    client = new_client()
    return client, client.post("/log-in/", {"way": "codename", "codename-codename": codename})


def log_in_with_handle(handle: str, passphrase: str):
    client = new_client()
    response = client.post(
        "/log-in/", {"way": "handle", "handle-handle": handle, "handle-passphrase": passphrase}
    )
    return client, response


def test_a_member_logs_in_with_their_codename(responsible: Persona) -> None:
    client, response = log_in_with_codename(responsible.secret)
    assert response.status_code == 302
    assert client.get("/me/").status_code == 200


def test_codename_login_forgives_case_and_extra_spaces(responsible: Persona) -> None:
    sloppy = "  " + "   ".join(responsible.secret.upper().split()) + " "
    _, response = log_in_with_codename(sloppy)
    assert response.status_code == 302


def test_a_member_logs_in_with_handle_and_passphrase(handle_member: Persona) -> None:
    client, response = log_in_with_handle("STEADY-lantern", handle_member.secret)
    assert response.status_code == 302
    assert client.get("/me/").status_code == 200


def test_a_wrong_passphrase_is_refused_without_saying_whether_the_handle_exists(
    handle_member: Persona,
) -> None:
    _, wrong_secret = log_in_with_handle(handle_member.handle, "not the passphrase at all")
    _, unknown_handle = log_in_with_handle("nobody-here", "not the passphrase at all")
    assert wrong_secret.status_code == unknown_handle.status_code == 400
    assert wrong_secret.context["error"] == unknown_handle.context["error"]


def test_log_out_ends_access_to_the_members_pages(responsible: Persona) -> None:
    response = responsible.client.post("/log-out/")
    assert response.status_code == 302
    assert responsible.client.get("/me/").status_code == 302


def test_log_out_refuses_get_so_a_link_cannot_log_someone_out(responsible: Persona) -> None:
    assert responsible.client.get("/log-out/").status_code == 405
    assert responsible.client.get("/me/").status_code == 200


@override_settings(AMENDS_LOGIN_FAILURES_ALLOWED=3)
def test_failed_logins_are_throttled_per_handle(handle_member: Persona) -> None:
    for _ in range(3):
        _, response = log_in_with_handle(handle_member.handle, "a wrong guess at the passphrase")
        assert response.status_code == 400
    _, response = log_in_with_handle(handle_member.handle, handle_member.secret)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


@override_settings(AMENDS_LOGIN_FAILURES_ALLOWED=3)
def test_throttling_one_handle_leaves_others_alone(handle_member: Persona) -> None:
    for _ in range(4):
        log_in_with_handle("someone-else", "a wrong guess at the passphrase")
    _, response = log_in_with_handle(handle_member.handle, handle_member.secret)
    assert response.status_code == 302


def test_a_successful_login_clears_earlier_failures(handle_member: Persona) -> None:
    for _ in range(3):
        log_in_with_handle(handle_member.handle, "a wrong guess at the passphrase")
    _, ok = log_in_with_handle(handle_member.handle, handle_member.secret)
    assert ok.status_code == 302
    with override_settings(AMENDS_LOGIN_FAILURES_ALLOWED=4):
        for _ in range(3):
            log_in_with_handle(handle_member.handle, "a wrong guess at the passphrase")
        _, response = log_in_with_handle(handle_member.handle, handle_member.secret)
        assert response.status_code == 302


def test_next_cannot_send_a_member_to_another_site(responsible: Persona) -> None:
    client = new_client()
    response = client.post(
        "/log-in/?next=https://elsewhere.example/",
        {"way": "codename", "codename-codename": responsible.secret},
    )
    assert response["Location"] == "/me/"
