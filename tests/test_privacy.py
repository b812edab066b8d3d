"""Privacy invariants that cut across apps (PRODUCT.md, "Privacy and security invariants")."""

from __future__ import annotations

import logging
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from amends.testing.personas import (
    CLIENT_ADDRESS,
    CLIENT_AGENT,
    Persona,
    new_client,
    sign_up_with_codename,
)
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db(transaction=True)

# Where a forged or cross-site request claims to come from. Django's CSRF warnings
# quote these headers; no log line may.
ORIGIN_MARKER = "https://origin-marker-heron.example"
REFERER_MARKER = "https://referer-marker-osprey.example/some/page"


def every_table_as_text() -> str:
    """Every row of every table, as text: what a database dump would show."""
    dumped = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - names from introspection
            for row in cursor.fetchall():
                dumped.append(
                    " ".join(
                        value.decode("latin-1")
                        if isinstance(value, (bytes, memoryview)) and not isinstance(value, str)
                        else str(value)
                        for value in (bytes(v) if isinstance(v, memoryview) else v for v in row)
                    )
                )
    return "\n".join(dumped)


def drive_main_flows() -> tuple[Persona, list[str]]:
    """Sign up, write, publish and fail in the ways that get logged; returns the
    persona and the ids of what they wrote."""
    persona = sign_up_with_codename()
    client = persona.client
    client.post("/reflection/", {"pressure": "I kept asking until she gave in."})
    url = client.post("/statements/new/")["Location"]
    client.post(url + "autosave/", statement_form(), HTTP_HX_REQUEST="true")
    client.post(url, statement_form())
    client.post(url + "preview/", {"confirm": "on", "tags": ["relationship"]})
    client.get("/?q=pushing")
    client.get("/library/nonexistent/")  # a 404, which Django logs with the request attached
    client.post("/log-out/")
    stranger = new_client()
    stranger.post(
        "/log-in/", {"way": "codename", "codename-codename": "wrong words here and there too"}
    )
    stranger.post("/log-in/", {"way": "codename", "codename-codename": persona.secret})
    stranger.get("/me/")
    # Another member's statement: a 404 whose path carries the statement's id.
    other = sign_up_with_codename().client
    other.get(url)
    other.post(url + "preview/", {"confirm": "on"})
    # A withdrawn publication's page: a 404 whose path carries its public id.
    from amends.library.models import Publication

    public_id = Publication.objects.get().public_id
    client.post(url + "unpublish/")
    client.get(f"/library/{public_id}/")
    # Cross-site posts: one with an Origin header, one (over https) with a Referer.
    forged = Client(enforce_csrf_checks=True, REMOTE_ADDR=CLIENT_ADDRESS)
    forged.post("/sign-up/", {"way": "codename"}, HTTP_ORIGIN=ORIGIN_MARKER)
    forged.post("/log-in/", {"way": "codename"}, secure=True, HTTP_REFERER=REFERER_MARKER)
    return persona, [url.strip("/").split("/")[-1], public_id]


def test_no_log_line_and_no_table_holds_the_clients_address_or_user_agent(caplog) -> None:
    caplog.set_level(logging.DEBUG)
    _, ids = drive_main_flows()
    logged = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert logged, "the flows should have produced some log records"
    assert CLIENT_ADDRESS not in logged and CLIENT_AGENT not in logged
    # The CSRF warnings were logged, without the headers they would have quoted.
    assert "Origin checking failed" in logged and "Referer checking failed" in logged
    assert "origin-marker" not in logged and "referer-marker" not in logged
    # 4xx lines name the route, not the statement or publication.
    assert "Not Found: /statements/<uuid:statement_id>/" in logged
    for private_id in ids:
        assert private_id not in logged
    dumped = every_table_as_text()
    assert dumped
    assert CLIENT_ADDRESS not in dumped
    assert CLIENT_AGENT not in dumped
    assert "persona-user-agent-marker" not in dumped


def test_views_never_see_the_clients_address() -> None:
    from django.test import RequestFactory

    from amends.core.middleware import forget_client_middleware

    seen = {}

    def view(request):
        seen.update(request.META)
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = RequestFactory().get(
        "/",
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_USER_AGENT=CLIENT_AGENT,
        HTTP_X_FORWARDED_FOR=CLIENT_ADDRESS,
    )
    forget_client_middleware(view)(request)
    assert CLIENT_ADDRESS not in repr(seen) and CLIENT_AGENT not in repr(seen)


