"""The six elements read by meaning: whether a draft holds an account, an apology, impact,
responsibility, repair and change, however it words them.

The element cues in patterns.py say an element is present when a sentence uses one of its
wordings; a draft that tells what the author did in plain words of its own ("I kept her
late after every shift and made her drive me home") then reads as "account missing".
This model reads the whole draft by what its words mean, and can only take a "missing"
back: an element the cues found stays found.

Its words' meanings come from all-MiniLM-L6-v2 (amends/coach/encoder.py), distilled to one
vector per word piece of its vocabulary (each piece alone through the six layers), so
reading costs a table lookup per word piece and no transformer at review time. A draft
is the mean of its segments, a segment the mean of its word pieces; per element, a
logistic regression on that mean, trained by scripts/train_element_model.py on the
train split's drafts (corpora/coach/train) and its thresholds chosen on the tune split.
Because the model is linear, the shipped weights are folded into one number per word
piece and element (`table`), so a segment's contribution is six numbers: the segment
cache holds those, never the words or a vector that could be read back into them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from amends.coach.cards import require_weights
from amends.coach.corpora import CORPORA
from amends.coach.encoder import WordPiece, model_dir

WEIGHTS = Path(__file__).with_name("element_model.npz")
ELEMENTS = ("apology", "account", "impact", "responsibility", "repair", "change")
# It learned from whole drafts, hundreds of words long; on a few sentences the mean of
# their words says little about what is there ("Things happened." holds no account), so
# shorter drafts are left to the cues.
MIN_SEGMENTS = 5


def training_files() -> list[Path]:
    """The train split's labelled drafts: the fictional drafts and the real-genre sets."""
    return sorted((CORPORA / "train" / "drafts").glob("*.jsonl")) + sorted(
        (CORPORA / "train").glob("genre-*.jsonl")
    )


@dataclass(frozen=True)
class Model:
    table: np.ndarray  # word piece × element: each piece's share of the element's logit
    bias: np.ndarray  # per element
    thresholds: np.ndarray  # per element; above 1, the element is left to the cues
    tokenizer: WordPiece

    def segment(self, text: str) -> tuple[float, ...] | None:
        """A segment's six numbers (the mean of its word pieces' rows), or None when it
        holds no word."""
        ids = self.tokenizer.encode(text)[1:-1]
        if not ids:
            return None
        return tuple(float(x) for x in self.table[ids].mean(axis=0))

    def present(self, segments: list[tuple[float, ...]]) -> frozenset[str]:
        """The elements the draft's segments hold, by meaning."""
        if len(segments) < MIN_SEGMENTS:
            return frozenset()
        logits = np.mean(np.array(segments, dtype=np.float64), axis=0) + self.bias
        return frozenset(
            element
            for element, logit, at in zip(ELEMENTS, logits, self.thresholds, strict=True)
            if at <= 1 and 1 / (1 + math.exp(-float(logit))) >= at
        )


_model: Model | None = None


def get_model() -> Model:
    """The shipped model, loaded once; MissingWeights when its weights are absent."""
    global _model
    if _model is None:
        path = require_weights(WEIGHTS, "scripts/train_element_model.py")
        with np.load(path, allow_pickle=False) as data:
            # Loading twice in a race costs a moment and gives the same model.
            _model = Model(
                data["table"].astype(np.float32),
                data["bias"].astype(np.float64),
                data["thresholds"].astype(np.float64),
                WordPiece(model_dir() / "vocab.txt"),
            )
    return _model
