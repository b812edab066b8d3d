"""Operators use the admin; it must never show a member's private text."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib import admin

from amends.testing.personas import Persona
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db

MARKER = "admin-must-not-show-this-marker-sentence"


def test_the_admin_lives_at_the_configured_url(operator: Persona) -> None:
    assert operator.client.get("/" + settings.ADMIN_URL).status_code == 200


def test_the_admin_shows_no_draft_or_reflection_text(
    operator: Persona, responsible: Persona
) -> None:
    responsible.client.post("/reflection/", {"pressure": MARKER})
    url = responsible.client.post("/statements/new/")["Location"]
    responsible.client.post(url, statement_form(what_i_did=MARKER, known_impact=MARKER))
    seen = []
    for model in admin.site._registry:
        meta = model._meta
        changelist = f"/{settings.ADMIN_URL}{meta.app_label}/{meta.model_name}/"
        response = operator.client.get(changelist)
        seen.append(response.content.decode())
        for obj in model.objects.all()[:20]:
            response = operator.client.get(f"{changelist}{obj.pk}/change/")
            seen.append(response.content.decode())
    everything = "\n".join(seen)
    assert "statement" in everything.lower()
    assert MARKER not in everything


def test_members_cannot_reach_the_admin(responsible: Persona) -> None:
    response = responsible.client.get("/" + settings.ADMIN_URL)
    assert response.status_code == 302


def test_an_operator_logs_in_to_the_admin_with_handle_and_passphrase(monkeypatch) -> None:
    import io

    from django.core.management import call_command
    from django.test import Client

    monkeypatch.setattr("sys.stdin", io.StringIO("operators keep the lights on quietly\n"))
    call_command("create_operator", "night-operator", "--passphrase-stdin", stdout=io.StringIO())
    client = Client()
    login = f"/{settings.ADMIN_URL}login/"
    wrong = client.post(login, {"username": "night-operator", "password": "not the passphrase x"})
    assert wrong.status_code == 200 and "correct" in wrong.content.decode()
    response = client.post(
        login, {"username": "night-operator", "password": "operators keep the lights on quietly"}
    )
    assert response.status_code == 302
    assert client.get("/" + settings.ADMIN_URL).status_code == 200


def test_a_member_cannot_log_in_to_the_admin(handle_member: Persona) -> None:
    from django.test import Client

    client = Client()
    response = client.post(
        f"/{settings.ADMIN_URL}login/",
        {"username": handle_member.handle, "password": handle_member.secret},
    )
    assert response.status_code == 200
    assert client.get("/" + settings.ADMIN_URL).status_code == 302
