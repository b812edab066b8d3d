"""How fast the coach is on 800-word drafts, beside Presidio's analyze() alone.

    .venv/bin/python bench/coach_speed.py [--data PATH] [--drafts N] [--repeat R]

Builds 800-word drafts from the paragraphs of a coach data file (the development set by
default), then measures in one process, with the model already loaded:
  - presidio: Presidio's AnalyzerEngine.analyze() as configured out of the box for the same
    spaCy model (all default recognizers, organisations on);
  - full review: the coach's review() with an empty paragraph cache;
  - re-check: review() again after one paragraph of the draft was edited.
Prints medians in milliseconds and the two ratios the issue sets targets for.

--embedding also measures what reading every sentence by meaning would add: embedding each
sentence of the draft with all-MiniLM-L6-v2 (amends/coach/encoder.py), the least a
sentence-embedding path in the coach would cost on a full review, and embedding the
sentences of the edited paragraph, the least it would add to a re-check.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from amends.coach import Coach
from amends.coach.engine import paragraph_spans, segment_spans
from amends.coach.nlp import build_default_analyzer
from amends.coach.patterns import sentences

DEFAULT_DATA = os.path.join(
    os.path.dirname(__file__), "..", "..", "shared", "eval", "coach-dev.jsonl"
)


def drafts_of(records: list[dict[str, Any]], words: int, count: int) -> list[str]:
    paragraphs = [
        text[s:e] for r in records for text in [r["text"]] for s, e in paragraph_spans(text)
    ]
    out: list[str] = []
    i = 0
    while len(out) < count and paragraphs:
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(paragraphs[i % len(paragraphs)])
            i += 1
        out.append("\n\n".join(chosen))
    return out


def edit_one_paragraph(text: str, which: int) -> str:
    spans = paragraph_spans(text)
    s, e = spans[which % len(spans)]
    # A realistic edit: the member rewrites a sentence in the middle of the paragraph.
    paragraph = text[s:e]
    cut = paragraph.find(". ")
    edited = (
        paragraph[: cut + 2] + "I keep rewriting this part. " + paragraph[cut + 2 :]
        if cut > 0
        else paragraph + " I keep rewriting this part."
    )
    return text[:s] + edited + text[e:]


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--drafts", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument(
        "--embedding",
        action="store_true",
        help="also time embedding every sentence (the cost of an embedding path)",
    )
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    drafts = drafts_of(records, args.words, args.drafts)

    presidio = build_default_analyzer()
    coach = Coach()
    # Warm both up so that model loading is not measured (it happens once per process).
    presidio.analyze(text=drafts[0], language="en")
    coach.review(drafts[0])

    t_presidio: list[float] = []
    t_full: list[float] = []
    t_edit: list[float] = []
    redone: list[int] = []
    for _ in range(args.repeat):
        for n, draft in enumerate(drafts):
            t_presidio.append(timed(functools.partial(presidio.analyze, text=draft, language="en")))
            coach._cache.clear()
            t_full.append(timed(functools.partial(coach.review, draft)))
            edited = edit_one_paragraph(draft, n + 3)
            before = coach.analysed_segments
            t_edit.append(timed(functools.partial(coach.review, edited)))
            redone.append(coach.analysed_segments - before)
    segments = statistics.mean(len(segment_spans(d)) for d in drafts)
    words = statistics.mean(len(d.split()) for d in drafts)
    paragraphs = statistics.mean(len(paragraph_spans(d)) for d in drafts)
    p, f, e = (statistics.median(t) for t in (t_presidio, t_full, t_edit))
    print(
        f"{len(drafts)} drafts x {args.repeat}, {words:.0f} words and {paragraphs:.1f} "
        f"paragraphs ({segments:.1f} cached segments) on average; median milliseconds per draft"
    )
    print(f"  (an edit re-analysed {statistics.mean(redone):.1f} segments on average)")
    print(f"  presidio analyze() alone      {p:8.1f}")
    print(f"  coach full review             {f:8.1f}   ({p / f:.2f}x faster than presidio)")
    print(f"  coach after one-paragraph edit{e:8.1f}   ({f / e:.1f}x faster than a full review)")
    ok = f < p and f / e >= 10
    print(
        f"targets: full review faster than presidio, re-check >= 10x faster: "
        f"{'met' if ok else 'MISSED'}"
    )
    if args.embedding:
        embedding(drafts, p, f, e)
    return 0 if ok else 1


def _encode_all(encoder: Any, texts: list[str]) -> None:
    for text in texts:
        encoder.encode(text)


def embedding(drafts: list[str], presidio: float, full: float, edit: float) -> None:
    """What embedding each sentence adds to a review and to a re-check, in the same run."""
    from amends.coach.encoder import get_encoder
    from amends.coach.nlp import get_nlp

    encoder, nlp = get_encoder(), get_nlp()
    encoder.encode("Warm up.")
    t_all: list[float] = []
    t_para: list[float] = []
    counts: list[int] = []
    for n, draft in enumerate(drafts):
        said = [s.text for s in sentences(nlp(draft))]
        counts.append(len(said))
        t_all.append(timed(functools.partial(_encode_all, encoder, said)))
        spans = paragraph_spans(draft)
        s, e = spans[(n + 3) % len(spans)]
        para = [x.text for x in sentences(nlp(draft[s:e]))]
        t_para.append(timed(functools.partial(_encode_all, encoder, para)))
    a, b = statistics.median(t_all), statistics.median(t_para)
    print(
        f"embedding every sentence ({statistics.mean(counts):.0f} per draft) with "
        f"all-MiniLM-L6-v2: median {a:.1f} ms per draft, {b:.1f} ms per edited paragraph"
    )
    print(
        f"  a full review with it          {full + a:8.1f}   "
        f"({presidio / (full + a):.2f}x faster than presidio)"
    )
    print(
        f"  a re-check with it             {edit + b:8.1f}   "
        f"({(full + a) / (edit + b):.1f}x faster than a full review with it)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
