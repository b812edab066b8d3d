"""What the responses tests share: a published statement, trusted responders, texts."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from amends.library.actions import do_publish
from amends.library.models import Publication
from amends.responses.identity import member_key
from amends.responses.models import Response, Status
from amends.testing.personas import Persona
from amends.testing.writing import SECTIONS_EXAMPLE, drafted, publish

# Fictional responses, each one the classifier reads the way its name says.
ANGER = (
    "What you did made me so angry. It happened to me too, and it took years to trust anyone again."
)
SUPPORT = "Thank you for writing this. Pushing after a no is exactly what my ex did."
INSULT = "You are a disgusting pig and a pathetic excuse for a man."
THREAT = "I know where you live and you will pay for this."
INCITEMENT = (
    "Everyone should go to his business page and leave reviews telling the truth about him."
)
LINK = "Read more at example.com/guide about consent."


def publish_statement(author: Persona) -> Publication:
    url = drafted(author)
    response = publish(author.client, url)
    assert getattr(response, "status_code", None) == 302
    author.member.statements.get().refresh_from_db()
    publication = author.member.statements.select_related("publication").get().publication
    assert publication is not None
    return publication


@pytest.fixture
def statement(responsible: Persona) -> Publication:
    """A statement the responsible party published as members do."""
    return publish_statement(responsible)


def trust(persona: Persona, count: int = 2) -> None:
    """Give a member approved responses (on another statement), after which theirs
    publish at once."""
    publication = do_publish(dict(SECTIONS_EXAMPLE), [])
    for n in range(count):
        Response.objects.create(
            publication=publication,
            responder=member_key(persona.member),
            pseudonym="Earlier Reader",
            month=datetime.date(2026, 11, 1),
            text=f"An earlier response, number {n}, about what was done.",
            status=Status.PUBLISHED,
            reason="approved",
            category="first_responses",
            step="moderator",
        )


def respond(client: Client, publication: Publication, text: str, **extra: str):
    return client.post(f"/library/{publication.public_id}/responses/", {"text": text, **extra})


def thread_url(publication: Publication) -> str:
    return f"/library/{publication.public_id}/responses/"
