"""Every cue rule against the examples it carries: the examples are the rule's tests."""

from __future__ import annotations

import pytest

from amends.moderation.cues import CUES, WORD_CLASSES
from amends.moderation.text import reading

MATCHES = [(cue.name, text) for cue in CUES for text in cue.matches]
MISSES = [(cue.name, text) for cue in CUES for text in cue.misses]


def test_every_cue_carries_examples_both_ways() -> None:
    for cue in CUES:
        assert cue.matches and cue.misses, cue.name


@pytest.mark.parametrize(("name", "text"), MATCHES)
def test_cue_matches_its_examples(name: str, text: str) -> None:
    cue = next(c for c in CUES if c.name == name)
    assert cue.search(reading(text)), f"{name} should match {text!r} ({reading(text)!r})"


@pytest.mark.parametrize(("name", "text"), MISSES)
def test_cue_leaves_its_counter_examples_alone(name: str, text: str) -> None:
    cue = next(c for c in CUES if c.name == name)
    assert not cue.search(reading(text)), f"{name} should not match {text!r}"


def test_word_classes_hold_no_expletive() -> None:
    from amends.moderation.text import EXPLETIVES

    for name, members in WORD_CLASSES.items():
        assert not members & EXPLETIVES, name
