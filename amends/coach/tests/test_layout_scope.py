"""Whose words a line holds and which words only look like details, read from the layout
(rules/layout.toml): an interviewer's turn, a heading, people in general, a vague time."""

from __future__ import annotations

import pytest

from amends.coach import Coach
from amends.coach.tests.helpers import kinds_at, patterns


def _pattern_at(coach: Coach, text: str, needle: str) -> set[str]:
    return kinds_at(coach, text, needle, family="pattern")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "INTERVIEWER: People online say it was only a kiss?\n"
            "GUEST: I held her there when she wanted to leave. I am sorry.",
            "it was only a kiss",
        ),
        (
            "q: had you been drinking that night\n\na: i held her arm and i did not let go",
            "had you been drinking",
        ),
        (
            "HOST: Some would say you were just a product of the times.\n"
            "MARLOWE: I knew what I was doing.",
            "a product of the times",
        ),
    ],
)
def test_an_interviewers_question_is_not_the_authors_pattern(
    coach: Coach, text: str, needle: str
) -> None:
    assert _pattern_at(coach, text, needle) == set()


def test_the_authors_own_turn_is_still_read(coach: Coach) -> None:
    text = (
        "HOST: What happened that night?\n"
        "GUEST: Honestly it was only a kiss, nothing more than that."
    )
    assert _pattern_at(coach, text, "it was only a kiss") & {"minimising", "excusing"}


def test_an_askers_label_is_not_a_detail(coach: Coach) -> None:
    text = "CHAIR: Please go on.\nWITNESS: I sent her the messages after she asked me to stop."
    assert kinds_at(coach, text, "CHAIR") == set()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "On forgetting\n\nI touched her at the party when she had said no. I am sorry.",
            "On forgetting",
        ),
        (
            "What it has cost me:\n• I lost my place on the board.\n• I kept on messaging her.",
            "What it has cost me:",
        ),
    ],
)
def test_a_heading_is_not_a_pattern(coach: Coach, text: str, needle: str) -> None:
    assert _pattern_at(coach, text, needle) == set()


def test_a_sentence_under_a_heading_is_still_read(coach: Coach) -> None:
    text = "What happened\n\nIt was only a kiss, and she was overreacting about it."
    assert patterns(coach, text) & {"minimising", "blaming", "excusing"}


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("I used to think the women in our office liked the attention.", "women"),
        ("Most fathers never sit their sons down to talk about consent.", "their sons"),
        ("I have always said I champion young women who come into the trade.", "young women"),
    ],
)
def test_people_in_general_are_not_a_detail(coach: Coach, text: str, needle: str) -> None:
    assert kinds_at(coach, text, needle) == set()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("I was not in a good place last year, and I grabbed her anyway.", "last year"),
        ("That year I was drinking a great deal, and I still chose to follow her.", "That year"),
    ],
)
def test_a_vague_time_is_not_a_detail(coach: Coach, text: str, needle: str) -> None:
    assert kinds_at(coach, text, needle) == set()


@pytest.mark.parametrize(
    ("text", "needle", "kinds"),
    [
        (
            "Last spring I kissed Oriel Fanshawe at the Tollbridge regatta.",
            "Oriel Fanshawe",
            {"name"},
        ),
        (
            "I was the head coach of the under-16 girls at Pennard Rowing Club.",
            "head coach",
            {"role", "distinctive"},
        ),
        (
            "I posted about it under #PennardRowingClub for weeks.",
            "#PennardRowingClub",
            {"organisation", "place", "name", "distinctive"},
        ),
    ],
)
def test_a_real_detail_is_still_found(
    coach: Coach, text: str, needle: str, kinds: set[str]
) -> None:
    assert kinds_at(coach, text, needle) & kinds


@pytest.mark.parametrize(
    "text",
    [
        "I won't tell you I was drunk. I was, and it changes nothing.",
        "I not will say it was a misunderstanding.",
        "I will never claim she wanted it.",
    ],
)
def test_refusing_an_excuse_is_not_the_excuse(coach: Coach, text: str) -> None:
    assert not patterns(coach, text) & {"excusing", "minimising", "blaming"}


def test_a_one_word_topic_hashtag_is_no_detail(coach: Coach) -> None:
    text = "Please think before you share. #Community #Theatre"
    assert kinds_at(coach, text, "#Theatre") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Memory is a strange thing.",
        "Every orchestra has its traditions, and most of them are harmless.",
        "A profession that cannot imagine repair will never get it.",
        "Women were tolerated in those kitchens, and sometimes not even that.",
        "There is a kind of quiet that follows a man who has been accused.",
    ],
)
def test_a_sentence_about_the_world_is_no_pattern(coach: Coach, text: str) -> None:
    assert patterns(coach, text) == set()


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Lines were crossed at that party.", {"evasive_passive"}),
        (
            "Looking back, the whole affair came to a clumsy minute at a leaving do.",
            {"minimising", "excusing"},
        ),
        ("Everyone was drunk that night, it was freshers' week.", {"excusing", "minimising"}),
        ("It was only a kiss, a few seconds at most.", {"minimising", "excusing"}),
        (
            "People should understand what the atmosphere in those offices was like.",
            {"excusing", "minimising", "blaming"},
        ),
    ],
)
def test_a_sentence_about_this_story_is_still_read(
    coach: Coach, text: str, kinds: set[str]
) -> None:
    assert patterns(coach, text) & kinds


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("She told the club she could not face working race days again.", "race days"),
        ("I have paid the first months of her new rent.", "months of her new rent"),
    ],
)
def test_a_time_or_a_home_is_not_a_role(coach: Coach, text: str, needle: str) -> None:
    assert "role" not in kinds_at(coach, text, needle)
