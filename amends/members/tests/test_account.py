from __future__ import annotations

import pytest

from amends.library.models import Publication
from amends.members.models import Member
from amends.statements.models import Statement
from amends.testing.personas import Persona, new_client
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db

NEW_PASSPHRASE = "lanterns swing above the evening harbour"


def write_statement(persona: Persona) -> str:
    response = persona.client.post("/statements/new/")
    url = response["Location"]
    persona.client.post(url, statement_form())
    return url


def test_changing_the_passphrase_keeps_drafts_readable(handle_member: Persona) -> None:
    url = write_statement(handle_member)
    response = handle_member.client.post(
        "/me/account/",
        {
            "action": "change",
            "change-current": handle_member.secret,
            "change-passphrase": NEW_PASSPHRASE,
            "change-passphrase_again": NEW_PASSPHRASE,
        },
    )
    assert response.status_code == 302
    client = new_client()
    old = client.post(
        "/log-in/",
        {
            "way": "handle",
            "handle-handle": handle_member.handle,
            "handle-passphrase": handle_member.secret,
        },
    )
    assert old.status_code == 400
    new = client.post(
        "/log-in/",
        {
            "way": "handle",
            "handle-handle": handle_member.handle,
            "handle-passphrase": NEW_PASSPHRASE,
        },
    )
    assert new.status_code == 302
    assert statement_form()["what_i_did"] in client.get(url).content.decode()


def test_changing_the_passphrase_needs_the_current_one(handle_member: Persona) -> None:
    response = handle_member.client.post(
        "/me/account/",
        {
            "action": "change",
            "change-current": "not my passphrase at all",
            "change-passphrase": NEW_PASSPHRASE,
            "change-passphrase_again": NEW_PASSPHRASE,
        },
    )
    assert response.status_code == 200
    assert "current passphrase or codename is not right" in response.content.decode()


def test_a_codename_member_can_get_a_new_codename(responsible: Persona) -> None:
    url = write_statement(responsible)
    response = responsible.client.post(
        "/me/account/", {"action": "new-codename", "newcodename-current": responsible.secret}
    )
    codename = response.context["codename"]
    assert codename != responsible.secret and len(codename.split()) == 7
    assert "no-store" in response["Cache-Control"]
    client = new_client()
    assert (
        client.post(
            "/log-in/", {"way": "codename", "codename-codename": responsible.secret}
        ).status_code
        == 400
    )
    assert (
        client.post("/log-in/", {"way": "codename", "codename-codename": codename}).status_code
        == 302
    )
    assert statement_form()["known_impact"] in client.get(url).content.decode()


def test_the_recovery_key_opens_a_codename_account_and_is_then_replaced(
    responsible: Persona,
) -> None:
    url = write_statement(responsible)
    client = new_client()
    response = client.post("/recover/", {"recovery_key": responsible.recovery_key})
    assert response.status_code == 200
    created = response.context["created"]
    assert created.codename and created.codename != responsible.secret
    assert created.recovery_key != responsible.recovery_key
    assert statement_form()["repair"] in client.get(url).content.decode()
    again = new_client().post("/recover/", {"recovery_key": responsible.recovery_key})
    assert "did not open an account" in again.content.decode()


def test_the_recovery_key_lets_a_handle_member_set_a_new_passphrase(handle_member: Persona) -> None:
    client = new_client()
    response = client.post(
        "/recover/",
        {
            "recovery_key": handle_member.recovery_key,
            "handle": handle_member.handle,
            "passphrase": NEW_PASSPHRASE,
        },
    )
    assert response.status_code == 200
    login = new_client().post(
        "/log-in/",
        {
            "way": "handle",
            "handle-handle": handle_member.handle,
            "handle-passphrase": NEW_PASSPHRASE,
        },
    )
    assert login.status_code == 302


def test_a_wrong_recovery_key_opens_nothing(responsible: Persona) -> None:
    wrong = " ".join(["ABCD"] * 8)
    response = new_client().post("/recover/", {"recovery_key": wrong})
    assert "did not open an account" in response.content.decode()
    assert "created" not in (response.context or {})
    malformed = new_client().post("/recover/", {"recovery_key": "AAAA-BBBB"})
    assert "32 letters and digits" in malformed.content.decode()


def test_deleting_the_account_removes_everything_the_member_wrote(responsible: Persona) -> None:
    url = write_statement(responsible)
    statement_id = url.strip("/").split("/")[-1]
    responsible.client.post(
        f"/statements/{statement_id}/preview/", {"confirm": "on", "tags": ["workplace"]}
    )
    assert Publication.objects.count() == 1
    response = responsible.client.post(
        "/me/account/",
        {"action": "delete", "delete-current": responsible.secret, "delete-confirm": "on"},
    )
    assert response.status_code == 302
    assert not Member.objects.filter(pk=responsible.member.pk).exists()
    assert Statement.objects.count() == 0
    assert Publication.objects.count() == 0
    assert responsible.client.get("/me/").status_code == 302


def test_deleting_the_account_needs_the_secret(responsible: Persona) -> None:
    response = responsible.client.post(
        "/me/account/",
        {"action": "delete", "delete-current": "wrong words entirely here", "delete-confirm": "on"},
    )
    assert response.status_code == 200
    assert Member.objects.filter(pk=responsible.member.pk).exists()


def test_a_member_can_export_everything_they_wrote(responsible: Persona, outsider: Persona) -> None:
    import json

    responsible.client.post("/reflection/", {"pressure": "My own reflection answer."})
    responsible.client.post("/coach/keep-out/", {"items": "Someplace"})
    url = write_statement(responsible)
    responsible.client.post(url, statement_form(what_i_did="A second version."))
    response = responsible.client.get("/me/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    assert document["reflection"][0]["answer"] == "My own reflection answer."
    versions = document["statements"][0]["versions"]
    assert [v["sections"]["what_i_did"] for v in versions] == [
        statement_form()["what_i_did"],
        "A second version.",
    ]
    assert document["keep_out_list"] == ["Someplace"]
    theirs = json.loads(outsider.client.get("/me/export/").content)
    assert theirs["reflection"] == [] and theirs["statements"] == []


def test_the_export_is_also_a_document_a_person_can_read(
    responsible: Persona, outsider: Persona
) -> None:
    responsible.client.post("/reflection/", {"pressure": "My own reflection answer."})
    responsible.client.post("/coach/keep-out/", {"items": "Someplace"})
    url = write_statement(responsible)
    responsible.client.post(url, statement_form(what_i_did="A second version."))
    response = responsible.client.get("/me/export/readable/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert "My own reflection answer." in text
    # The section titles the member saw in the editor, newest version first.
    assert "**What I did**\n\nA second version." in text
    assert text.index("A second version.") < text.index(statement_form()["what_i_did"])
    assert "- Someplace" in text
    theirs = outsider.client.get("/me/export/readable/").content.decode()
    assert "My own reflection answer." not in theirs and "Someplace" not in theirs
    assert "You had not started one." in theirs
