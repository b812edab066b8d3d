"""Train the coach's sentence reading of the six elements (amends/coach/element_sentences.py).

    .venv/bin/python scripts/train_element_sentences.py [--static PATH]

1. Reads one vector per word piece of all-MiniLM-L6-v2's vocabulary: the model's own
   input embedding of the piece, as its first layer reads it (word, position and segment
   embeddings, layer-normalised), unit length. Distilling every piece through all six
   layers (scripts/train_element_model.py's `distil`, kept in PATH with --static) reads
   meaning a little better, but did not finish within the time this model was trained in
   on a shared two-core machine; --static PATH uses such vectors when they exist.
2. Builds sentence examples, per element: the sentences written for the purpose
   (corpora/coach/train/elements/, which say for each of the six whether it is told),
   and the sentences of the train split's labelled drafts as the coach cuts and parses
   them: in a draft that lacks an element, every sentence is one that does not tell it;
   in a draft that holds it, a sentence on which the element's cue fired is a weaker
   example (weight WEAK) of one that does, and the others say nothing of it.
3. Fits one L2-penalised logistic regression per element (Adam, deterministic, classes
   balanced) on the sentence's mean word-piece vector (standardised) and its words,
   grammar and cues (amends/coach/element_sentences.features).
4. On the tune split (corpora/coach/tune: never trained on), chooses per element the
   `accept` and `veto` thresholds that give the best F1 of "missing" over its drafts (a
   draft lacks the element when none of its sentences tells it), preferring precision on
   a tie, and prints the cues' figures beside them.
5. Folds the vector weights into one number per word piece and element and writes
   amends/coach/element_sentences.npz. Then run scripts/model_cards.py.

Never the test split or the development drafts.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_element_model import figures, load, tune_files

from amends.coach import Coach, element_sentences
from amends.coach.classifier import training_digest
from amends.coach.encoder import Encoder, _layer_norm, get_encoder
from amends.coach.patterns import sentence_cues, sentences
from amends.coach.pipeline import read

ELEMENTS = element_sentences.ELEMENTS
WEAK = 0.1
WRITTEN_WEIGHT = 1.0  # 3.0 was tried: on the tune split it cost account and impact precision
L2 = 1.0
MIN_COUNT = 2
STEPS = 400
ACCEPT = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 2.0)  # 2.0: never without a cue
VETO = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def piece_vectors(encoder: Encoder) -> np.ndarray:
    """One unit vector per word piece: its input embedding as the first layer reads it."""
    p = encoder._p
    x = (
        p("embeddings.word_embeddings.weight")
        + p("embeddings.position_embeddings.weight")[1]
        + p("embeddings.token_type_embeddings.weight")[0]
    )
    x = _layer_norm(x, p("embeddings.LayerNorm.weight"), p("embeddings.LayerNorm.bias"))
    out: np.ndarray = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out.astype(np.float32)


def draft_sentences(coach: Coach, text: str) -> list[Any]:
    """A draft's sentences, cut and parsed the way the coach reads them."""
    layout, spans = read(text)
    segments = [layout.text[s:e] for s, e in spans]
    docs = coach.parse(list(dict.fromkeys(segments)))
    return [sent for seg in segments for sent in sentences(docs[seg])]


class Featuriser:
    def __init__(self, static: np.ndarray) -> None:
        self.static = static
        self.tokenizer = get_encoder().tokenizer

    def dense(self, sent: Any) -> np.ndarray:
        ids = self.tokenizer.encode(sent.text)[1:-1]
        if not ids:
            return np.zeros(self.static.shape[1], np.float32)
        out: np.ndarray = self.static[ids].mean(axis=0)
        return out


