"""Train the coach's reading of the six elements by meaning (amends/coach/elements_model.py).

    .venv/bin/python scripts/train_element_model.py [--static PATH]

1. Distils all-MiniLM-L6-v2 into one vector per word piece of its vocabulary: each piece
   alone ([CLS] piece [SEP]) through the model's six layers, mean pooled, unit length
   (about 30,000 short passes; `--static PATH` keeps them in PATH and reads them from
   there next time).
2. Reads each draft of the train split (corpora/coach/train/drafts and the real-genre
   sets beside them) as the mean of its segments, each the mean of its word pieces, and
   fits one L2-penalised logistic regression per element on whether the draft holds it
   (the labels' `missing`), with balanced classes.
3. On the tune split, chooses per element the most precise threshold for "missing" when
   the model may take back a "missing" the cues said, among those that cost at most 5
   points of the cues' recall (or none: the element is then left to the cues), and
   prints the figures.
4. Folds the weights into one number per word piece and element and writes
   amends/coach/element_model.npz. Then run scripts/model_cards.py.

Never the test split or the development drafts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amends.coach import Coach, Kind, elements_model
from amends.coach.classifier import training_digest
from amends.coach.corpora import CORPORA
from amends.coach.encoder import Encoder, _gelu, _layer_norm, get_encoder
from amends.coach.pipeline import read

ELEMENTS = elements_model.ELEMENTS
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
OFF = 2.0  # a threshold above 1: the element is left to the cues
L2 = 10.0
RECALL_COST = 0.05


def best_recall(cue: np.ndarray, truth: np.ndarray) -> float:
    return figures(cue, truth)[1]


def tune_files() -> list[Path]:
    return sorted((CORPORA / "tune" / "drafts").glob("*.jsonl")) + sorted(
        (CORPORA / "tune").glob("genre-*.jsonl")
    )


def distil(encoder: Encoder, batch: int = 512) -> np.ndarray:
    """One unit vector per word piece: the piece alone through the model, mean pooled."""
    size = len(encoder.tokenizer.vocab)
    out = np.zeros((size, 384), np.float32)
    p = encoder._p
    for start in range(0, size, batch):
        ids = np.arange(start, min(start + batch, size))
        m, n = len(ids), 3
        tokens = np.stack(
            [np.full(m, encoder.tokenizer.cls), ids, np.full(m, encoder.tokenizer.sep)], 1
        )
        x = (
            p("embeddings.word_embeddings.weight")[tokens]
            + p("embeddings.position_embeddings.weight")[:n]
            + p("embeddings.token_type_embeddings.weight")[0]
        )
        x = _layer_norm(x, p("embeddings.LayerNorm.weight"), p("embeddings.LayerNorm.bias"))
        heads = encoder.heads
        d = x.shape[-1] // heads
        for i in range(encoder.layers):
            pre = f"encoder.layer.{i}."

            def lin(name: str, v: np.ndarray, pre: str = pre) -> np.ndarray:
                r: np.ndarray = v @ p(pre + name + ".weight") + p(pre + name + ".bias")
                return r

            q, k, v = (
                lin(f"attention.self.{w}", x).reshape(m, n, heads, d).transpose(0, 2, 1, 3)
                for w in ("query", "key", "value")
            )
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(m, n, -1)
            x = _layer_norm(
                x + lin("attention.output.dense", ctx),
                p(pre + "attention.output.LayerNorm.weight"),
                p(pre + "attention.output.LayerNorm.bias"),
            )
            x = _layer_norm(
                x + lin("output.dense", _gelu(lin("intermediate.dense", x))),
                p(pre + "output.LayerNorm.weight"),
                p(pre + "output.LayerNorm.bias"),
            )
        pooled = x.mean(1)
        out[ids] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    return out


def load(paths: list[Path]) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def draft_vector(static: np.ndarray, encoder: Encoder, text: str) -> np.ndarray:
    """The mean of the draft's segments, each the mean of its word pieces: what
    elements_model reads, before the weights are folded in."""
    layout, spans = read(text)
    means = []
    for s, e in spans:
        ids = encoder.tokenizer.encode(layout.text[s:e])[1:-1]
        if ids:
            means.append(static[ids].mean(axis=0))
    return np.mean(means, axis=0) if means else np.zeros(static.shape[1], np.float32)


def fit(
    x: np.ndarray, y: np.ndarray, steps: int = 2000, lr: float = 0.05
) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent, balanced classes, deterministic."""
    w, b = np.zeros(x.shape[1]), 0.0
    pos = y.mean()
    weight = np.where(y == 1, 0.5 / max(pos, 1e-3), 0.5 / max(1 - pos, 1e-3))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weight
        w -= lr * (x.T @ g / len(y) + L2 * w / len(y))
        b -= lr * float(g.mean())
    return w, b


