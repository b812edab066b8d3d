"""The index over the cue lists (by first word, or by a text every match must contain) must
find exactly what the full lists find."""

from __future__ import annotations

import json
import re
from pathlib import Path

from amends.coach.classifier import TRAINING
from amends.coach.patterns import _WORDS, CUE_SETS, CUES

DATA = Path(__file__).parent / "data"

SENTENCES = [
    "her reaction was totally out of proportion.",
    "where i grew up, lads grabbed girls at parties and nobody blinked.",
    "i had been drinking, and that is no excuse.",
    "it was only a kiss, or so i told myself.",
]


def sentences() -> list[str]:
    found = list(SENTENCES)
    # The classifier's training sentences too: thousands of wordings of every pattern.
    for path in [*DATA.glob("*.jsonl"), *TRAINING.glob("patterns-*.jsonl")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"].lower()
                found += re.split(r"(?<=[.!?])\s+", text)
    return found


def test_the_index_agrees_with_the_full_cue_lists_on_every_sentence() -> None:
    disagreements = []
    for kind, full in CUES.items():
        for sentence in sentences():
            indexed = CUE_SETS[kind].search(sentence, set(_WORDS.findall(sentence)))
            if indexed != bool(full.search(sentence)):
                disagreements.append((kind, sentence))
    assert disagreements == []
