"""Turn labelled drafts into training sentences for the pattern classifier.

    .venv/bin/python scripts/draft_sentences.py corpora/coach/train/drafts/coach-heldout-p.jsonl \\
        > corpora/coach/train/sentences/drafts-p.jsonl

Each sentence of each draft (as the coach cuts and parses it) becomes one line
{"text": ..., "kind": ...}: the kind of the labelled pattern span it shares most
characters with, or "none" when it shares none.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amends.coach.engine import Coach, segment_spans


def sentences_of(record: dict[str, Any], coach: Coach) -> list[tuple[str, str]]:
    text = record["text"]
    spans = segment_spans(text)
    docs = coach.parse([text[s:e] for s, e in spans])
    out = []
    for start, end in spans:
        for sent in docs[text[start:end]].sents:
            a, b = start + sent.start_char, start + sent.end_char
            overlap: dict[str, int] = {}
            for p in record["patterns"]:
                shared = min(b, p["end"]) - max(a, p["start"])
                if shared > 0:
                    overlap[p["kind"]] = max(overlap.get(p["kind"], 0), shared)
            kind = max(overlap, key=overlap.__getitem__) if overlap else "none"
            sentence = text[a:b].strip()
            if sum(ch.isalpha() for ch in sentence) >= 3:
                out.append((sentence, kind))
    return out


def main() -> int:
    coach = Coach()
    for path in sys.argv[1:]:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                for sentence, kind in sentences_of(json.loads(line), coach):
                    print(json.dumps({"text": sentence, "kind": kind}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
