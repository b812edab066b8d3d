"""Train the coach's detail model from the labelled drafts in corpora/coach/train/drafts.

    .venv/bin/python scripts/train_detail_model.py             # train, write the weights
    .venv/bin/python scripts/train_detail_model.py --folds 5   # first estimate, by set

Every word the model reads (`Words.candidates`: content words no rule covers) is a
training row: its features (`detail_model.token_features`, with the rules' findings
around it as features) and the kind of the labelled detail it belongs to, or "none".
Words inside `optional` spans are left out: they may go either way. The
tuning sets (corpora/coach/tune/drafts: A, B, Y, D1 to D3) are never trained on; the
thresholds were chosen on them, and the figures on them are printed. The test sets are
never read. `--folds` estimates what the model adds on drafts it never saw, leaving whole sets
out, and reports detail recall and precision of the coach with and without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_coach import build, encode, fit  # noqa: E402

from amends.coach import classifier, detail_model  # noqa: E402
from amends.coach.details import Candidate  # noqa: E402
from amends.coach.engine import Coach, SegmentResult, assemble, segment_spans  # noqa: E402

_KIND = {k: k for k in detail_model.KINDS} | {"contact": "name"}


class Segment:
    """One segment of a draft as the coach reads it, with its words' labels."""

    def __init__(
        self,
        offset: int,
        doc: Any,
        rules: list[Candidate],
        feats: list[list[str]],
        labels: list[int],
        weights: list[float],
    ) -> None:
        self.offset, self.doc, self.rules = offset, doc, rules
        self.text: str = doc.text
        self.feats, self.labels, self.weights = feats, labels, weights


def read(paths: list[Path], coach: Coach) -> dict[str, list[tuple[dict[str, Any], list[Segment]]]]:
    out: dict[str, list[tuple[dict[str, Any], list[Segment]]]] = {}
    for path in paths:
        records = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        drafts = []
        for record in records:
            text = record["text"]
            spans = segment_spans(text)
            docs = coach.parse([text[s:e] for s, e in spans])
            segments = []
            for start, end in spans:
                doc = docs[text[start:end]]
                rules = coach.rule_candidates(text[start:end], doc)
                words = detail_model.Words(doc, text[start:end])
                kinds = words.rule_kinds([(c.start, c.end, c.kind) for c in rules])
                which = words.candidates(kinds)
                labels, weights = [], []
                for i in which:
                    a = start + words.idx[i]
                    b = a + len(words.text[i])
                    label = next(
                        (
                            _KIND[d["kind"]]
                            for d in record["details"]
                            if d["start"] < b and a < d["end"]
                        ),
                        detail_model.NONE,
                    )
                    optional = any(
                        o["start"] < b and a < o["end"] for o in record.get("optional", [])
                    )
                    labels.append(detail_model.CLASSES.index(label))
                    weights.append(0.0 if optional and label == detail_model.NONE else 1.0)
                segments.append(
                    Segment(
                        start,
                        doc,
                        rules,
                        detail_model.token_features(words, kinds, which),
                        labels,
                        weights,
                    )
                )
            drafts.append((record, segments))
        out[path.name] = drafts
    return out


