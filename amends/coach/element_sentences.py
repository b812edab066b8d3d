"""The six elements read sentence by sentence, by what each sentence says.

An element counts as present when one sentence of the draft tells it: an account of what
the author did, an apology, the impact on her, responsibility taken, repair, a change.
The cues in rules/elements.toml know the wordings someone wrote down; a sentence that
tells an element in a form they do not know ("me: hand on her knee under the table",
"Her counselling is being paid for", "she tell the manager she is afraid") was read as
"missing", and a sentence that only shares an element's words ("I hope she's okay",
"things need to change") was read as telling it.

Here, per element, a logistic regression reads each sentence by two kinds of feature:

* its meaning: the mean of its word pieces' vectors from all-MiniLM-L6-v2
  (amends/coach/encoder.py), each piece's input embedding as the model's first layer
  reads it, so reading costs a table lookup per piece and no transformer at review time;
* its words and grammar: the pattern classifier's features (lemmas, pairs, dependency
  triples, with the people reduced to who they are in the story: `<me>`, `<them>`), and
  which element cues fired on it.

A sentence tells an element when the model is sure enough on its own (`accept`), or when
a cue fired and the model does not all but rule it out (`veto`); a cue that fires on a
sentence the model reads as not telling the element no longer counts. Trained by
scripts/train_element_sentences.py on sentences written for the purpose
(corpora/coach/train/elements/) and the sentences of the train split's labelled drafts;
thresholds chosen on the tune split. The model is linear, so the meaning's weights are
folded into six numbers per word piece (`table`); nothing the coach caches can be read
back into words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from amends.coach.cards import require_weights
from amends.coach.classifier import sentence_features
from amends.coach.corpora import CORPORA
from amends.coach.encoder import WordPiece, model_dir

WEIGHTS = Path(__file__).with_name("element_sentences.npz")
ELEMENTS = ("apology", "account", "impact", "responsibility", "repair", "change")
WRITTEN = CORPORA / "train" / "elements"


def training_files() -> list[Path]:
    """The sentences written for this model, then the train split's labelled drafts."""
    return (
        sorted(WRITTEN.glob("*.jsonl"))
        + sorted((CORPORA / "train" / "drafts").glob("*.jsonl"))
        + sorted((CORPORA / "train").glob("genre-*.jsonl"))
    )


def features(sent: Any, cues: frozenset[str]) -> list[str]:
    """The words-and-grammar features of one sentence (a spaCy Span) and the cues that
    fired on it."""
    return [*sentence_features(sent), *(f"cue:{e}" for e in sorted(cues))]


@dataclass(frozen=True)
class Model:
    table: np.ndarray  # word piece × element: each piece's share of the logit
    index: dict[str, int]  # feature → row of `weights`
    weights: np.ndarray  # feature × element
    bias: np.ndarray  # per element
    accept: np.ndarray  # per element: told without a cue at or above this (above 1: never)
    veto: np.ndarray  # per element: a cue's sentence below this does not tell it
    tokenizer: WordPiece

    def probabilities(self, sent: Any, cues: frozenset[str]) -> np.ndarray:
        """How likely the sentence tells each element, in the order of ELEMENTS."""
        logit = self.bias.copy()
        pieces = self.tokenizer.encode(sent.text)[1:-1]
        if pieces:
            logit += self.table[pieces].mean(axis=0)
        ids = list({self.index[f] for f in features(sent, cues) if f in self.index})
        if ids:
            # Each known feature counts once, scaled as in training.
            logit += self.weights[ids].sum(axis=0) / math.sqrt(len(ids))
        out: np.ndarray = 1 / (1 + np.exp(-logit))
        return out

    def told(self, sent: Any, cues: frozenset[str]) -> frozenset[str]:
        """The elements one sentence tells, given the cues that fired on it."""
        p = self.probabilities(sent, cues)
        return frozenset(
            element
            for n, element in enumerate(ELEMENTS)
            if p[n] >= self.accept[n] or (element in cues and p[n] >= self.veto[n])
        )


def read_sentences(
    model: Model, sents: Sequence[Any], cues: Sequence[frozenset[str]]
) -> frozenset[str]:
    """The elements a segment's sentences tell."""
    found: set[str] = set()
    for sent, fired in zip(sents, cues, strict=True):
        found |= model.told(sent, fired)
    return frozenset(found)


_model: Model | None = None


def get_model() -> Model:
    """The shipped model, loaded once; MissingWeights when its weights are absent. Two
    threads loading it at once each get the same model."""
    global _model
    if _model is None:
        _model = load(require_weights(WEIGHTS, "scripts/train_element_sentences.py"))
    return _model


def load(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        return Model(
            table=data["table"].astype(np.float32),
            index={str(f): n for n, f in enumerate(data["features"])},
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float64),
            accept=data["accept"].astype(np.float64),
            veto=data["veto"].astype(np.float64),
            tokenizer=WordPiece(model_dir() / "vocab.txt"),
        )