def figures(said: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    tp = float((said & truth).sum())
    precision = tp / max(float(said.sum()), 1.0)
    recall = tp / max(float(truth.sum()), 1.0)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--static", type=Path, help="keep the distilled vectors here")
    args = ap.parse_args()
    encoder = get_encoder()
    if args.static and args.static.exists():
        static = np.load(args.static)
    else:
        static = distil(encoder)
        if args.static:
            np.save(args.static, static)
    train, tune = load(elements_model.training_files()), load(tune_files())
    x_train = np.array([draft_vector(static, encoder, r["text"]) for r in train])
    x_tune = np.array([draft_vector(static, encoder, r["text"]) for r in tune])
    # The model reads only drafts long enough (elements_model.MIN_SEGMENTS).
    long_enough = np.array(
        [
            sum(
                1
                for s, e in read(r["text"])[1]
                if encoder.tokenizer.encode(read(r["text"])[0].text[s:e])[1:-1]
            )
            >= elements_model.MIN_SEGMENTS
            for r in tune
        ]
    )
    mu, sd = x_train.mean(0), x_train.std(0) + 1e-6
    # What the cues alone say is missing on the tune drafts.
    cues = Coach(without={"element_model"})
    said_by_cues = [
        {Kind(f.kind).value for f in cues.review(r["text"]).of_family("missing")} for r in tune
    ]
    table = np.zeros((len(static), len(ELEMENTS)), np.float32)
    bias = np.zeros(len(ELEMENTS))
    thresholds = np.full(len(ELEMENTS), OFF)
    for n, element in enumerate(ELEMENTS):
        y = np.array([0.0 if element in r["missing"] else 1.0 for r in train])
        w, b = fit((x_train - mu) / sd, y)
        present = 1 / (1 + np.exp(-(((x_tune - mu) / sd) @ w + b)))
        present = np.where(long_enough, present, 0.0)
        truth = np.array([element in r["missing"] for r in tune])
        cue = np.array([element in said for said in said_by_cues])
        # The most precise threshold that costs at most RECALL_COST of the cues' recall:
        # a "missing" that is true is the reminder a member needs, so it is not traded
        # away for precision.
        best = (figures(cue, truth), OFF)
        for at in GRID:
            fig = figures(cue & (present < at), truth)
            if fig[1] >= best_recall(cue, truth) - RECALL_COST and fig[0] > best[0][0]:
                best = (fig, at)
        (precision, recall, _), thresholds[n] = best
        table[:, n] = static @ (w / sd)
        bias[n] = b - float((w / sd) @ mu)
        cue_p, cue_r, _ = figures(cue, truth)
        print(
            f"{element:15} tune: cues alone {cue_p:.2f} / {cue_r:.2f}; with the model "
            f"(threshold {thresholds[n] if thresholds[n] <= 1 else 'none'}) "
            f"{precision:.2f} / {recall:.2f} (precision / recall of 'missing')"
        )
    np.savez_compressed(
        elements_model.WEIGHTS,
        table=table.astype(np.float16),
        bias=bias,
        thresholds=thresholds,
        digest=np.array(training_digest(elements_model.training_files())),
    )
    print(f"wrote {elements_model.WEIGHTS} ({elements_model.WEIGHTS.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
