"""End-to-end figures on three fictional drafts written for these tests (same schema as
shared/eval/coach-dev.jsonl): a regression guard, not a measure of unseen text."""

from __future__ import annotations

import json
import pathlib

from amends.coach import Coach

DRAFTS = pathlib.Path(__file__).parent / "data" / "drafts.jsonl"


def _overlaps(f_start: int | None, f_end: int | None, span: dict[str, int]) -> bool:
    return f_start is not None and f_end is not None and f_start < span["end"] and span[
        "start"] < f_end


def _recall(coach: Coach, family: str, key: str) -> float:
    found = labelled = 0
    for line in DRAFTS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        findings = coach.review(record["text"]).of_family(family)
        for span in record[key]:
            labelled += 1
            found += any(_overlaps(f.start, f.end, span) for f in findings)
    return found / labelled


def test_it_finds_the_identifying_details_in_the_test_drafts(coach: Coach) -> None:
    assert _recall(coach, "detail", "details") >= 0.95


def test_it_finds_the_failure_patterns_in_the_test_drafts(coach: Coach) -> None:
    assert _recall(coach, "pattern", "patterns") >= 0.9


def test_it_leaves_a_sound_statement_without_patterns(coach: Coach) -> None:
    sound = [json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines()][-1]
    assert coach.review(sound["text"]).of_family("pattern") == []
