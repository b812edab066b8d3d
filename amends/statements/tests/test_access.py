"""A member can never reach another member's statement, whatever URL they guess."""

from __future__ import annotations

import pytest

from amends.statements.models import StatementVersion
from amends.testing.personas import Persona
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement_url(responsible: Persona) -> str:
    url = responsible.client.post("/statements/new/")["Location"]
    responsible.client.post(
        url, statement_form(what_i_did="Only the author may read this sentence.")
    )
    return url


GETS = ["", "preview/", "versions/", "versions/1/", "delete/"]
POSTS = ["", "autosave/", "preview/", "unpublish/", "delete/", "versions/1/restore/"]


@pytest.mark.parametrize("suffix", GETS)
def test_another_member_gets_404_reading_a_statement(
    statement_url, outsider: Persona, suffix
) -> None:
    response = outsider.client.get(statement_url + suffix)
    assert response.status_code == 404
    assert "Only the author may read this sentence." not in response.content.decode()


@pytest.mark.parametrize("suffix", POSTS)
def test_another_member_gets_404_writing_to_a_statement(
    statement_url, outsider: Persona, suffix
) -> None:
    data = statement_form(what_i_did="Overwritten by someone else.")
    data["confirm"] = "on"
    response = outsider.client.post(statement_url + suffix, data)
    assert response.status_code == 404
    assert StatementVersion.objects.count() == 1


@pytest.mark.parametrize("suffix", GETS)
def test_someone_logged_out_is_sent_to_log_in(statement_url, reader, suffix) -> None:
    response = reader.get(statement_url + suffix)
    assert response.status_code == 302
    assert response["Location"].startswith("/log-in/")


def test_the_author_can_read_their_own(statement_url, responsible: Persona) -> None:
    for suffix in GETS:
        assert responsible.client.get(statement_url + suffix).status_code == 200


def test_a_malformed_id_is_a_plain_404(responsible: Persona) -> None:
    assert responsible.client.get("/statements/not-a-uuid/").status_code == 404
    assert (
        responsible.client.get("/statements/00000000-0000-0000-0000-000000000000/").status_code
        == 404
    )
