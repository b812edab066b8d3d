"""Check new moderation responses against the texts they must not copy or paraphrase.

    .venv/bin/python scripts/check_moderation_set.py NEW.jsonl [NEW.jsonl ...]
        [--against FILE.jsonl ...]

Each new response is compared with every response of the `--against` files (by default the
shared development set) in two ways: the word-triple similarity the repeat step uses
(amends/moderation/pipeline.similarity) and the cosine of their sentence embeddings
(amends/coach/encoder.py). A pair at or above either threshold is printed for a person to
read: a shared form ("a fact and a question") is allowed, a shared wording is not. Exit 1
when a new response is the same text as one it is checked against, or is at or above the
word-triple threshold.

Pass the files to check against by name: a reserved unseen set is never read by this
script unless someone names it, and it must not be named before its scoring.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from amends.coach.encoder import embed  # noqa: E402
from amends.moderation.pipeline import similarity  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "comments-dev.jsonl"
# Word triples shared this much are shared wording, whatever the topic.
TRIPLES_AT = 0.3
# Embeddings this close say the same thing; read the pair.
COSINE_AT = 0.8


def texts(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", nargs="+", type=Path)
    parser.add_argument("--against", nargs="*", type=Path, default=[DEV])
    args = parser.parse_args()
    old = [(str(path), text) for path in args.against for text in texts(path)]
    old_vectors = np.stack([embed(text) for _, text in old])
    failed = False
    for path in args.new:
        for text in texts(path):
            cosines = old_vectors @ embed(text)
            for (source, other), cosine in zip(old, cosines, strict=True):
                triples = similarity(text, other)
                if text.strip().casefold() == other.strip().casefold() or triples >= TRIPLES_AT:
                    failed = True
                elif cosine < COSINE_AT:
                    continue
                print(
                    f"{path.name} ~ {Path(source).name} (triples {triples:.2f}, cosine {cosine:.2f})"
                )
                print(f"  new: {text}")
                print(f"  old: {other}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