def train(
    drafts: list[tuple[dict[str, Any], list[Segment]]], args: argparse.Namespace
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    rows = [
        (f, y, w)
        for _, segs in drafts
        for s in segs
        for f, y, w in zip(s.feats, s.labels, s.weights, strict=True)
        if w > 0
    ]
    feats = [f for f, _, _ in rows]
    y = np.array([label for _, label, _ in rows])
    index = build(feats, args.min_count)
    w, b = fit(
        encode(feats, index),
        y,
        len(detail_model.CLASSES),
        l2=args.l2,
        steps=args.steps,
        rate=args.rate,
        none_weight=args.none_weight,
    )
    return index, w, b


def score(
    drafts: list[tuple[dict[str, Any], list[Segment]]], model: detail_model.Model | None
) -> tuple[int, int, int, int]:
    """(found, labelled, right, flagged) for the coach's detail findings, counted as the
    reference scorer counts them."""
    found = labelled = right = flagged = 0
    for record, segments in drafts:
        text = record["text"]
        parts = []
        for seg in segments:
            cands = list(seg.rules)
            if model is not None:
                spans = model.spans(seg.doc, seg.text, [(c.start, c.end, c.kind) for c in cands])
                cands += [Candidate(s, e, k, detail_model.SOURCE) for s, e, k in spans]
            parts.append((seg.offset, SegmentResult(tuple(cands), (), frozenset(), 0)))
        findings = [f for f in assemble(text, parts, ()).findings if f.family == "detail"]
        marks = record["details"] + record.get("optional", [])
        for d in record["details"]:
            labelled += 1
            found += any(f.start < d["end"] and d["start"] < f.end for f in findings)
        for f in findings:
            flagged += 1
            right += any(f.start < m["end"] and m["start"] < f.end for m in marks)
    return found, labelled, right, flagged


def _figures(counts: tuple[int, int, int, int]) -> str:
    found, labelled, right, flagged = counts
    return f"recall {found / max(labelled, 1):.3f} precision {right / max(flagged, 1):.3f}"


def _model(
    index: dict[str, int], w: np.ndarray, b: np.ndarray, threshold: float, single: float = 0.0
) -> detail_model.Model:
    return detail_model.Model(
        index=index,
        weights=w.astype(np.float32),
        bias=b.astype(np.float32),
        threshold=threshold,
        digest="",
        single=single,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=0)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--none-weight", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.13)
    parser.add_argument("--single", type=float, default=0.25)
    parser.add_argument("--thresholds", default="0.1,0.13,0.15,0.2")
    parser.add_argument("--out", type=Path, default=detail_model.WEIGHTS)
    args = parser.parse_args()

    coach = Coach()
    paths = detail_model.training_files()
    sets = read(paths, coach)
    held = read(sorted(detail_model.TUNING.glob("coach-*.jsonl")), coach)
    words = Counter(
        detail_model.CLASSES[y]
        for d in sets.values()
        for _, segs in d
        for s in segs
        for y, w in zip(s.labels, s.weights, strict=True)
        if w
    )
    print(
        f"{sum(words.values())} words from {len(paths)} files:",
        ", ".join(f"{k} {c}" for k, c in sorted(words.items())),
    )
    thresholds = [float(t) for t in args.thresholds.split(",")]

    if args.folds:
        names = sorted(sets)
        totals = {t: np.zeros(4, dtype=int) for t in [0.0, *thresholds]}
        for fold in range(args.folds):
            test = [n for k, n in enumerate(names) if k % args.folds == fold]
            index, w, b = train([d for n in names if n not in test for d in sets[n]], args)
            drafts = [d for n in test for d in sets[n]]
            totals[0.0] += score(drafts, None)
            for t in thresholds:
                totals[t] += score(drafts, _model(index, w, b, t, args.single))
        print(f"left-out sets, rules alone: {_figures(tuple(totals[0.0]))}")
        for t in thresholds:
            print(f"left-out sets, with the model at {t:.2f}: {_figures(tuple(totals[t]))}")

    index, w, b = train([d for n in sorted(sets) for d in sets[n]], args)
    drafts = [d for n in sorted(held) for d in held[n]]
    print(f"held-out sets, rules alone: {_figures(score(drafts, None))}")
    for t in thresholds:
        print(
            f"held-out sets, with the model at {t:.2f} (one word {args.single:.2f}): "
            f"{_figures(score(drafts, _model(index, w, b, t, args.single)))}"
        )
    names = sorted(index, key=index.__getitem__)
    np.savez_compressed(
        args.out,
        classes=np.array(detail_model.CLASSES),
        features=np.array(names),
        weights=w.astype(np.float16),
        bias=b.astype(np.float32),
        threshold=np.float32(args.threshold),
        single=np.float32(args.single),
        digest=np.array(classifier.training_digest(paths)),
    )
    print(f"wrote {args.out} ({len(names)} features, {args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
