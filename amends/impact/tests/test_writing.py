"""A harmed member writes impact statements: versions, autosave, nothing lost."""

from __future__ import annotations

import re

import pytest

from amends.impact.actions import MAX_LENGTH
from amends.impact.models import ImpactStatement, ImpactVersion
from amends.impact.tests.helpers import TEXT, start, write
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def test_a_harmed_member_writes_and_saves_an_impact_statement(harmed: Persona) -> None:
    url = write(harmed)
    page = harmed.client.get(url).content.decode()
    assert "I left the choir because he was still in it" in page
    assert "Saved. Only you can read it." in page
    assert ImpactVersion.objects.count() == 1


def test_the_editor_offers_gentle_prompts_and_works_without_javascript(harmed: Persona) -> None:
    page = harmed.client.get(start(harmed)).content.decode()
    assert "There is no right way to write this." in page
    assert 'aria-describedby="impact-guide"' in page
    # A plain form that posts to the page itself: htmx only adds the autosave.
    assert 'method="post"' in page and '<button type="submit">Save</button>' in page


def test_each_save_keeps_a_dated_version(harmed: Persona) -> None:
    url = start(harmed)
    harmed.client.post(url, {"text": "The first way I said it."})
    harmed.client.post(url, {"text": "A second way of saying it."})
    harmed.client.post(url, {"text": "A second way of saying it."})  # unchanged
    assert list(ImpactVersion.objects.order_by("number").values_list("number", flat=True)) == [
        1,
        2,
    ]
    listing = harmed.client.get(url + "versions/").content.decode()
    assert "Version 1" in listing and "Version 2" in listing
    assert "The first way I said it." in harmed.client.get(url + "versions/1/").content.decode()


def test_autosaves_refine_one_version(harmed: Persona) -> None:
    url = start(harmed)
    for text in ("Since", "Since that", "Since that evening"):
        response = harmed.client.post(url + "autosave/", {"text": text}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert "Saved at" in response.content.decode()
    assert ImpactVersion.objects.count() == 1
    assert "Since that evening" in harmed.client.get(url).content.decode()


def test_bringing_back_an_old_version_makes_it_the_newest(harmed: Persona) -> None:
    url = start(harmed)
    harmed.client.post(url, {"text": "What I wrote first."})
    harmed.client.post(url, {"text": "What I wrote later."})
    assert harmed.client.post(url + "versions/1/restore/").status_code == 302
    assert ImpactVersion.objects.count() == 3
    assert "What I wrote first." in harmed.client.get(url).content.decode()


def test_a_member_may_keep_several_and_my_space_lists_them(harmed: Persona) -> None:
    write(harmed)
    write(harmed, "Another part of what happened.")
    assert ImpactStatement.objects.filter(author=harmed.member).count() == 2
    space = harmed.client.get("/me/").content.decode()
    assert space.count("Impact statement started") == 2
    assert "Start another impact statement" in space


def test_too_long_a_text_is_refused_and_given_back(harmed: Persona) -> None:
    url = start(harmed)
    too_long = "I could not go back there. " * (MAX_LENGTH // 20)
    response = harmed.client.post(url, {"text": too_long})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most" in page
    assert "I could not go back there. I could not go back there." in page
    assert ImpactVersion.objects.count() == 0


def test_too_long_an_autosave_says_so_and_keeps_the_text_on_the_page(harmed: Persona) -> None:
    url = start(harmed)
    response = harmed.client.post(
        url + "autosave/", {"text": "x" * (MAX_LENGTH + 1)}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Not saved" in response.content.decode()
    assert "still on this page" in response.content.decode()


def test_text_sent_after_the_session_ended_comes_back_with_a_way_to_save_it(
    harmed: Persona,
) -> None:
    url = start(harmed)
    harmed.client.post("/log-out/")
    response = harmed.client.post(url, {"text": "Written while I was logged out."})
    assert response.status_code == 401
    page = response.content.decode()
    assert "Written while I was logged out." in page
    assert "Log in and save" in page
    assert ImpactVersion.objects.count() == 0

    saved = harmed.client.post(
        url,
        {
            "text": "Written while I was logged out.",
            "way": "codename",
            "codename-codename": harmed.secret,
        },
    )
    assert saved.status_code == 302
    assert "Written while I was logged out." in harmed.client.get(url).content.decode()


def test_a_wrong_codename_there_gives_the_text_back_again(harmed: Persona) -> None:
    url = start(harmed)
    harmed.client.post("/log-out/")
    response = harmed.client.post(
        url,
        {"text": "Still here after a typo.", "way": "codename", "codename-codename": "wrong"},
    )
    assert response.status_code == 401
    assert "Still here after a typo." in response.content.decode()


def test_an_autosave_after_the_session_ended_says_so(harmed: Persona) -> None:
    url = start(harmed)
    harmed.client.post("/log-out/")
    response = harmed.client.post(url + "autosave/", {"text": TEXT}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert "Not saved: you are logged out" in response.content.decode()


def test_pages_with_private_text_are_not_stored_by_the_browser(harmed: Persona) -> None:
    url = write(harmed)
    for suffix in ("", "versions/1/", "versions/1/text/"):
        assert "no-store" in harmed.client.get(url + suffix)["Cache-Control"]


def test_deleting_destroys_every_version_and_its_keys(harmed: Persona) -> None:
    from amends.vault.models import PrivateText

    url = write(harmed)
    harmed.client.post(url, {"text": "A second version."})
    assert harmed.client.post(url + "delete/", {}).status_code == 200  # not confirmed
    assert ImpactStatement.objects.count() == 1
    response = harmed.client.post(url + "delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert ImpactStatement.objects.count() == 0
    assert ImpactVersion.objects.count() == 0
    assert not PrivateText.objects.filter(bound_model="impact.ImpactVersion").exists()
    assert harmed.client.get(url).status_code == 404


def test_every_page_a_harmed_member_uses_has_leave_quickly_and_support(harmed: Persona) -> None:
    url = write(harmed)
    for path in (url, url + "versions/", url + "versions/1/", url + "sharing/", url + "delete/"):
        html = harmed.client.get(path).content.decode()
        assert re.search(r"<a [^>]*data-leave-quickly[^>]*>Leave quickly</a>", html), path
    editor = harmed.client.get(url).content.decode().split("<footer")[0]
    assert 'href="/support/#harmed"' in editor


def test_an_expired_form_gives_the_impact_statement_back(harmed: Persona) -> None:
    from django.test import Client

    url = start(harmed)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = harmed.client.cookies
    response = strict.post(url, {"text": "Words typed before the page expired."})
    assert response.status_code == 403
    assert "Words typed before the page expired." in response.content.decode()