def sparse_matrix(rows: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    data, cols, ptr = [], [], [0]
    for feats in rows:
        ids = sorted({index[f] for f in feats if f in index})
        cols += ids
        data += [1.0 / math.sqrt(len(ids))] * len(ids) if ids else []
        ptr.append(len(cols))
    return sparse.csr_matrix(
        (np.array(data, np.float32), np.array(cols, np.int64), np.array(ptr, np.int64)),
        shape=(len(rows), len(index)),
    )


def design(
    dense: list[np.ndarray], words: list[list[str]]
) -> tuple[Any, list[str], dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
    """The examples as one matrix: the mean vectors, standardised and scaled, beside the
    word features seen at least MIN_COUNT times; with the vocabulary and the scaling."""
    counts = Counter(f for feats in words for f in set(feats))
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: n for n, f in enumerate(vocab)}
    xd = np.array(dense, np.float64)
    mu, sd = xd.mean(0), xd.std(0) + 1e-6
    x = sparse.hstack(
        [sparse.csr_matrix((xd - mu) / sd / math.sqrt(xd.shape[1])), sparse_matrix(words, index)]
    ).tocsr()
    return x, vocab, index, xd, mu, sd


def fit(x: Any, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic regression, Adam on the weighted, L2-penalised cross-entropy."""
    d = x.shape[1]
    w, b = np.zeros(d), 0.0
    m, v, mb, vb = np.zeros(d), np.zeros(d), 0.0, 0.0
    lr, b1, b2 = 0.05, 0.9, 0.999
    total = weight.sum()
    for t in range(1, STEPS + 1):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weight / total
        gw = np.asarray(x.T @ g).ravel() + L2 * w / total
        gb = float(g.sum())
        m = b1 * m + (1 - b1) * gw
        v = b2 * v + (1 - b2) * gw**2
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb**2
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        b -= lr * (mb / (1 - b1**t)) / (math.sqrt(vb / (1 - b2**t)) + 1e-8)
    return w, b


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--static", type=Path, help="read distilled piece vectors from here")
    args = ap.parse_args()
    if args.static and args.static.exists():
        static = np.load(args.static)
    else:
        static = piece_vectors(get_encoder())
    coach = Coach()
    feat = Featuriser(static)

    # Sentence examples: dense vector, sparse features, per-element label and weight
    # (weight 0: this example says nothing of the element).
    dense, words = [], []
    labels, weights = [], []
    written = sorted(element_sentences.WRITTEN.glob("*.jsonl"))
    for record in load(written):
        # The whole written sentence, read as one, however spaCy would cut it.
        text = read(record["text"])[0].text.strip()
        sent = coach.parse([text])[text][:]
        cues = sentence_cues(sent)
        dense.append(feat.dense(sent))
        words.append(element_sentences.features(sent, cues))
        labels.append([1.0 if e in record["elements"] else 0.0 for e in ELEMENTS])
        weights.append([WRITTEN_WEIGHT] * len(ELEMENTS))
    drafts = load(
        [p for p in element_sentences.training_files() if p.parent != element_sentences.WRITTEN]
    )
    for record in drafts:
        for sent in draft_sentences(coach, record["text"]):
            cues = sentence_cues(sent)
            row_l, row_w = [], []
            for e in ELEMENTS:
                if e in record["missing"]:
                    row_l.append(0.0)
                    row_w.append(1.0)
                elif e in cues:
                    row_l.append(1.0)
                    row_w.append(WEAK)
                else:
                    row_l.append(0.0)
                    row_w.append(0.0)
            if any(row_w):
                dense.append(feat.dense(sent))
                words.append(element_sentences.features(sent, cues))
                labels.append(row_l)
                weights.append(row_w)
    x, vocab, index, xd, mu, sd = design(dense, words)
    y_all, w_all = np.array(labels), np.array(weights)
    print(f"{x.shape[0]} sentence examples, {len(vocab)} word features", file=sys.stderr)

    table = np.zeros((len(static), len(ELEMENTS)), np.float32)
    wsparse = np.zeros((len(vocab), len(ELEMENTS)), np.float32)
    bias = np.zeros(len(ELEMENTS))
    for n, e in enumerate(ELEMENTS):
        keep = w_all[:, n] > 0
        y, wt = y_all[keep, n], w_all[keep, n]
        pos = float((wt * y).sum())
        neg = float((wt * (1 - y)).sum())
        balanced = wt * np.where(y == 1, 0.5 / pos, 0.5 / neg) * len(y)
        w, b = fit(x[keep], y, balanced)
        wd = w[: xd.shape[1]] / math.sqrt(xd.shape[1])
        table[:, n] = static @ (wd / sd)
        bias[n] = b - float((wd / sd) @ mu)
        wsparse[:, n] = w[xd.shape[1] :]
        print(f"{e:15} {int(keep.sum())} examples, {int(y.sum())} telling it", file=sys.stderr)

    model = element_sentences.Model(
        table=table,
        index=index,
        weights=wsparse,
        bias=bias,
        accept=np.full(len(ELEMENTS), 2.0),
        veto=np.zeros(len(ELEMENTS)),
        tokenizer=feat.tokenizer,
    )
    # The tune split: each draft's sentences, their probabilities and cues.
    tune = load(tune_files())
    probs, cue_sets = [], []
    for record in tune:
        sents = draft_sentences(coach, record["text"])
        cues = [sentence_cues(s) for s in sents]
        probs.append(
            np.array([model.probabilities(s, c) for s, c in zip(sents, cues, strict=True)])
            if sents
            else np.zeros((0, len(ELEMENTS)))
        )
        cue_sets.append(cues)
    accept, veto = np.full(len(ELEMENTS), 2.0), np.zeros(len(ELEMENTS))
    for n, e in enumerate(ELEMENTS):
        truth = np.array([e in r["missing"] for r in tune])
        fired = [np.array([e in c for c in cues], bool) for cues in cue_sets]
        cue_missing = np.array([not f.any() for f in fired])
        best: tuple[tuple[float, float, float], float, float] | None = None
        for a in ACCEPT:
            for v in VETO:
                missing = np.array(
                    [
                        not ((p[:, n] >= a) | (f & (p[:, n] >= v))).any() if len(p) else True
                        for p, f in zip(probs, fired, strict=True)
                    ]
                )
                fig = figures(missing, truth)
                if best is None or (fig[2], fig[0]) > (best[0][2], best[0][0]):
                    best = (fig, a, v)
        assert best is not None
        (precision, recall, _), accept[n], veto[n] = best
        cp, cr, _ = figures(cue_missing, truth)
        print(
            f"{e:15} tune ({int(truth.sum())} of {len(tune)} drafts lack it): cues alone "
            f"{cp:.2f} / {cr:.2f}; sentence model (accept {accept[n]}, veto {veto[n]}) "
            f"{precision:.2f} / {recall:.2f} (precision / recall of 'missing')"
        )
    np.savez_compressed(
        element_sentences.WEIGHTS,
        table=table.astype(np.float16),
        features=np.array(vocab),
        weights=wsparse.astype(np.float16),
        bias=bias,
        accept=accept,
        veto=veto,
        thresholds=np.concatenate([accept, veto]),
        digest=np.array(training_digest(element_sentences.training_files())),
    )
    size = element_sentences.WEIGHTS.stat().st_size // 1024
    print(f"wrote {element_sentences.WEIGHTS} ({size} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
