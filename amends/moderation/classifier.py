"""The response classifier: publish, or hold as an insult, or reject as a threat, doxxing,
incitement or an urging to self-harm.

A multinomial logistic regression over `features.response_features` and the response's
sentence embedding (amends/coach/encoder.py), trained by
scripts/train_moderation.py on responses we wrote (corpora/moderation/train), its
thresholds chosen on corpora/moderation/tune. The weights ship beside this file
(moderation_model.npz) with the digest of the data they were trained on, the thresholds,
and a version; MODEL_CARD.md says what it was trained on and how well it does. Nothing is
downloaded.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from amends.moderation.text import ADDRESSED

WEIGHTS = Path(__file__).with_name("moderation_model.npz")
PUBLISH = "publish"
INSULT = "insult"
HARMS = ("threat", "doxxing", "incitement", "self_harm")
CLASSES = (PUBLISH, INSULT, *HARMS)
# The sentence embedding (unit length) is scaled against the sparse features (whose row is
# also of unit length). At 3.0 (versions 1 to 5) it outweighed them: short caring sentences
# and blunt critique were rejected on the embedding alone (2 to 8 logits, against a tenth
# or two for each word). Version 6 halves it, so that words and cue rules count again; the
# tuning set was indifferent (within one response per category), the development set
# published more voices and rejected more threats.
EMBEDDING_SCALE = 1.5
# What the model reads of a text: its sparse features and its sentence embedding.
Read = tuple[Sequence[str], Any]


@dataclass(frozen=True)
class Judgement:
    label: str  # one of CLASSES
    harm: float  # the probability of the likeliest harm
    insult: float  # the probability of an insult
    probabilities: dict[str, float]


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: Any  # numpy array, features x classes
    bias: Any
    dense: Any  # numpy array, embedding dimensions x classes
    reject_at: float  # reject when the probability of the likeliest harm reaches this
    hold_at: float  # hold as an insult when its probability reaches this
    # reject when one sentence (or two that follow one another) of a longer response reads
    # as a harm this likely on its own; above 1, sentences are not read alone
    sentence_reject_at: float
    digest: str  # of the training and tuning data
    version: str

    def probabilities(self, feats: Sequence[str], vector: Any) -> dict[str, float]:
        ids = sorted({self.index[f] for f in feats if f in self.index})
        # Each known feature counts once, scaled as in training, so a long response is
        # not more confident for being long.
        scale = 1.0 / math.sqrt(max(len(ids), 1))
        scores = self.bias + (self.weights[ids].sum(axis=0) * scale if ids else 0.0)
        scores = scores + (np.asarray(vector) * EMBEDDING_SCALE) @ self.dense
        exp = np.exp(scores - scores.max())
        probs = exp / exp.sum()
        return {c: float(p) for c, p in zip(self.classes, probs, strict=True)}

    def judge(self, feats: Sequence[str], vector: Any) -> Judgement:
        probs = self.probabilities(feats, vector)
        return decide(probs, feats, self.reject_at, self.hold_at)

    def judge_parts(self, whole: Read, parts: Sequence[Read]) -> Judgement:
        """Judge a response as a whole, then each of its parts (features.parts_of) on its
        own for harm: a threat in the fourth sentence of a long, measured response is
        still a threat, however the rest of the response dilutes it."""
        return decide_parts(
            self.judge(*whole),
            [(self.probabilities(*part), part[0]) for part in parts],
            self.sentence_reject_at,
        )


# An insult is aimed at someone. Without a word of contempt or a person addressed or
# spoken of, nothing is held as one: "What the fuck did I just read" is read as "What the
# did I just read", and no weight may hold that.
_AIMED = frozenset(
    {
        "cue:insult_person",
        "cue:insult_quality",
        "cue:insult_alone",
        "class:contempt",
        "w:you",
        "w:your",
        "w:yourself",
        "w:he",
        "w:him",
        "w:his",
        "w:guy",
        "w:man",
        "w:men",
        "w:author",
        "w:to_reader",
        "w:people",
        "w:commenter",
        "w:commenters",
        "w:whoever",
    }
)


_ADDRESSED = frozenset(f"w:{w}" for w in ADDRESSED)


def decide_parts(
    whole: Judgement,
    parts: Sequence[tuple[dict[str, float], Sequence[str]]],
    sentence_reject_at: float,
) -> Judgement:
    """The whole response's judgement, unless it is no harm and one of its parts reads as
    one at `sentence_reject_at` or above: then that part's likeliest harm. Parts decide
    nothing else: an insult or a voice is read in its whole context. Only a part that
    speaks to someone ("you") is read alone: a threat or an urging addresses its reader,
    while a sentence of a survivor's story, taken out of it, can read as anything."""
    if whole.label in HARMS:
        return whole
    worst: tuple[float, str] | None = None
    for probs, feats in parts:
        if _ADDRESSED.isdisjoint(feats):
            continue
        harm = max(HARMS, key=probs.__getitem__)
        if probs[harm] >= sentence_reject_at and (worst is None or probs[harm] > worst[0]):
            worst = (probs[harm], harm)
    if worst is None:
        return whole
    return Judgement(worst[1], worst[0], whole.insult, whole.probabilities)


def decide(
    probs: dict[str, float], feats: Sequence[str], reject_at: float, hold_at: float
) -> Judgement:
    """Reject when one harm is likely enough (harms are judged one by one: a response the
    model cannot read spreads its probability over all four, and that is no threat);
    otherwise hold an insult aimed at someone; otherwise publish. A response with nothing
    left to read once its expletives are set aside publishes."""
    harm = max(probs[c] for c in HARMS)
    if not any(f.startswith("w:") for f in feats):
        label = PUBLISH
    elif harm >= reject_at:
        label = max(HARMS, key=probs.__getitem__)
    elif probs[INSULT] >= hold_at and _AIMED.intersection(feats):
        label = INSULT
    else:
        label = PUBLISH
    return Judgement(label, harm, probs[INSULT], probs)


_lock = threading.Lock()
_model: Model | None = None


def get_model() -> Model:
    """The shipped model, loaded once per process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = load(WEIGHTS)
    return _model


def load(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        features = [str(f) for f in data["features"]]
        return Model(
            classes=tuple(str(c) for c in data["classes"]),
            index={f: n for n, f in enumerate(features)},
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            dense=data["dense"].astype(np.float32),
            reject_at=float(data["reject_at"]),
            hold_at=float(data["hold_at"]),
            sentence_reject_at=float(data["sentence_reject_at"]),
            digest=str(data["digest"]),
            version=str(data["version"]),
        )


def data_digest(paths: Iterable[Path]) -> str:
    """A digest of the data a model learns from, stored with its weights so that a test
    can tell when the data changed and the model was not retrained."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(f"{path.parent.name}/{path.name}".encode())
        h.update(path.read_bytes())
    return h.hexdigest()
