"""Responding to a published statement, through HTTP, as readers and the author do."""

from __future__ import annotations

import pytest

from amends.library.models import Publication
from amends.responses.models import Response, Status
from amends.responses.tests.conftest import (
    ANGER,
    INSULT,
    LINK,
    SUPPORT,
    THREAT,
    publish_statement,
    respond,
    thread_url,
    trust,
)
from amends.testing.personas import Persona, new_client

pytestmark = pytest.mark.django_db

NUDGE = "This reads as an attack on the person rather than on what was done"


def test_a_first_response_is_held_and_only_its_writer_sees_it_waiting(
    statement: Publication, outsider: Persona, reader
) -> None:
    answer = respond(outsider.client, statement, ANGER)
    assert answer.status_code == 302
    stored = Response.objects.get()
    assert (stored.status, stored.reason) == (Status.HELD, "first_responses")
    mine = outsider.client.get(thread_url(statement))
    assert ANGER in mine.content.decode() and b'data-testid="waiting"' in mine.content
    assert ANGER not in reader.get(thread_url(statement)).content.decode()


def test_a_trusted_members_anger_is_published_with_a_pseudonym_and_the_month(
    statement: Publication, outsider: Persona, reader
) -> None:
    trust(outsider)
    respond(outsider.client, statement, ANGER)
    stored = Response.objects.get(publication=statement)
    assert stored.status == Status.PUBLISHED
    page = reader.get(thread_url(statement)).content.decode()
    assert ANGER in page and stored.pseudonym in page
    assert stored.month.day == 1
    assert stored.month.strftime("%B %Y") in page


def test_a_responder_has_one_pseudonym_per_statement_and_another_elsewhere(
    statement: Publication, outsider: Persona, handle_member: Persona
) -> None:
    other = publish_statement(handle_member)
    trust(outsider)
    respond(outsider.client, statement, ANGER)
    respond(outsider.client, statement, SUPPORT)
    respond(outsider.client, other, "A different response, to a different statement entirely.")
    here = {r.pseudonym for r in Response.objects.filter(publication=statement)}
    there = {r.pseudonym for r in Response.objects.filter(publication=other)}
    assert len(here) == 1 and len(there) == 1 and here != there


def test_the_member_is_stored_only_as_a_keyed_hash(
    statement: Publication, outsider: Persona
) -> None:
    respond(outsider.client, statement, ANGER)
    stored = Response.objects.get()
    assert str(outsider.member.pk) not in stored.responder
    assert str(outsider.member.pk).replace("-", "") not in stored.responder
    assert len(stored.responder) == 64


def test_an_attack_is_nudged_first_and_nothing_is_stored_until_sent_anyway(
    statement: Publication, outsider: Persona
) -> None:
    trust(outsider)
    nudged = respond(outsider.client, statement, INSULT)
    assert nudged.status_code == 200
    page = nudged.content.decode()
    assert NUDGE in page and "disgusting pig" in page
    assert not Response.objects.filter(publication=statement).exists()
    respond(outsider.client, statement, INSULT, send_anyway="on")
    held = Response.objects.get(publication=statement)
    assert (held.status, held.reason) == (Status.HELD, "insult")


def test_a_threat_is_given_back_to_edit_and_the_author_never_sees_it(
    statement: Publication, outsider: Persona, responsible: Persona
) -> None:
    trust(outsider)
    answer = respond(outsider.client, statement, THREAT)
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "reads as a threat" in page and "you will pay for this" in page
    assert Response.objects.get(publication=statement).status == Status.REJECTED
    assert "you will pay" not in responsible.client.get(thread_url(statement)).content.decode()


def test_a_link_is_held_for_a_moderator(statement: Publication, outsider: Persona) -> None:
    trust(outsider)
    respond(outsider.client, statement, LINK)
    assert Response.objects.get(publication=statement).reason == "link"


def test_a_reader_who_is_not_logged_in_is_sent_to_log_in(statement: Publication, reader) -> None:
    answer = respond(reader, statement, ANGER)
    assert answer.status_code == 302 and "/log-in/" in answer["Location"]
    assert not Response.objects.exists()


def test_the_author_can_turn_responses_off_and_a_response_comes_back_whole(
    statement: Publication, responsible: Persona, outsider: Persona
) -> None:
    trust(outsider)
    responsible.client.post(thread_url(statement) + "settings/", {"hold_all": ""})
    answer = respond(outsider.client, statement, ANGER)
    assert "turned responses off" in answer.content.decode()
    assert ANGER in answer.content.decode()
    assert Response.objects.get(publication=statement).reason == "responses_off"


def test_the_author_can_hold_every_response_and_sees_what_is_held(
    statement: Publication, responsible: Persona, outsider: Persona
) -> None:
    trust(outsider)
    responsible.client.post(
        thread_url(statement) + "settings/", {"responses_open": "on", "hold_all": "on"}
    )
    respond(outsider.client, statement, SUPPORT)
    assert Response.objects.get(publication=statement).reason == "author_holds"
    assert SUPPORT in responsible.client.get(thread_url(statement)).content.decode()


def test_nobody_but_the_author_changes_a_statements_settings(
    statement: Publication, outsider: Persona, moderator: Persona, operator: Persona
) -> None:
    for persona in (outsider, moderator, operator):
        answer = persona.client.post(thread_url(statement) + "settings/", {"hold_all": ""})
        assert answer.status_code == 404
    assert not statement.pk or not Response.objects.exists()
    from amends.responses.models import ResponseSettings

    assert not ResponseSettings.objects.filter(publication=statement, responses_open=False).exists()


def test_the_author_replies_once_and_only_the_author(
    statement: Publication, responsible: Persona, outsider: Persona, reader
) -> None:
    trust(outsider)
    respond(outsider.client, statement, ANGER)
    written = Response.objects.get(publication=statement)
    url = f"/responses/{written.pk}/reply/"
    assert outsider.client.post(url, {"text": "I am not the author."}).status_code == 404
    reply = "Thank you. I hear how much it cost you, and I am not asking you for anything."
    assert responsible.client.post(url, {"text": reply}).status_code == 302
    responsible.client.post(url, {"text": "A second reply."})
    written.refresh_from_db()
    assert written.reply == reply
    page = reader.get(thread_url(statement)).content.decode()
    assert "The author replied" in page and reply in page


def test_the_author_does_not_respond_under_a_readers_pseudonym(
    statement: Publication, responsible: Persona
) -> None:
    assert respond(responsible.client, statement, SUPPORT).status_code == 404
    assert not Response.objects.exists()


def test_a_hidden_or_unknown_statement_has_no_responses_page(
    statement: Publication, reader
) -> None:
    assert reader.get("/library/no-such-statement/responses/").status_code == 404
    Publication.including_hidden.filter(pk=statement.pk).update(hidden=True)
    assert reader.get(thread_url(statement)).status_code == 404


def test_the_responses_page_works_without_a_login(statement: Publication) -> None:
    page = new_client().get(thread_url(statement))
    assert page.status_code == 200 and b"to respond" in page.content
