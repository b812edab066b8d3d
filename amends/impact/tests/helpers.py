"""Shared steps for the impact statement tests: what a harmed member does, through HTTP."""

from __future__ import annotations

from amends.institutions.models import Institution
from amends.testing.personas import Persona

# Fictional, plain, never graphic.
TEXT = (
    "Since that evening I have found it hard to sleep in the dark.\n"
    "I left the choir because he was still in it, and I miss singing."
)


def start(persona: Persona) -> str:
    response = persona.client.post("/impact/new/")
    assert response.status_code == 302, response.status_code
    return str(response["Location"])


def write(persona: Persona, text: str = TEXT) -> str:
    """A new impact statement with one saved version; returns its URL."""
    url = start(persona)
    response = persona.client.post(url, {"text": text})
    assert response.status_code == 302, response.content[:500]
    return url


def share_with(persona: Persona, url: str, institution: Institution) -> None:
    response = persona.client.post(
        url + "sharing/", {"institution": str(institution.id), "understood": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
