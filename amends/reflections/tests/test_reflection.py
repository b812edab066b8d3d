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
