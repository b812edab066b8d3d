"""A second reading of each sentence a failure pattern was found in, by what it says.

The cues (rules/<kind>.toml) and the pattern classifier know the words of a pattern; on
real writing they also fire on honest sentences that share those words: praise of
someone else's courage ("she was brave to speak"), an excuse named in order to refuse it
("not the vodka, not the party"), an "I will NOT …" list, the passive about what a
committee or an inquiry did, an essay's general sentences about men and culture, a fact
about drink or the hour told without excusing anything, a facilitator's covering note.

Here one logistic regression reads a sentence by the same two kinds of feature as the
elements' sentence reading (element_sentences.py):

* its meaning: the mean of its word pieces' input embeddings from all-MiniLM-L6-v2
  (amends/coach/encoder.py), folded into one number per piece (`table`), so reading costs
  a table lookup per piece and no transformer at review time;
* its words and grammar: the pattern classifier's features (lemmas, pairs, dependency
  triples, with the people reduced to `<me>` and `<them>`). Which kinds the cues proposed
  was tried as a feature too; on the tune split it withdrew fewer false findings.

It can only withdraw: a pattern the cues or the classifier found stays unless the model
reads the sentence as honest with high confidence (its probability of carrying a pattern
below `withdraw`, chosen on the tune split so that few true patterns are lost). It never
adds a pattern. Trained by scripts/train_pattern_sentences.py on sentences written for
the purpose (corpora/coach/train/patterns/), the pattern classifier's sentences and the
sentences of the train split's labelled drafts.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from amends.coach.cards import require_weights
from amends.coach.classifier import sentence_features
from amends.coach.corpora import CORPORA
from amends.coach.encoder import WordPiece, model_dir
from amends.coach.ruleset import WITHDRAWAL_FILE

WEIGHTS = Path(__file__).with_name("pattern_sentences.npz")
WRITTEN = CORPORA / "train" / "patterns"
RULES = WITHDRAWAL_FILE


def _keep_rules() -> re.Pattern[str]:
    """The wordings (rules/withdrawal.toml) that keep a pattern whatever the model reads."""
    with RULES.open("rb") as f:
        data = tomllib.load(f)
    return re.compile("|".join(f"(?:{p})" for p in data["keep"]))


KEEP = _keep_rules()


def training_files() -> list[Path]:
    """The sentences written for this model, the pattern classifier's sentences, then the
    train split's labelled drafts."""
    return (
        sorted(WRITTEN.glob("*.jsonl"))
        + sorted((CORPORA / "train" / "sentences").glob("patterns-*.jsonl"))
        + sorted((CORPORA / "train" / "drafts").glob("*.jsonl"))
        + sorted((CORPORA / "train").glob("genre-*.jsonl"))
    )


def features(sent: Any) -> list[str]:
    """The words-and-grammar features of one sentence (a spaCy Span)."""
    return sentence_features(sent)


@dataclass(frozen=True)
class Model:
    table: np.ndarray  # word piece: its share of the logit
    index: dict[str, int]  # feature → row of `weights`
    weights: np.ndarray  # per feature
    bias: float
    withdraw: float  # a found pattern whose sentence reads below this is withdrawn
    tokenizer: WordPiece

    def probability(self, sent: Any) -> float:
        """How likely the sentence carries a failure pattern."""
        logit = self.bias
        pieces = self.tokenizer.encode(sent.text)[1:-1]
        if pieces:
            logit += float(self.table[pieces].mean())
        ids = list({self.index[f] for f in features(sent) if f in self.index})
        if ids:
            # Each known feature counts once, scaled as in training.
            logit += float(self.weights[ids].sum()) / math.sqrt(len(ids))
        return 1 / (1 + math.exp(-logit))

    def honest(self, sent: Any) -> bool:
        """Whether the sentence reads as honest with high confidence. A sentence that gives
        a cause for the act ("that's why I did it") is never withdrawn."""
        if KEEP.search(sent.text.lower().replace("’", "'")):
            return False
        return self.probability(sent) < self.withdraw


_model: Model | None = None


def get_model() -> Model:
    """The shipped model, loaded once; MissingWeights when its weights are absent (the
    coach would otherwise quietly keep every false finding). Two threads loading it at
    once each get the same model."""
    global _model
    if _model is None:
        path = require_weights(WEIGHTS, "scripts/train_pattern_sentences.py")
        with np.load(path, allow_pickle=False) as data:
            _model = Model(
                table=data["table"].astype(np.float32),
                index={str(f): n for n, f in enumerate(data["features"])},
                weights=data["weights"].astype(np.float32),
                bias=float(data["bias"]),
                withdraw=float(data["withdraw"]),
                tokenizer=WordPiece(model_dir() / "vocab.txt"),
            )
    return _model
