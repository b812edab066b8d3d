"""Write the card beside each model the coach ships (amends/coach/<model>.card.json).

    .venv/bin/python scripts/model_cards.py

A card says what the weights were trained on (the data digest stored in the weights, and
each training file with its SHA-256 from corpora/coach/MANIFEST.tsv), the split (which
files trained it, which it was tuned on, which tested it), its thresholds (read from the
weights) and its figures. The figures are measured, not computed here: they are kept from
the card as it stands, and changed by hand with the measurement that gave them (the
commands are in docs/coach.md). Run this after retraining and after
scripts/corpora_manifest.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amends.coach import (
    classifier,
    detail_model,
    element_sentences,
    elements_model,
    pattern_sentences,
)
from amends.coach.cards import card_path
from amends.coach.corpora import CORPORA, read_manifest

# The tune split the element models' thresholds are chosen on: the held-out fictional
# drafts and the real-genre tune sets.
ELEMENT_TUNE = [
    f"tune/drafts/coach-heldout-{s}.jsonl" for s in ("a", "b", "d1", "d2", "d3", "y")
] + [
    f"tune/genre-{g}-b.jsonl"
    for g in ("bulleted", "essay", "letter", "nonnative", "press", "thread", "transcript")
]
MODELS: dict[str, dict[str, Any]] = {
    "pattern_model.npz": {
        "what": "the failure-pattern sentence classifier (amends/coach/classifier.py)",
        "trained_by": "scripts/train_coach.py",
        "files": classifier.training_files,
        "tune": ["tune/drafts/coach-heldout-a.jsonl", "tune/drafts/coach-heldout-b.jsonl"],
        "thresholds": ("threshold", "veto"),
    },
    "detail_model.npz": {
        "what": "the identifying-detail word model (amends/coach/detail_model.py)",
        "trained_by": "scripts/train_detail_model.py",
        "files": detail_model.training_files,
        "tune": [f"tune/drafts/coach-heldout-{s}.jsonl" for s in ("a", "b", "y", "d1", "d2", "d3")],
        "thresholds": ("threshold", "single"),
    },
    "element_model.npz": {
        "what": "the six elements read by meaning (amends/coach/elements_model.py)",
        "trained_by": "scripts/train_element_model.py",
        "files": elements_model.training_files,
        "tune": ELEMENT_TUNE,
        "thresholds": {f"{e}": n for n, e in enumerate(elements_model.ELEMENTS)},
    },
    "element_sentences.npz": {
        "what": "the six elements read sentence by sentence (amends/coach/element_sentences.py)",
        "trained_by": "scripts/train_element_sentences.py",
        "files": element_sentences.training_files,
        "tune": ELEMENT_TUNE,
        "thresholds": {
            **{f"{e} accept": n for n, e in enumerate(element_sentences.ELEMENTS)},
            **{f"{e} veto": 6 + n for n, e in enumerate(element_sentences.ELEMENTS)},
        },
    },
    "pattern_sentences.npz": {
        "what": "the second reading of pattern sentences (amends/coach/pattern_sentences.py)",
        "trained_by": "scripts/train_pattern_sentences.py",
        "files": pattern_sentences.training_files,
        "tune": ELEMENT_TUNE,
        "thresholds": ("withdraw",),
    },
}
TEST = [f"test/drafts/coach-heldout-d{n}.jsonl" for n in (4, 5, 6)]


def card(name: str, spec: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    weights = Path(classifier.WEIGHTS).with_name(name)
    manifest = read_manifest()
    with np.load(weights, allow_pickle=False) as data:
        digest = str(data["digest"])
        if isinstance(spec["thresholds"], dict):  # one threshold per element, in one array
            thresholds = {
                key: round(float(data["thresholds"][n]), 4) for key, n in spec["thresholds"].items()
            }
        else:
            thresholds = {key: round(float(data[key]), 4) for key in spec["thresholds"]}
    train = [p.relative_to(CORPORA).as_posix() for p in spec["files"]()]
    return {
        "model": name,
        "what": spec["what"],
        "trained_by": spec["trained_by"],
        "data_digest": digest,
        "split": {
            "train": [
                {"path": p, "sha256": manifest[p][3], "records": manifest[p][2]} for p in train
            ],
            "tune": spec["tune"],
            "test": TEST,
        },
        "thresholds": thresholds,
        "figures": old.get("figures", {}),
    }


def main() -> int:
    for name, spec in MODELS.items():
        path = card_path(Path(classifier.WEIGHTS).with_name(name))
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        path.write_text(
            json.dumps(card(name, spec, old), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
