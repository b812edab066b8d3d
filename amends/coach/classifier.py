"""A learned reading of failure patterns, sentence by sentence.

The cue rules in patterns.py are precise but only know the wordings someone thought of.
People who write about harm they caused find endless other ways to shrink it, excuse it
or turn it towards themselves. This classifier reads a sentence as a bag of what it is
made of (lemmas with people reduced to who they are: the author, the harmed person, the
reader), word pairs, and the grammar between them (who is the subject of which verb, what
is negated), and gives each failure pattern a probability.

It is a multinomial logistic regression, trained by scripts/train_coach.py on sentences we
wrote for the purpose (corpora/coach/train/sentences/), never on the development drafts. Its
weights ship beside this file; nothing is downloaded. Training and reading share
`sentence_features`, so they cannot drift apart.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from amends.coach.cards import require_weights
from amends.coach.corpora import CORPORA
from amends.coach.nlp import lemma

WEIGHTS = Path(__file__).with_name("pattern_model.npz")
# The sentences it learns from live outside the package, with the other corpora.
TRAINING = CORPORA / "train" / "sentences"
NONE = "none"
# Below this many words a sentence says too little for a bag of features to judge
# ("She declined clearly."); the cue rules still read short sentences ("It just happened.").
MIN_WORDS = 5

# People are reduced to who they are in the story: what matters is that the harmed
# person is the subject of "led on", not whether the draft says she, he or they.
PEOPLE = {
    **dict.fromkeys(["i", "me", "my", "mine", "myself"], "<me>"),
    **dict.fromkeys(["we", "us", "our", "ours", "ourselves"], "<we>"),
    **dict.fromkeys(
        [
            "she",
            "he",
            "they",
            "her",
            "him",
            "them",
            "hers",
            "his",
            "their",
            "theirs",
            "herself",
            "himself",
            "themselves",
            "themself",
        ],
        "<them>",
    ),
    **dict.fromkeys(["you", "your", "yours", "yourself"], "<you>"),
}
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX"})
_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "neg",
        "aux",
        "auxpass",
        "advmod",
        "prep",
        "pobj",
        "acomp",
        "xcomp",
        "ccomp",
        "advcl",
        "attr",
        "agent",
        "mark",
        "poss",
        "amod",
        "prt",
        "dative",
        "oprd",
    }
)
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "none"})


def _form(tok: Any) -> str | None:
    low: str = tok.lower_
    who = PEOPLE.get(low)
    if who:
        return who
    if low in {"n't", "nt"}:
        return "not"
    if tok.pos_ == "PROPN":
        # A placeholder letter ("A") or a person's name is a person in the story; other
        # names (places, employers) and numbers are details, never a pattern's meaning,
        # and the classifier is not allowed to learn from them.
        return "<them>" if len(tok.text) <= 2 or tok.ent_type_ == "PERSON" else None
    if tok.like_num:
        return None
    if tok.pos_ in _CONTENT:
        return lemma(tok)
    return low


def sentence_features(sent: Any) -> list[str]:
    """What the classifier sees of one sentence (a spaCy Span). The pattern classifier and
    the elements' sentence reading both read it, so it is kept with the parse."""
    key = ("coach.features", sent.start, sent.end)
    cached: list[str] | None = sent.doc.user_data.get(key)
    if cached is None:
        cached = sent.doc.user_data[key] = _sentence_features(sent)
    return cached


def _sentence_features(sent: Any) -> list[str]:
    pairs = [(t, _form(t)) for t in sent if not t.is_punct and not t.is_space]
    kept = [(t, f) for t, f in pairs if f is not None]
    tokens = [t for t, _ in kept]
    forms = [f for _, f in kept]
    feats = [f"w:{f}" for f in forms]
    feats += [f"b:{a}_{b}" for a, b in itertools.pairwise(forms)]
    if forms:
        feats.append(f"first:{forms[0]}")
    index = dict(zip((t.i for t in tokens), forms, strict=True))
    for tok in tokens:
        if tok.dep_ in _DEPS and tok.head.i in index and tok.head.i != tok.i:
            head = index[tok.head.i]
            feats.append(f"d:{head}|{tok.dep_}|{index[tok.i]}")
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                feats.append(f"s:{index[tok.i]}|{tok.dep_}")
            if tok.dep_ == "neg" or tok.lower_ in _NEGATIONS:
                feats.append(f"neg:{head}")
    feats.append(f"len:{min(len(tokens) // 8, 5)}")
    return feats


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: Any  # numpy array, features x classes
    bias: Any
    threshold: float
    veto: float
    digest: str

    def probabilities(self, feats: Sequence[str]) -> dict[str, float]:
        ids = list({self.index[f] for f in feats if f in self.index})
        # The same scaling as in training: each known feature counts once.
        scale = 1.0 / math.sqrt(max(len(ids), 1))
        scores = self.bias + (self.weights[ids].sum(axis=0) * scale if ids else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        probs = exp / exp.sum()
        return {c: float(p) for c, p in zip(self.classes, probs, strict=True)}

    def predict(self, sent: Any) -> tuple[str, float]:
        """The most likely failure pattern in a sentence and the probability that it
        carries any pattern at all, or ("none", p) when that is below the threshold.
        Deciding on "any pattern" first matters: a sentence can be clearly wrong while its
        probability is split between close kinds (excusing or blaming)."""
        if sum(1 for t in sent if t.is_alpha) < MIN_WORDS:
            return NONE, 1.0  # too short to judge: no finding, and no veto either
        probs = self.probabilities(sentence_features(sent))
        kind = max((c for c in self.classes if c != NONE), key=probs.__getitem__)
        pattern = 1.0 - probs[NONE]
        if pattern >= self.threshold:
            return kind, pattern
        return NONE, pattern


_lock = threading.Lock()
_model: Model | None = None


def get_model() -> Model:
    """The shipped model, loaded once; MissingWeights when its weights are absent."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = load(require_weights(WEIGHTS, "scripts/train_coach.py"))
    return _model


def load(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        classes = tuple(str(c) for c in data["classes"])
        features = [str(f) for f in data["features"]]
        return Model(
            classes=classes,
            index={f: n for n, f in enumerate(features)},
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            threshold=float(data["threshold"]),
            veto=float(data["veto"]),
            digest=str(data["digest"]),
        )


def training_files() -> list[Path]:
    return sorted(TRAINING.glob("*.jsonl"))


def training_digest(paths: Iterable[Path]) -> str:
    """A digest of the training sentences, stored with the weights so a test can tell
    when the data changed and the model was not retrained."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
