"""The learned pattern reader: shipped weights that match their data, and sentences the
cue rules were never written for.

Every sentence here was written for this file; none is in corpora/coach/train/sentences/ (a test
checks that), so these are readings the model had to generalise to.
"""

from __future__ import annotations

import json

import pytest

from amends.coach import Coach, classifier
from amends.coach.nlp import get_nlp
from amends.coach.tests.helpers import patterns

CLOSE = [
    {"excusing", "minimising", "blaming"},
    {"conditional_apology", "sorry_but"},
    {"parade_victim", "self_centring", "parade_monster"},
]

# Failure patterns in wordings the cue lists do not hold.
UNSEEN_PATTERNS = [
    (
        "Looking back, the whole business amounted to a clumsy half-minute at a leaving do.",
        "minimising",
    ),
    (
        "The pressure of the merger had me working eighty-hour weeks, which goes some way to "
        "explaining the state I was in.",
        "excusing",
    ),
    (
        "She kept pouring me drinks and sitting on my knee all night, so she knew exactly what "
        "she was starting.",
        "blaming",
    ),
    (
        "My prayer is that a day comes when she can look at me without anger and let this go.",
        "forgiveness_request",
    ),
    (
        "I apologise for whatever distress she may have experienced as a result of that evening.",
        "conditional_apology",
    ),
    (
        "Some lines were crossed at the after-party, and a situation developed that nobody wanted.",
        "evasive_passive",
    ),
    ("My own memory of that night is patchy and does not really match hers.", "memory_denial"),
    ("Few people in my position would have the guts to put all this in writing.", "parade_brave"),
    (
        "Anyone who has worked with me for twenty years will tell you I treat women with respect.",
        "parade_innocent",
    ),
    (
        "Since the rumours started I have lost my friends, my reputation and any future in the "
        "industry.",
        "parade_victim",
    ),
    (
        "Some days I can barely drag myself out of bed, and nobody asks how I am coping.",
        "self_centring",
    ),
]

# Honest sentences that share words with the patterns above.
UNSEEN_HONEST = [
    "I had been working long hours that month; it has nothing to do with why I kept touching her.",
    "She sat next to me because we were friends, and I decided that meant she wanted more.",
    "I will not ask her to let this go, and I will not contact her again.",
    "I am sorry that I followed her into the stairwell and would not let her pass.",
    "She has told the facilitator that she still avoids the building where it happened.",
    "My therapist and I meet every Tuesday, and my brother asks me each month what I "
    "have done about it.",
]


def test_the_shipped_weights_were_trained_on_the_current_sentences() -> None:
    model = classifier.load(classifier.WEIGHTS)
    assert model.digest == classifier.training_digest(classifier.training_files()), (
        "corpora/coach/train/sentences/ changed: run scripts/train_coach.py and commit the weights"
    )


def test_the_test_sentences_are_not_training_sentences() -> None:
    seen = {
        json.loads(line)["text"]
        for path in classifier.training_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    for text in [t for t, _ in UNSEEN_PATTERNS] + UNSEEN_HONEST:
        assert text not in seen


def test_who_the_people_are_matters_not_their_pronouns() -> None:
    nlp = get_nlp()
    she = classifier.sentence_features(nlp("She kept messaging me after I left.")[:])
    he = classifier.sentence_features(nlp("He kept messaging me after I left.")[:])
    they = classifier.sentence_features(nlp("They kept messaging me after I left.")[:])
    assert she == he == they


def test_names_places_and_numbers_are_not_features() -> None:
    nlp = get_nlp()
    one = classifier.sentence_features(nlp("In 2019 I worked at Harwick Mills in Leeds.")[:])
    two = classifier.sentence_features(nlp("In 2021 I worked at Pellow Foods in Truro.")[:])
    assert one == two


@pytest.mark.parametrize(("text", "kind"), UNSEEN_PATTERNS)
def test_it_reads_failure_patterns_in_new_wordings(coach: Coach, text: str, kind: str) -> None:
    found = patterns(coach, text)
    assert found, f"nothing flagged in {text!r}"
    group = next((g for g in CLOSE if kind in g), {kind})
    assert found & group, f"{text!r} read as {found}, expected {kind}"


@pytest.mark.parametrize("text", UNSEEN_HONEST)
def test_it_leaves_honest_sentences_alone(coach: Coach, text: str) -> None:
    assert patterns(coach, text) == set()


def test_a_pattern_named_to_be_rejected_is_not_flagged(coach: Coach) -> None:
    text = (
        "I was under a lot of pressure at work that year, and none of that excuses "
        "what I did to her."
    )
    assert not patterns(coach, text) & {"excusing", "minimising", "blaming"}


def test_a_short_sentence_is_left_to_the_rules() -> None:
    nlp = get_nlp()
    model = classifier.get_model()
    assert model is not None
    assert model.predict(nlp("She declined clearly.")[:])[0] == classifier.NONE
