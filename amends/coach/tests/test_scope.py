"""Patterns are about the author's own account; elements are read in all their forms."""

from __future__ import annotations

import pytest

from amends.coach import Coach
from amends.coach.tests.helpers import patterns


def _missing(coach: Coach, text: str) -> set[str]:
    return {f.kind for f in coach.review(text).of_family("missing")}


@pytest.mark.parametrize(
    "text",
    [
        "I sincerely apologize for what I did to her.",
        "I deeply apologize for my inappropriate behavior.",
        "My apologies to her, for all of it.",
        "To the woman I have wronged, I am sorry.",
        "I regret what I did to her every day.",
        "I said: I want to say that I'm deeply sorry about what I did.",
        "I owe her an apology, and here it is: I was wrong to touch her.",
    ],
)
def test_an_apology_in_any_of_its_forms_is_an_apology(coach: Coach, text: str) -> None:
    assert "apology" not in _missing(coach, text)


@pytest.mark.parametrize(
    "text",
    [
        "I regret that my intentions were misunderstood.",
        "I'm sorry if anyone was hurt by the jokes.",
    ],
)
def test_a_regret_for_how_it_was_taken_is_no_apology(coach: Coach, text: str) -> None:
    assert "apology" in _missing(coach, text)


@pytest.mark.parametrize(
    "text",
    [
        "Afterwards I thanked her for the courage and honesty she had shown.",
        "The women who came forward were braver than I have ever been.",
        "I admire their courage in speaking up when I did not.",
    ],
)
def test_praise_of_someone_elses_courage_is_not_parading(coach: Coach, text: str) -> None:
    assert "parade_brave" not in patterns(coach, text)


def test_praise_of_ones_own_courage_still_is(coach: Coach) -> None:
    assert "parade_brave" in patterns(
        coach, "It takes real courage to write this, and I am proud of myself for doing it."
    )


def test_a_list_of_what_the_author_refuses_is_not_those_patterns(coach: Coach) -> None:
    text = (
        "I did it, and it was wrong.\n\nMy aim here is NOT:\n\n"
        "  • to parade as brave,\n  • to parade as the real victim,\n"
        "  • to ask her to forgive me.\n\nI am sorry for what I did."
    )
    assert patterns(coach, text) == set()


def test_never_doing_it_again_is_change_not_self_centring(coach: Coach) -> None:
    text = "I have dated people since and never repeated my damaging mistake."
    assert not {"self_centring", "parade_victim"} & patterns(coach, text)


def test_making_space_for_her_memory_is_not_memory_denial(coach: Coach) -> None:
    text = (
        "I did not describe how I remembered it, as I wanted to make space for how A remembered it."
    )
    assert "memory_denial" not in patterns(coach, text)
    assert "memory_denial" in patterns(coach, "I don't remember it that way at all.")


def test_sorry_but_needs_something_that_takes_the_apology_back(coach: Coach) -> None:
    assert "sorry_but" not in patterns(coach, "Our 'sorry' is only there to help them heal.")
    assert "sorry_but" in patterns(coach, "I'm sorry, but she had been flirting all night.")
