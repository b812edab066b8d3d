"""Example writing for tests: fictional, plain, never graphic."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

    from amends.testing.personas import Persona

SECTIONS_EXAMPLE = {
    "what_i_did": "I kept pushing a woman I was dating to have sex after she said she wanted to wait.",
    "known_impact": "She told me later that she stopped trusting her own judgement for a long time.",
    "responsibility": "I am sorry. It was my choice to keep pushing, and nothing she did caused it.",
    "repair": "I offered, through a friend she trusts, to pay for counselling if she wants it.",
    "change": "I see a therapist every week, and a men's group checks in with me every month.",
}


def statement_form(**sections: str) -> dict[str, str]:
    # A misspelt or former section name would be posted and silently ignored by the
    # form, and the test would pass on the example text instead.
    unknown = set(sections) - set(SECTIONS_EXAMPLE)
    if unknown:
        raise TypeError(f"not a statement section: {', '.join(sorted(unknown))}")
    data = dict(SECTIONS_EXAMPLE)
    data.update(sections)
    return data


def drafted(persona: Persona, **sections: str) -> str:
    """Start a statement, save it with these sections, and return its editor's URL."""
    url = persona.client.post("/statements/new/")["Location"]
    persona.client.post(url, statement_form(**sections))
    return str(url)


def publish(client: Client, url: str, **form: object) -> object:
    """Publish a drafted statement as a member who reads the preview and acknowledges
    everything the coach still raises there (details, patterns, missing elements)."""
    preview = client.get(url + "preview/")
    data: dict[str, object] = {
        "confirm": "on",
        "confirmed_details": [placed.key for placed in preview.context["details"]],
        "acknowledged": [placed.key for placed in preview.context["concerns"]],
    }
    data.update(form)
    return client.post(url + "preview/", data)
