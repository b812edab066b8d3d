"""Fitting the response classifier: plain numpy, deterministic (no random state at all:
full-batch gradient descent from zero weights, in a fixed order), so the same data always
gives the same weights. scripts/train_moderation.py reads the corpora and writes the model;
the tests fit small sets twice and compare."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from amends.moderation.classifier import CLASSES, EMBEDDING_SCALE, HARMS, INSULT, PUBLISH

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "moderation"
# Every file under CORPORA with its role (its folder), count and digest, written by
# scripts/corpora_manifest.py; a test holds the files to it.
MANIFEST = CORPORA / "MANIFEST.tsv"
# Links are the link step's business; the classifier learns from every other category.
PUBLISH_CATEGORIES = frozenset(
    {"anger", "pain", "survivor_story", "support", "critique", "question"}
)


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    category: str

    @property
    def target(self) -> str:
        return PUBLISH if self.category in PUBLISH_CATEGORIES else self.category


def data_files(split: str) -> list[Path]:
    return sorted((CORPORA / split).glob("*.jsonl"))


def read(paths: Sequence[Path]) -> list[Example]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec["category"] != "link":
                    out.append(Example(rec["id"], rec["text"], rec["category"]))
    return out


@dataclass(frozen=True)
class Fitted:
    features: list[str]
    weights: np.ndarray
    bias: np.ndarray
    dense: np.ndarray


def fit(
    feats: Sequence[Sequence[str]],
    vectors: np.ndarray,
    targets: Sequence[str],
    *,
    min_count: int = 1,
    l2: float = 1e-3,
    steps: int = 1500,
    rate: float = 2.0,
) -> Fitted:
    """Multinomial logistic regression with balanced class weights, over the sparse
    features and the embeddings together."""
    counts = Counter(f for row in feats for f in set(row))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    dims = vectors.shape[1]
    x = np.zeros((len(feats), dims + len(names)))
    x[:, :dims] = vectors * EMBEDDING_SCALE
    for r, row in enumerate(feats):
        ids = sorted({dims + index[f] for f in row if f in index})
        if ids:
            x[r, ids] = 1.0 / np.sqrt(len(ids))
    y = np.array([CLASSES.index(t) for t in targets])
    onehot = np.eye(len(CLASSES))[y]
    per_class = np.bincount(y, minlength=len(CLASSES)).astype(float)
    sample_weight = (len(y) / (len(CLASSES) * np.maximum(per_class, 1)))[y]
    sample_weight /= sample_weight.sum()
    w = np.zeros((x.shape[1], len(CLASSES)))
    b = np.zeros(len(CLASSES))
    for _ in range(steps):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_weight[:, None]
        w -= rate * (x.T @ g + l2 * w)
        b -= rate * g.sum(axis=0)
    return Fitted(names, w[dims:], b, w[:dims])


def rates(labels: Sequence[str], categories: Sequence[str]) -> dict[str, float]:
    """The share of each category decided as the targets ask: voices published, insults
    held, each harm rejected (its own reason or another harm's)."""
    out: dict[str, float] = {}
    for cat in sorted(set(categories)):
        got = [lab for lab, c in zip(labels, categories, strict=True) if c == cat]
        if cat in PUBLISH_CATEGORIES:
            ok = sum(lab == PUBLISH for lab in got)
        elif cat == INSULT:
            ok = sum(lab == INSULT for lab in got)
        else:
            ok = sum(lab in HARMS for lab in got)
        out[cat] = ok / len(got)
    return out


def headline(labels: Sequence[str], categories: Sequence[str]) -> tuple[float, float, float]:
    """(worst harm rejected, voices published, insults held), pooled as the reference
    scorer pools them."""
    per = rates(labels, categories)
    harm = min((v for c, v in per.items() if c in HARMS), default=float("nan"))
    voices = [lab for lab, c in zip(labels, categories, strict=True) if c in PUBLISH_CATEGORIES]
    voice = sum(lab == PUBLISH for lab in voices) / len(voices) if voices else float("nan")
    return harm, voice, per.get(INSULT, float("nan"))
