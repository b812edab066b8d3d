"""Amends' own error pages: styled like every other page, calm, and with a way on."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.views import defaults

from amends.core.views import server_error

pytestmark = pytest.mark.django_db


def looks_like_amends(html: str) -> None:
    assert 'href="/static/amends/amends.css"' in html or "amends.css" in html
    assert "Leave quickly" in html and 'href="/support/"' in html


def test_a_missing_page_is_amends_own_404(reader: Client) -> None:
    response = reader.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    looks_like_amends(html)
    assert "There is nothing at this address" in html
    assert "Not Found" not in html


@pytest.mark.parametrize(
    ("handler", "exception", "status", "heading"),
    [
        (defaults.permission_denied, PermissionDenied(), 403, "This page is not open to you"),
        (defaults.bad_request, SuspiciousOperation(), 400, "could not understand that request"),
    ],
)
def test_a_refusal_or_a_malformed_request_gets_amends_own_page(
    handler: Any, exception: Exception, status: int, heading: str
) -> None:
    response = handler(RequestFactory().get("/somewhere/"), exception)
    assert response.status_code == status
    html = response.content.decode()
    looks_like_amends(html)
    assert heading in html


def test_a_server_error_on_a_page_is_amends_own_500() -> None:
    request = RequestFactory().get("/somewhere/")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    looks_like_amends(html)
    assert "Something went wrong on our side" in html
    # Nothing was sent, so nothing is said to be kept.
    assert "Nothing you typed is lost" not in html


def test_a_server_error_on_a_form_still_gives_the_text_back() -> None:
    editor = "/statements/8d2f6b51-3c1e-4a55-9a57-2b1c0f7e5a10/"
    request = RequestFactory().post(editor, {"what_i_did": "Words I typed."})
    html = server_error(request).content.decode()
    assert "Words I typed." in html and "Nothing you typed is lost" in html