def test_private_text_never_reaches_the_database_in_the_clear() -> None:
    persona = sign_up_with_codename()
    marker_reflection = "reflection-marker-quokka-lantern"
    marker_draft = "draft-marker-heliotrope-cobalt"
    persona.client.post("/reflection/", {"pressure": marker_reflection})
    url = persona.client.post("/statements/new/")["Location"]
    persona.client.post(url, statement_form(what_i_did=marker_draft))
    assert marker_draft in persona.client.get(url).content.decode()
    dumped = every_table_as_text()
    assert marker_reflection not in dumped
    assert marker_draft not in dumped


def test_every_page_sets_a_strict_csp_and_security_headers(responsible: Persona) -> None:
    for path in ("/", "/sign-up/", "/log-in/", "/me/", "/reflection/"):
        response = responsible.client.get(path)
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp
        assert (
            "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        )
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_pages_hold_no_inline_script_or_style_and_nothing_from_elsewhere(
    responsible: Persona,
) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    impact = responsible.client.post("/impact/new/")["Location"]
    responsible.client.post(impact, {"text": "It changed how I walk home at night."})
    pages = [
        impact,
        impact + "versions/1/",
        impact + "sharing/",
        "/receipts/check/",
        "/",
        "/sign-up/",
        "/log-in/",
        "/me/",
        "/reflection/",
        url,
        url + "preview/",
        "/me/account/",
        "/recover/",
        "/about/",
        "/support/",
        "/your-data/",
    ]
    for path in pages:
        html = responsible.client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path
        for address in re.findall(r"""(?:src|action)=["']([^"']+)""", html):
            assert not re.match(r"(?:https?:)?//", address), (path, address)
        # A link to another site is a navigation the person chooses, never a request the
        # page makes; it must not tell that site where the person came from.
        for tag in re.findall(r"<(?:a|link)\b[^>]*>", html):
            address = re.search(r"""href=["']([^"']+)""", tag)
            if address and re.match(r"(?:https?:)?//", address.group(1)):
                assert tag.startswith("<a ") and "noreferrer" in tag, (path, tag)


def test_every_form_posts_with_a_csrf_token(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    impact = responsible.client.post("/impact/new/")["Location"]
    responsible.client.post(impact, {"text": "It changed how I walk home at night."})
    pages = ["/sign-up/", "/log-in/", "/me/", "/reflection/", url, "/me/account/", "/recover/"]
    pages += [impact, impact + "versions/1/", impact + "sharing/", "/receipts/check/"]
    for path in pages:
        html = responsible.client.get(path).content.decode()
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S):
            assert "csrfmiddlewaretoken" in form, path


def test_private_models_keep_their_text_only_through_the_vault() -> None:
    """No model outside the library and the vault has a free-text column, except an
    institution's public profile (text its admins write for everyone to read) and a
    response (written to be published under a pseudonym)."""
    from django.db import models

    allowed = {"library", "vault", "sessions", "admin", "auth", "contenttypes"}
    public_profile = {
        "confidentiality_notice",
        "reporting_duties",
        "escalation_contacts",
        "crisis_resources",
        "support_offered",
    }
    for model in apps.get_models():
        if model._meta.app_label in allowed:
            continue
        for field in model._meta.get_fields():
            if model._meta.label == "institutions.Institution" and field.name in public_profile:
                continue
            # A response (and its author's one reply) is written to be read in public; until
            # it is, moderators read it.
            if model._meta.label == "responses.Response" and field.name in {"text", "reply"}:
                continue
            assert not isinstance(field, models.TextField), f"{model.__name__}.{field.name}"


def test_pages_with_private_text_are_never_cached(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    for path in [
        "/me/",
        "/reflection/",
        url,
        url + "preview/",
        url + "versions/",
        "/me/account/",
        "/coach/keep-out/",
        "/me/export/",
    ]:
        response = responsible.client.get(path)
        assert "no-store" in response.get("Cache-Control", ""), path
