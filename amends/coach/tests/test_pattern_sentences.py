"""The second reading of pattern sentences withdraws a pattern only from a sentence that
reads as honest, and never from a real excuse."""

from __future__ import annotations

import tomllib

import pytest

from amends.coach import Coach, pattern_sentences
from amends.coach.tests.helpers import patterns

COVERING_NOTE = "Covering note from the facilitator: this letter comes from Tavish."
PRAISE = "The women who came forward showed real courage, and I admire them."
REFUSED_EXCUSE = "It's on me. Not the drink, not the party, not the music."
WILL_NOT = "I will NOT ring her. I will NOT go near the allotments. I will NOT post about her."
REAL_EXCUSE = "Honestly the whisky and the stress made me do it."


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach()


def test_a_covering_note_is_no_excuse_once_its_sentence_is_read_by_meaning(
    coach: Coach,
) -> None:
    assert patterns(coach, COVERING_NOTE) == set()
    # The cues alone read the facilitator's note as an excuse.
    assert patterns(Coach(without={"pattern_sentences"}), COVERING_NOTE) == {"excusing"}


@pytest.mark.parametrize("text", [PRAISE, REFUSED_EXCUSE, WILL_NOT])
def test_honest_sentences_that_share_a_patterns_words_pass(coach: Coach, text: str) -> None:
    assert patterns(coach, text) == set()


def test_a_real_excuse_still_flags(coach: Coach) -> None:
    assert patterns(coach, REAL_EXCUSE) == {"excusing"}


def test_a_cause_given_for_the_act_or_a_denial_keeps_its_pattern(coach: Coach) -> None:
    with pattern_sentences.RULES.open("rb") as f:
        rules = tomllib.load(f)
    for text in rules["must_keep"]:
        assert patterns(coach, text), text


def test_the_reading_only_withdraws(coach: Coach) -> None:
    # Switched on or off, the coach finds no pattern the cues and the classifier did not.
    without = Coach(without={"pattern_sentences"})
    for text in (COVERING_NOTE, PRAISE, REFUSED_EXCUSE, WILL_NOT, REAL_EXCUSE):
        assert patterns(coach, text) <= patterns(without, text)
