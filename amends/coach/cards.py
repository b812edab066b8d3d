"""The shipped models' weights and their cards.

Each model the coach ships (`pattern_model.npz`, `detail_model.npz`) carries a card beside
it (`<name>.card.json`): the digest of the data it was trained on and each file's SHA-256
(as corpora/coach/MANIFEST.tsv lists them), the split by role, its thresholds and its
measured figures. `scripts/model_cards.py` writes the cards; a test checks them against
the weights and the manifest.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class MissingWeights(RuntimeError):
    """A shipped model's weights are not where the coach expects them."""


def require_weights(path: Path, script: str) -> Path:
    """`path`, or a clear error: without its weights the coach would quietly lose most of
    what it finds, and nobody would notice until the figures fell."""
    if not path.exists():
        raise MissingWeights(
            f"The coach's trained weights {path.name} are missing from {path.parent}. "
            f"Reinstall Amends, or train them with `.venv/bin/python {script}`."
        )
    return path


def card_path(weights: Path) -> Path:
    return weights.with_name(weights.stem + ".card.json")


def read_card(weights: Path) -> dict[str, Any]:
    with card_path(weights).open(encoding="utf-8") as f:
        card: dict[str, Any] = json.load(f)
    return card
