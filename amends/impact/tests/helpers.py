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


def share_form(persona: Persona, url: str, institution: Institution) -> dict[str, str]:
    """The second step of sharing, filled in as a person would: the notice read (G5)."""
    page = persona.client.get(url + "sharing/", {"institution": str(institution.id)})
    assert page.status_code == 200, page.status_code
    assert institution.confidentiality_notice in page.content.decode()
    return {
        "institution": str(institution.id),
        "notice_version": page.context["notice_version"],
        "notice_acknowledged": "on",
        "understood": "on",
    }


def share_with(persona: Persona, url: str, institution: Institution) -> None:
    response = persona.client.post(url + "sharing/", share_form(persona, url, institution))
    assert response.status_code == 302, response.content.decode()[:2000]
