"""Train the coach's failure-pattern classifier from corpora/coach/train/sentences/*.jsonl.

    .venv/bin/python scripts/train_coach.py            # train, report, write the weights
    .venv/bin/python scripts/train_coach.py --folds 5  # also estimate accuracy by k-fold

Each training line is {"text": "...", "kind": "<pattern kind or none>"}: sentences we
wrote for the purpose, never text from the development drafts. The result is a
multinomial logistic regression over `classifier.sentence_features`, fitted with Adam on
an L2-penalised cross-entropy; it is deterministic (no random initialisation, fixed fold
split), so the same data always gives the same weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amends.coach import classifier
from amends.coach.nlp import get_nlp
from amends.coach.patterns import REASONS

CLASSES = (classifier.NONE, *sorted(REASONS))


def read(paths: list[Path]) -> list[tuple[str, str]]:
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if record["kind"] not in CLASSES:
                raise SystemExit(f"{path.name}:{n}: unknown kind {record['kind']!r}")
            rows.append((record["text"].strip(), record["kind"]))
    # The same sentence twice (two writers, one wording) would count double.
    return list(dict.fromkeys(rows))


def featurise(texts: list[str]) -> list[list[str]]:
    nlp = get_nlp()
    return [classifier.sentence_features(doc[:]) for doc in nlp.pipe(texts, batch_size=64)]


class Sparse:
    """Rows of feature ids, each row scaled to unit length (as `Model.probabilities`)."""

    def __init__(self, rows: list[list[int]], n_features: int) -> None:
        self.n_rows, self.n_features = len(rows), n_features
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        self.nonempty = lengths > 0
        self.indices = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), lengths)
        self.values = np.repeat(1.0 / np.sqrt(np.maximum(lengths, 1)), lengths)

    def dot(self, w: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n_rows, w.shape[1]))
        if len(self.indices):
            sums = np.add.reduceat(
                w[self.indices] * self.values[:, None], self.starts[self.nonempty], axis=0
            )
            out[self.nonempty] = sums
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:
        rows = g[self.row_of] * self.values[:, None]
        return np.stack(
            [
                np.bincount(self.indices, weights=rows[:, c], minlength=self.n_features)
                for c in range(g.shape[1])
            ],
            axis=1,
        )


def fit(
    x: Sparse,
    y: np.ndarray,
    n_classes: int,
    *,
    l2: float,
    steps: int,
    rate: float,
    none_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    w = np.zeros((x.n_features, n_classes))
    b = np.zeros(n_classes)
    target = np.eye(n_classes)[y]
    # Honest sentences far outnumber failing ones in real drafts, and in our training set
    # they do not: weighting them up keeps the model's prior closer to what it will read.
    weight = np.where(y == 0, none_weight, 1.0)
    weight /= weight.sum()
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for step in range(1, steps + 1):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - target) * weight[:, None]
        g_w = x.tdot(g) + l2 * w
        g_b = g.sum(axis=0)
        for param, grad, m, v in ((w, g_w, m_w, v_w), (b, g_b, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w, b


def build(feats: list[list[str]], min_count: int) -> dict[str, int]:
    counts = Counter(f for row in feats for f in set(row))
    kept = sorted(f for f, c in counts.items() if c >= min_count)
    return {f: n for n, f in enumerate(kept)}


def encode(feats: list[list[str]], index: dict[str, int]) -> Sparse:
    return Sparse([sorted({index[f] for f in row if f in index}) for row in feats], len(index))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=0)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--none-weight", type=float, default=2.0)
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--veto", type=float, default=0.05)
    parser.add_argument("--out", type=Path, default=classifier.WEIGHTS)
    args = parser.parse_args()

    paths = classifier.training_files()
    rows = read(paths)
    texts = [t for t, _ in rows]
    y = np.array([CLASSES.index(k) for _, k in rows])
    print(
        f"{len(rows)} sentences from {len(paths)} files:",
        ", ".join(f"{k} {c}" for k, c in sorted(Counter(k for _, k in rows).items())),
    )
    feats = featurise(texts)

    if args.folds:
        order = np.arange(len(rows)) % args.folds  # fixed, interleaved split
        scores = np.zeros((len(rows), len(CLASSES)))
        for fold in range(args.folds):
            train, test = order != fold, order == fold
            index = build([f for f, keep in zip(feats, train, strict=True) if keep], args.min_count)
            w, b = fit(
                encode([f for f, keep in zip(feats, train, strict=True) if keep], index),
                y[train],
                len(CLASSES),
                l2=args.l2,
                steps=args.steps,
                rate=args.rate,
                none_weight=args.none_weight,
            )
            x_test = encode([f for f, keep in zip(feats, test, strict=True) if keep], index)
            scores[test] = x_test.dot(w) + b
        for threshold in (0.2, 0.3, 0.4, 0.5, 0.6):
            _report(y, _decide(scores, threshold), threshold, brief=threshold != args.threshold)

    index = build(feats, args.min_count)
    w, b = fit(
        encode(feats, index),
        y,
        len(CLASSES),
        l2=args.l2,
        steps=args.steps,
        rate=args.rate,
        none_weight=args.none_weight,
    )
    # Every feature is kept: reading scales a sentence by how many known features it has,
    # so dropping any would make reading differ from training.
    names = sorted(index, key=index.__getitem__)
    np.savez_compressed(
        args.out,
        classes=np.array(CLASSES),
        features=np.array(names),
        weights=w.astype(np.float16),
        bias=b.astype(np.float32),
        threshold=np.float32(args.threshold),
        veto=np.float32(args.veto),
        digest=np.array(classifier.training_digest(paths)),
    )
    print(f"wrote {args.out} ({len(names)} features, {args.out.stat().st_size // 1024} KiB)")
    return 0


def _decide(z: np.ndarray, threshold: float) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    best = p[:, 1:].argmax(axis=1) + 1
    return np.where(1.0 - p[:, 0] >= threshold, best, 0)


def _report(y: np.ndarray, predicted: np.ndarray, threshold: float, brief: bool) -> None:
    flagged = predicted != 0
    actual = y != 0
    tp = int((flagged & actual).sum())
    print(
        f"cross-validated at {threshold:.1f}: pattern recall {tp / max(actual.sum(), 1):.2f}, precision "
        f"{tp / max(flagged.sum(), 1):.2f}, kind accuracy on patterns "
        f"{(predicted[actual] == y[actual]).mean():.2f}"
    )
    if brief:
        return
    for n, kind in enumerate(CLASSES[1:], 1):
        mask = y == n
        print(
            f"  {kind:20} recall {(predicted[mask] != 0).mean():.2f}  "
            f"exact {(predicted[mask] == n).mean():.2f}  n={int(mask.sum())}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
