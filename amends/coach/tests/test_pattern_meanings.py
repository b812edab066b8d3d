"""Patterns found by meaning, in wordings the cue lists never spelled out."""

from __future__ import annotations

from amends.coach import Coach
from amends.coach.tests.helpers import patterns


def test_her_being_asleep_is_an_account_not_blame(coach: Coach) -> None:
    assert patterns(coach, "She was asleep on the sofa when I touched her.") == set()


def test_sorry_for_the_act_is_not_conditional(coach: Coach) -> None:
    assert patterns(coach, "I am sorry that I followed her home.") == set()


def test_an_apology_followed_by_a_point_about_her_replies_is_sorry_but(coach: Coach) -> None:
    text = "I'm sorry, though I'd point out that she replied to most of them."
    assert {"sorry_but", "conditional_apology"} & patterns(coach, text)


def test_a_partner_standing_by_him_is_not_flagged(coach: Coach) -> None:
    assert patterns(coach, "She has stood by me the whole way.") == set()


def test_saying_his_name_does_not_matter_is_not_playing_the_victim(coach: Coach) -> None:
    assert patterns(coach, "My name is not important here.") == set()
