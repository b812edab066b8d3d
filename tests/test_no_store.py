"""No response that holds private text may be kept by a cache or the browser's history.

Every URL pattern is read from the URLconf, so a page added later is walked too: a
pattern this test does not know how to fill in fails it.
"""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from amends.library.models import Publication
from amends.testing.personas import Persona, new_client, sign_up_with_codename
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db

NAME = "Rebecca Holloway"  # the coach lists the names it finds in its panel
IMPACT = "Since then I cannot sit with my back to a door."


def every_pattern(
    patterns: list[URLPattern | URLResolver] | None = None, namespace: str = ""
) -> list[tuple[str, list[str]]]:
    """(name to reverse, its keyword arguments) for every pattern, however nested."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += every_pattern(pattern.url_patterns, inner)
            continue
        kwargs = list(pattern.pattern.regex.groupindex)
        found.append((f"{namespace}{pattern.name or ''}", kwargs))
    return found


def member_with_content() -> tuple[Persona, dict[str, str]]:
    persona = sign_up_with_codename()
    client = persona.client
    client.post("/reflection/", {"pressure": "I kept asking until she gave in."})
    client.post("/coach/keep-out/", {"items": "Markerton"})
    published = client.post("/statements/new/")["Location"]
    client.post(published, statement_form())
    client.post(published + "preview/", {"confirm": "on"})
    draft = client.post("/statements/new/")["Location"]
    client.post(draft, statement_form(what_i_did=f"I pressured {NAME} at a party."))
    client.post(draft, statement_form(what_i_did=f"I pressured {NAME} at a party, twice."))
    impact = client.post("/impact/new/")["Location"]
    client.post(impact, {"text": IMPACT})
    publication = Publication.objects.get()
    values = {
        "statement_id": draft.strip("/").split("/")[-1],
        "impact_id": impact.strip("/").split("/")[-1],
        # A share that is not theirs (or anyone's): refused, and still not stored.
        "share_id": str(uuid.uuid4()),
        "number": "1",
        "public_id": publication.public_id,
        # The operators' admin, which a member reaches only as far as its login page.
        "app_label": "library",
        "object_id": str(publication.pk),
        "content_type_id": "1",
        # Institutions' pages, which a member without a role is refused.
        "role_id": str(uuid.uuid4()),
        "invitation_id": str(uuid.uuid4()),
        "slug": "northgate-college",
        # Cases and letters, which a member who is no party to them is refused.
        "case_id": str(uuid.uuid4()),
        "letter_id": str(uuid.uuid4()),
        # Responses and the moderators' pages, which are not this member's to act on.
        "response_id": "999999",
        "decision_id": "999999",
        "responder": "nobody-at-all",
    }
    return persona, values


def fetch(client: Client, name: str, kwargs: list[str], values: dict[str, str]):
    unknown = [key for key in kwargs if key not in values]
    assert not unknown, f"{name}: say how to fill in {unknown} so that this page is checked"
    url = reverse(name, kwargs={key: values[key] for key in kwargs})
    response = client.get(url)
    if response.status_code == 405:
        draft = statement_form(what_i_did=f"I pressured {NAME} at a party, twice.")
        response = client.post(url, draft, HTTP_HX_REQUEST="true")
    return url, response


def test_every_response_to_a_logged_in_member_is_no_store() -> None:
    persona, values = member_with_content()
    patterns = every_pattern()
    # Logging out ends the walk: everything else is fetched while logged in.
    patterns.sort(key=lambda item: item[0] == "members:log_out")
    seen = {}
    for name, kwargs in patterns:
        if name == "admin:":  # the admin's catch-all for unknown addresses has no name
            url = reverse("admin:index") + "nowhere/"
            response = persona.client.get(url)
        else:
            assert name and not name.endswith(":"), f"name every URL pattern ({name!r})"
            url, response = fetch(persona.client, name, kwargs, values)
        seen[name] = response
        assert "no-store" in response.get("Cache-Control", ""), (name, url, response.status_code)
    # The walk really met private text, in pages and in the htmx fragments.
    assert NAME in seen["statements:edit"].content.decode()
    assert NAME in seen["statements:coach_panel"].content.decode()
    assert seen["statements:autosave"].status_code == 200
    assert "I kept asking" in seen["reflections:reflect"].content.decode()
    assert IMPACT in seen["impact:edit"].content.decode()
    assert IMPACT in seen["impact:version_text"].content.decode()


def test_public_pages_read_without_logging_in_stay_cacheable(responsible: Persona) -> None:
    assert "no-store" not in new_client().get("/").get("Cache-Control", "")
    assert "no-store" not in new_client().get("/about/").get("Cache-Control", "")


def strict(client: Client | None = None) -> Client:
    checked = Client(enforce_csrf_checks=True)
    if client is not None:
        checked.cookies = client.cookies
    return checked


FORGED = {"Your-account-is-locked-call-this-number": "forged text from another site"}


def test_the_expired_form_page_is_no_store_and_echoes_only_the_forms_own_fields() -> None:
    response = strict().post(
        "/sign-up/",
        {"way": "handle", "handle-handle": "typed-handle-kept", "handle-passphrase": "x", **FORGED},
    )
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "typed-handle-kept" in page
    assert "forged text" not in page and "call this number" not in page.lower()


def test_the_expired_form_page_of_a_draft_keeps_its_sections_only(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    response = strict(responsible.client).post(
        url, {**statement_form(what_i_did="Typed before it expired."), **FORGED}
    )
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Typed before it expired." in page
    assert "forged text" not in page


def test_a_form_without_typed_text_hands_nothing_back() -> None:
    response = strict().post("/log-out/", FORGED)
    assert response.status_code == 403
    assert "forged text" not in response.content.decode()
