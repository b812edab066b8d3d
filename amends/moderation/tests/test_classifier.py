"""The classifier as shipped: weights that match their data, training that gives the same
weights twice, and responses it must publish, hold or reject.

Every response here was written for this file; none is in corpora/moderation (a test
checks that), so these are readings the model had to generalise to.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from amends.moderation import classifier
from amends.moderation.features import parts_of
from amends.moderation.pipeline import judge_text
from amends.moderation.training import CORPORA, data_files, fit, read

PUBLISH = [
    "What you did was fucking vile and I'm so angry I had to stop reading twice.",
    "Shit. This is the first one that made me cry on the bus.",
    "I'm furious with you. You took her confidence and never gave it back.",
    "Years ago a flatmate did almost this to me. I moved out and never said why.",
    "I hope she has people around her now who take her side, always.",
    "You still haven't said what you're doing to repair it. That section is empty.",
    "How did you find a therapist who would work with you on this?",
    "Fuck the excuses in paragraph two, but the rest of it is honest.",
]
HOLD = [
    "You're a snivelling little toad and everybody who knows you knows it.",
    "What a slimy, worthless creep you are.",
    "Spineless coward. That's all you'll ever be.",
]
REJECT = [
    ("Keep looking over your shoulder, because one day soon I'll be right behind you.", "threat"),
    ("You know what would be real remorse? Ending yourself. Go on.", "self_harm"),
    (
        "Everyone go and leave him one-star reviews on his shop's page until he closes.",
        "incitement",
    ),
    ("This is obviously the deputy head at Larkfield Primary, everyone there knows it.", "doxxing"),
    ("I know exactly which garage this is. His name's on the sign out front.", "doxxing"),
]
# Profanity on its own, or aimed at what was done: never held, never rejected.
PROFANITY = [
    "Fuck!",
    "Holy shit.",
    "Fucking hell.",
    "Jesus fucking Christ.",
    "Goddamn it.",
    "What the fuck did I just read.",
    "This is bullshit. Absolute bullshit.",
    "Fuck what you did to her.",
    "That was a shitty, shitty thing to do.",
    "Damn. Just damn.",
]


def _corpus_texts() -> set[str]:
    texts = set()
    for split in ("train", "tune", "test"):
        for path in sorted((CORPORA / split).glob("*.jsonl")):
            texts |= {
                json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()
            }
    return texts


def test_none_of_these_responses_is_in_the_corpora() -> None:
    ours = set(PUBLISH) | set(HOLD) | {t for t, _ in REJECT} | set(PROFANITY)
    assert not ours & _corpus_texts()


def test_shipped_weights_match_the_training_data() -> None:
    # Fails when corpora/moderation/train or tune changed and
    # scripts/train_moderation.py was not run again.
    model = classifier.get_model()
    paths = [*data_files("train"), *data_files("tune")]
    assert model.digest == classifier.data_digest(paths)


def test_training_is_deterministic() -> None:
    rows = read(data_files("train"))[::6]
    feats = [[f"w:{w}" for w in r.text.lower().split()] for r in rows]
    vectors = np.stack([np.full(4, len(r.text) % 7, dtype=float) for r in rows])
    first = fit(feats, vectors, [r.target for r in rows], steps=50)
    second = fit(feats, vectors, [r.target for r in rows], steps=50)
    assert first.features == second.features
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.dense, second.dense)
    assert np.array_equal(first.bias, second.bias)


@pytest.mark.parametrize("text", PUBLISH)
def test_anger_pain_stories_support_critique_and_questions_publish(text: str) -> None:
    assert judge_text(text).label == classifier.PUBLISH


@pytest.mark.parametrize("text", HOLD)
def test_personal_insults_are_held(text: str) -> None:
    assert judge_text(text).label == classifier.INSULT


@pytest.mark.parametrize(("text", "reason"), REJECT)
def test_threats_doxxing_incitement_and_self_harm_urging_are_rejected(
    text: str, reason: str
) -> None:
    label = judge_text(text).label
    assert label in classifier.HARMS
    assert label == reason


@pytest.mark.parametrize("text", PROFANITY)
def test_profanity_alone_is_never_held(text: str) -> None:
    assert judge_text(text).label == classifier.PUBLISH


def _published() -> classifier.Judgement:
    probs = {c: 0.0 for c in classifier.CLASSES} | {classifier.PUBLISH: 1.0}
    return classifier.Judgement(classifier.PUBLISH, 0.0, 0.0, probs)


def _part(harm: str, p: float, words: list[str]) -> tuple[dict[str, float], list[str]]:
    probs = {c: 0.0 for c in classifier.CLASSES} | {harm: p, classifier.PUBLISH: 1.0 - p}
    return probs, [f"w:{w}" for w in words]


def test_a_sentence_that_addresses_the_reader_as_a_threat_rejects_the_response() -> None:
    parts = [_part("threat", 0.97, ["you", "should", "start"])]
    assert classifier.decide_parts(_published(), parts, 0.95).label == "threat"


def test_a_sentence_below_the_sentence_threshold_changes_nothing() -> None:
    parts = [_part("threat", 0.9, ["you", "should", "start"])]
    assert classifier.decide_parts(_published(), parts, 0.95).label == classifier.PUBLISH


def test_a_sentence_that_speaks_to_no_one_is_not_read_alone() -> None:
    # A sentence of a survivor's story, taken out of it, can read as anything.
    parts = [_part("incitement", 0.99, ["he", "decided", "i", "was", "his"])]
    assert classifier.decide_parts(_published(), parts, 0.95).label == classifier.PUBLISH


def test_a_long_response_is_read_sentence_by_sentence_and_in_pairs() -> None:
    text = "I read it twice. Parts are honest. I know the road you run on. It is dark."
    parts = parts_of(text)
    assert "I know the road you run on." in parts
    assert "I know the road you run on. It is dark." in parts
    assert "Parts are honest." not in parts  # it speaks to no one
    assert parts_of("One sentence only, however long it is.") == []
