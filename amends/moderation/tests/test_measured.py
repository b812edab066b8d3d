"""Measured figures: kept per set for the weights that ship, pooled for anger and pain,
and written into the model card."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

from amends.moderation import classifier, measured

TABLE = {
    "anger": {"publish": 8, "hold": 2},
    "pain": {"publish": 9, "reject": 1},
    "threat": {"reject": 3, "publish": 1},
}


def test_a_measurement_is_kept_per_set_and_replaced_by_the_next_of_that_set(
    tmp_path: Path,
) -> None:
    path = tmp_path / "measured.json"
    day = datetime.date(2026, 12, 7)
    measured.record("unseen", "corpora/x.jsonl", {"anger": {"publish": 1}}, path, day)
    measured.record("development", "dev.jsonl", TABLE, path, day)
    measured.record("unseen", "corpora/x.jsonl", TABLE, path, day)
    found = measured.current(path)
    assert [m.name for m in found] == ["development", "unseen"]
    model = classifier.get_model()
    assert all(
        (m.version, m.digest, m.date) == (model.version, model.digest, "2026-12-07") for m in found
    )
    assert found[1].categories["threat"] == {
        "count": 4,
        "publish": 0.25,
        "hold": 0.0,
        "reject": 0.75,
    }
    assert found[0].share_held(measured.ANGER_AND_PAIN) == (20, 0.1, 0.05)


def test_figures_of_other_weights_are_not_current(tmp_path: Path) -> None:
    path = tmp_path / "measured.json"
    measured.record("development", "dev.jsonl", TABLE, path)
    rows = json.loads(path.read_text())
    rows[0]["digest"] = "0" * 64
    path.write_text(json.dumps(rows))
    assert measured.load(path) and not measured.current(path)
    assert "Not measured yet" in measured.card_section(path)


def test_the_card_section_is_written_afresh_after_its_marker(tmp_path: Path) -> None:
    path = tmp_path / "measured.json"
    measured.record("development", "dev.jsonl", TABLE, path, datetime.date(2026, 12, 7))
    card = "# Card\n\nfigures\n\n" + measured.CARD_MARKER + "\n\nold figures\n"
    written = measured.with_card_section(card, path)
    assert written.startswith("# Card\n\nfigures\n\n## Measured figures")
    assert "old figures" not in written
    assert "| threat | 0.75 (n=4) |" in written
    assert "of 20 responses of anger and pain, 10% held and 5% rejected" in written
    other = dataclasses.replace(classifier.get_model(), version="other")
    assert "Not measured yet" in measured.with_card_section(card, path, other)
