"""The normalised reading: disguises undone, and expletives invisible to every rule."""

from __future__ import annotations

import numpy as np
import pytest

from amends.moderation.features import features_of, response_features
from amends.moderation.text import reading, without_expletives


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ur a creep", "you are a creep"),
        ("k y s", "kys"),
        ("kill urself", "kill yourself"),
        ("I'll find you", "i will find you"),
        ("you're soooo wrong", "you are soo wrong"),
        ("You f*cking piece of sh*t", "you pieceofshit"),
    ],
)
def test_disguises_are_read_plainly(typed: str, read: str) -> None:
    assert reading(typed) == read


@pytest.mark.parametrize(
    "base",
    [
        "What you did to her was disgusting and I am angry",
        "You knew she said no",
        "This whole statement is an excuse",
    ],
)
def test_expletives_change_nothing_the_classifier_sees(base: str) -> None:
    sworn = base.replace("disgusting", "fucking disgusting").replace("knew", "bloody knew")
    sworn = f"Fuck. {sworn}, fucking hell. Shit."
    assert response_features(sworn, []) == response_features(base, [])


def test_expletives_change_nothing_the_coach_or_the_encoder_read() -> None:
    base = "Holy. What did I just read. You knew she said no."
    sworn = "Holy shit. What the fuck did I just read. You fucking knew she said no."
    assert without_expletives(sworn) == "Holy. What the did I just read. You knew she said no."
    feats_sworn, vector_sworn = features_of(sworn)
    feats_base, vector_base = features_of(base.replace("What did", "What the did"))
    assert feats_sworn == feats_base
    assert np.array_equal(vector_sworn, vector_base)


def test_name_calling_built_on_an_expletive_is_kept() -> None:
    assert "piece of trash" in without_expletives("You absolute piece of shit.")
