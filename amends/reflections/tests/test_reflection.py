from __future__ import annotations

import pytest

from amends.reflections.models import Answer
from amends.reflections.questions import QUESTIONS
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def test_the_inventory_covers_the_grey_areas_from_the_seeds(responsible: Persona) -> None:
    page = responsible.client.get("/reflection/").content.decode()
    for theme in (
        "Pressure",
        "Drink and drugs",
        "Manipulation and leading on",
        "Ignoring a no",
        "Going cold after a no",
        "Power at work and beyond",
        "Objectifying",
    ):
        assert theme in page
    assert "nothing here is ever published" in page


def test_answers_are_saved_and_read_back_only_by_their_author(
    responsible: Persona, outsider: Persona
) -> None:
    answer = "I told myself persistence was romance. It was pressure."
    response = responsible.client.post("/reflection/", {"pressure": answer})
    assert response.status_code == 302
    assert answer in responsible.client.get("/reflection/").content.decode()
    assert answer not in outsider.client.get("/reflection/").content.decode()
    assert Answer.objects.filter(member=outsider.member).count() == 0


def test_emptying_an_answer_deletes_it(responsible: Persona) -> None:
    responsible.client.post("/reflection/", {"power": "I made a remark to someone junior."})
    assert Answer.objects.count() == 1
    responsible.client.post("/reflection/", {"power": "   "})
    assert Answer.objects.count() == 0


def test_an_answer_that_is_too_long_is_refused_and_kept(responsible: Persona) -> None:
    long_answer = "I looked away. " * 2000
    response = responsible.client.post("/reflection/", {"coldness": long_answer})
    assert response.status_code == 200
    assert "at most" in response.content.decode()
    assert "I looked away. I looked away." in response.content.decode()
    assert Answer.objects.count() == 0


def test_progress_is_shown_in_my_space(responsible: Persona) -> None:
    responsible.client.post("/reflection/", {"pressure": "Yes.", "impact": "She was frightened."})
    assert (
        f"You have answered 2 of {len(QUESTIONS)}"
        in responsible.client.get("/me/").content.decode()
    )


def test_reflection_needs_a_login(reader) -> None:
    assert reader.get("/reflection/").status_code == 302


def test_the_reflection_saves_itself_as_it_is_typed(responsible: Persona) -> None:
    page = responsible.client.get("/reflection/").content.decode()
    assert 'hx-post="/reflection/autosave/"' in page
    response = responsible.client.post(
        "/reflection/autosave/",
        {"pressure": "I asked again and again.", "power": "I joked with my trainee."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    status = response.content.decode()
    assert "Saved at" in status
    # The progress beside the questions is brought up to date along with the status.
    assert 'id="reflection-progress" aria-label="Your progress" hx-swap-oob="true"' in status
    assert "You have answered 2 of 10 questions." in status
    assert "I asked again and again." in responsible.client.get("/reflection/").content.decode()


def test_the_reflection_shows_progress_through_the_ten_questions(responsible: Persona) -> None:
    page = responsible.client.get("/reflection/").content.decode()
    assert "You have answered 0 of 10 questions." in page
    responsible.client.post("/reflection/", {"impact": "She stopped coming to practice."})
    page = responsible.client.get("/reflection/").content.decode()
    assert "You have answered 1 of 10 questions." in page
    assert '<progress id="reflection-progress-bar" max="10" value="1">' in page
    assert '<li class="answered"><a href="#q-impact">Their side</a>' in page


def test_an_autosave_that_is_too_long_is_refused_and_says_so(responsible: Persona) -> None:
    response = responsible.client.post(
        "/reflection/autosave/", {"coldness": "I looked away. " * 2000}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Not saved" in response.content.decode()
    assert Answer.objects.count() == 0


def test_answers_sent_after_the_session_ended_come_back_on_the_page(
    responsible: Persona,
) -> None:
    responsible.client.cookies.clear()
    answer = "Typed while my session quietly ended."
    response = responsible.client.post("/reflection/", {"afterwards": answer})
    assert response.status_code == 401
    assert answer in response.content.decode()
    autosave = responsible.client.post(
        "/reflection/autosave/", {"afterwards": answer}, HTTP_HX_REQUEST="true"
    )
    assert autosave.status_code == 401
    assert "Not saved: you are logged out" in autosave.content.decode()


def test_the_question_about_who_could_help_links_to_support(responsible: Persona) -> None:
    page = responsible.client.get("/reflection/").content.decode()
    question = page.split('id="q-next"')[1]
    assert 'href="/support/#caused_harm"' in question


def test_an_outsider_cannot_autosave_into_someone_elses_reflection(
    responsible: Persona, outsider: Persona
) -> None:
    outsider.client.post("/reflection/autosave/", {"pressure": "Outsider's words."})
    assert "Outsider's words." not in responsible.client.get("/reflection/").content.decode()
    assert Answer.objects.filter(member=responsible.member).count() == 0
