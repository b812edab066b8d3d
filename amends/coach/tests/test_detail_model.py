"""The learned detail reader: shipped weights that match their data, a model that holds
no names, and details told in ways no rule was written for.

Every sentence here was written for this file; none is in corpora/coach/train/drafts (a test checks that).
"""

from __future__ import annotations

import json
import re

import pytest

from amends.coach import Coach, classifier, detail_model
from amends.coach.corpora import CORPORA
from amends.coach.nlp import known_word
from amends.coach.tests.helpers import details

# Positions and traits told as actions or in unusual grammar, which the rules pass over.
UNSEEN_DETAILS = [
    ("She coordinated the volunteers at the food bank every Saturday.", "volunteers"),
    ("I was the one who signed off her probation reviews.", "signed"),
    ("He looked after the sound desk for our band.", "sound desk"),
    ("She was doing her teacher training placement with us that term.", "placement"),
]

# Nothing here identifies anyone: a weekday, a month, a generic gathering.
NOTHING_TO_FLAG = [
    "We met on a Saturday in December at a friend's party.",
    "I kept texting her after she asked me to stop, and I told myself it was harmless.",
    "I am sorry. I pressured her when she had said no, and that was my choice.",
    "After the show a few of us went back to the flat.",
]


def _training_texts() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in detail_model.training_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_the_shipped_weights_were_trained_on_the_current_drafts() -> None:
    model = detail_model.load(detail_model.WEIGHTS)
    assert model.digest == classifier.training_digest(detail_model.training_files()), (
        "corpora/coach/train/drafts changed: run scripts/train_detail_model.py and commit the weights"
    )


def test_the_tuning_and_test_drafts_are_never_trained_on() -> None:
    names = {p.name for p in detail_model.training_files()}
    held = {p.name for role in ("tune", "test") for p in (CORPORA / role).rglob("*.jsonl")}
    assert names and held and not names & held


def test_the_test_sentences_are_not_in_the_training_drafts() -> None:
    texts = _training_texts()
    for sentence in [s for s, _ in UNSEEN_DETAILS] + NOTHING_TO_FLAG:
        assert not any(sentence in text for text in texts)


def test_the_model_holds_no_name_from_its_training_drafts() -> None:
    """A name the dictionary does not know is seen by its shape only, so the weights
    cannot carry the people, places and groups of the drafts they were trained on."""
    model = detail_model.load(detail_model.WEIGHTS)
    pieces = {piece for feature in model.index for piece in re.split(r"[:|]", feature)}
    unknown = set()
    for path in detail_model.training_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            for detail in json.loads(line)["details"] if line.strip() else []:
                if detail["kind"] in {"name", "place", "organisation", "contact"}:
                    unknown |= {
                        w
                        for w in re.findall(r"[a-z]+", detail["text"].lower())
                        if len(w) > 2 and not known_word(w)
                    }
    assert len(unknown) > 100  # the drafts are full of invented names: the check is real
    assert not unknown & pieces


@pytest.mark.parametrize(("text", "needle"), UNSEEN_DETAILS)
def test_a_detail_no_rule_finds_is_read_by_the_model(coach: Coach, text: str, needle: str) -> None:
    start = text.index(needle)
    end = start + len(needle)
    doc = coach.parse([text])[text]
    rules = coach.rule_candidates(text, doc)
    assert not any(c.start < end and start < c.end for c in rules)  # the rules miss it
    found = details(coach, text)
    assert any(
        f.start is not None and f.end is not None and f.start < end and start < f.end for f in found
    ), found


@pytest.mark.parametrize("text", NOTHING_TO_FLAG)
def test_ordinary_sentences_stay_clean(coach: Coach, text: str) -> None:
    assert details(coach, text) == []


def test_a_placeholder_the_model_reads_is_still_a_placeholder(coach: Coach) -> None:
    text = (
        "I'll call her R. R ran the evening shift and I was senior to her. "
        "I kept messaging R after she asked me to stop."
    )
    flagged = [f.text for f in details(coach, text)]
    assert "R" not in flagged


def test_people_are_who_they_are_and_invented_names_only_a_shape() -> None:
    from amends.coach.nlp import get_nlp

    nlp = get_nlp()
    texts = [
        "She ran the evening shift.",
        "He ran the evening shift.",
        "Zorvenna ran the evening shift.",
    ]
    she, he, invented = (detail_model.Words(nlp(t), t).forms for t in texts)
    assert she == he
    assert invented[0] == "?Xx" and invented[1:] == she[1:]
