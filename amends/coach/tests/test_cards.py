"""Each shipped model carries a card that agrees with its weights and the corpora's manifest,
and missing weights stop the coach with a message that says what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from amends.coach import (
    classifier,
    detail_model,
    element_sentences,
    elements_model,
    pattern_sentences,
)
from amends.coach.cards import MissingWeights, read_card
from amends.coach.corpora import CORPORA, read_manifest

MODELS = [
    (classifier.WEIGHTS, classifier.training_files),
    (detail_model.WEIGHTS, detail_model.training_files),
    (elements_model.WEIGHTS, elements_model.training_files),
    (element_sentences.WEIGHTS, element_sentences.training_files),
    (pattern_sentences.WEIGHTS, pattern_sentences.training_files),
]


@pytest.mark.parametrize(
    "weights, training_files",
    MODELS,
    ids=["patterns", "details", "elements", "element sentences", "pattern sentences"],
)
def test_the_card_names_the_data_the_weights_were_trained_on(
    weights: Path, training_files: Callable[[], list[Path]]
) -> None:
    card = read_card(weights)
    with np.load(weights, allow_pickle=False) as data:
        assert card["data_digest"] == str(data["digest"])
        for n, (key, value) in enumerate(card["thresholds"].items()):
            # One array of thresholds (per element) or one named value per threshold.
            stored = data[key] if key in data.files else data["thresholds"][n]
            assert value == pytest.approx(float(stored), abs=1e-4), key
    assert card["data_digest"] == classifier.training_digest(training_files())
    manifest = read_manifest()
    train = card["split"]["train"]
    assert [f["path"] for f in train] == [
        p.relative_to(CORPORA).as_posix() for p in training_files()
    ]
    for f in train:
        assert manifest[f["path"]][1:] == ("train", f["records"], f["sha256"]), f["path"]
    for role in ("tune", "test"):
        for path in card["split"][role]:
            assert manifest[path][1] == role, path
    assert card["figures"], "a card states the figures measured with its weights"


def test_missing_detail_weights_stop_the_coach_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(detail_model, "WEIGHTS", tmp_path / "detail_model.npz")
    # The model is loaded once per process; an earlier test may have loaded it already.
    detail_model.get_model.cache_clear()
    try:
        with pytest.raises(
            MissingWeights, match=r"detail_model\.npz are missing.*train_detail_model"
        ):
            detail_model.get_model()
    finally:
        detail_model.get_model.cache_clear()


@pytest.mark.parametrize(
    "module, name, script",
    [
        (classifier, "pattern_model", "train_coach"),
        (elements_model, "element_model", "train_element_model"),
        (element_sentences, "element_sentences", "train_element_sentences"),
        (pattern_sentences, "pattern_sentences", "train_pattern_sentences"),
    ],
    ids=["patterns", "elements", "element sentences", "pattern sentences"],
)
def test_missing_weights_stop_the_coach_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: Any, name: str, script: str
) -> None:
    monkeypatch.setattr(module, "WEIGHTS", tmp_path / f"{name}.npz")
    monkeypatch.setattr(module, "_model", None)
    with pytest.raises(MissingWeights, match=rf"{name}\.npz are missing.*{script}\.py"):
        module.get_model()
