from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client

from amends.statements.models import Statement, StatementVersion
from amends.statements.sections import MAX_SECTION_LENGTH
from amends.testing.personas import Persona
from amends.testing.writing import statement_form
from amends.vault import versions

pytestmark = pytest.mark.django_db


def start(persona: Persona) -> str:
    response = persona.client.post("/statements/new/")
    assert response.status_code == 302
    return response["Location"]


def test_a_member_starts_a_statement_and_saves_a_draft(responsible: Persona) -> None:
    url = start(responsible)
    response = responsible.client.post(url, statement_form())
    assert response.status_code == 302
    page = responsible.client.get(url).content.decode()
    assert statement_form()["what_i_did"] in page
    assert StatementVersion.objects.count() == 1


def test_each_section_has_its_guide_beside_it(responsible: Persona) -> None:
    page = responsible.client.get(start(responsible)).content.decode()
    for title in (
        "What I did",
        "Its impact, as far as I know it",
        "The responsibility I take",
        "What I have done and will do to repair",
        "What I am changing, and how that is checked",
    ):
        assert title in page
    assert 'aria-describedby="guide-what_i_did"' in page
    assert "first person and the active voice" in page


def test_explicit_saves_keep_versions(responsible: Persona) -> None:
    url = start(responsible)
    responsible.client.post(url, statement_form(what_i_did="First wording."))
    responsible.client.post(url, statement_form(what_i_did="Second wording."))
    responsible.client.post(url, statement_form(what_i_did="Second wording."))  # unchanged
    numbers = list(StatementVersion.objects.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2]
    listing = responsible.client.get(url + "versions/").content.decode()
    assert "Version 1" in listing and "Version 2" in listing
    first = responsible.client.get(url + "versions/1/").content.decode()
    assert "First wording." in first


def test_autosaves_refine_one_version_instead_of_piling_up(responsible: Persona) -> None:
    url = start(responsible)
    for text in ("I", "I pressured", "I pressured her"):
        response = responsible.client.post(
            url + "autosave/", statement_form(what_i_did=text), HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert "Saved at" in response.content.decode()
    assert StatementVersion.objects.count() == 1
    assert "I pressured her" in responsible.client.get(url).content.decode()


def test_restoring_an_old_version_makes_it_the_newest(responsible: Persona) -> None:
    url = start(responsible)
    responsible.client.post(url, statement_form(what_i_did="The older account."))
    responsible.client.post(url, statement_form(what_i_did="A newer account."))
    response = responsible.client.post(url + "versions/1/restore/")
    assert response.status_code == 302
    assert StatementVersion.objects.count() == 3
    assert "The older account." in responsible.client.get(url).content.decode()


def test_too_long_a_section_is_refused_and_the_text_is_kept(responsible: Persona) -> None:
    url = start(responsible)
    too_long = "I kept going. " * (MAX_SECTION_LENGTH // 10)
    response = responsible.client.post(url, statement_form(known_impact=too_long))
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most" in page
    assert "I kept going. I kept going." in page
    assert statement_form()["what_i_did"] in page


def test_a_draft_sent_after_the_session_ended_comes_back_with_a_way_to_save_it(
    responsible: Persona,
) -> None:
    url = start(responsible)
    responsible.client.post("/log-out/")
    response = responsible.client.post(
        url, statement_form(what_i_did="Words written while logged out.")
    )
    assert response.status_code == 401
    page = response.content.decode()
    assert "Words written while logged out." in page
    assert "Log in and save my draft" in page
    assert StatementVersion.objects.count() == 0

    data = statement_form(what_i_did="Words written while logged out.")
    data.update({"way": "codename", "codename-codename": responsible.secret})
    saved = responsible.client.post(url, data)
    assert saved.status_code == 302
    assert "Words written while logged out." in responsible.client.get(url).content.decode()


def test_a_wrong_codename_on_that_page_keeps_the_text_again(responsible: Persona) -> None:
    url = start(responsible)
    responsible.client.post("/log-out/")
    data = statement_form(what_i_did="Still here after a typo.")
    data.update({"way": "codename", "codename-codename": "not my codename at all really"})
    response = responsible.client.post(url, data)
    assert response.status_code == 401
    assert "Still here after a typo." in response.content.decode()
    assert "did not match an account" in response.content.decode()


def test_an_autosave_after_the_session_ended_says_so_without_redirecting(
    responsible: Persona,
) -> None:
    url = start(responsible)
    responsible.client.post("/log-out/")
    response = responsible.client.post(url + "autosave/", statement_form(), HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert "Not saved: you are logged out" in response.content.decode()


def test_a_form_whose_csrf_token_expired_gives_the_text_back(responsible: Persona) -> None:
    url = start(responsible)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = responsible.client.cookies
    response = strict.post(
        url,
        statement_form(what_i_did="Text typed before the token expired.\nMore.", repair="Short."),
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "Text typed before the token expired." in page
    assert "Short." in page  # a short answer is kept as well as a long one


def test_deleting_a_statement_removes_every_version(responsible: Persona) -> None:
    url = start(responsible)
    responsible.client.post(url, statement_form())
    responsible.client.post(url, statement_form(what_i_did="Another version."))
    response = responsible.client.post(url + "delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert Statement.objects.count() == 0
    assert StatementVersion.objects.count() == 0
    from amends.vault.models import PrivateText

    assert (
        not PrivateText.objects.filter(owner=responsible.member)
        .exclude(bound_model="reflections.Answer")
        .exists()
    )


@pytest.mark.django_db(transaction=True)
def test_a_server_error_while_saving_gives_the_text_back(responsible: Persona) -> None:
    """The database refuses every write (a full disk, a failover): the member keeps their text."""
    from django.db import connection

    url = start(responsible)
    client = Client(raise_request_exception=False)
    client.cookies = responsible.client.cookies
    read_only = {
        "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
        "postgresql": (
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        ),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(read_only[0])
    try:
        response = client.post(
            url, statement_form(what_i_did="Words the database refused.\nAll of them.")
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(read_only[1])
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "Words the database refused." in page
    assert StatementVersion.objects.count() == 0


def test_a_damaged_draft_is_never_shown_and_the_member_is_told(responsible: Persona) -> None:
    from amends.vault.models import PrivateText

    url = start(responsible)
    responsible.client.post(url, statement_form(what_i_did="Text that will be damaged."))
    item = PrivateText.objects.get(pk=StatementVersion.objects.get().content_id)
    damaged = bytearray(bytes(item.ciphertext))
    damaged[len(damaged) // 2] ^= 0x01
    PrivateText.objects.filter(pk=item.pk).update(ciphertext=bytes(damaged))
    response = responsible.client.get(url)
    assert response.status_code == 500
    page = response.content.decode()
    assert "This could not be opened" in page
    assert "Text that will be damaged." not in page
    assert 'name="what_i_did"' not in page  # no empty editor that could overwrite it


def test_a_version_kept_before_the_section_was_renamed_still_opens_whole(
    responsible: Persona,
) -> None:
    # Versions kept before "impact" became "known_impact" hold the old key inside
    # their encrypted document; the member's words must come back under the new name.
    url = start(responsible)
    statement = Statement.objects.get()
    old = dict(statement_form(known_impact="She left the choir that spring."))
    old["impact"] = old.pop("known_impact")
    versions.keep_text(
        responsible.holder(),
        statement,
        lambda: None,
        lambda number: StatementVersion(id=uuid.uuid4(), statement=statement, number=number),
        json.dumps(old),
        StatementVersion.Origin.SAVE,
    )
    assert "She left the choir that spring." in responsible.client.get(url).content.decode()
