from __future__ import annotations

import json

import pytest

from amends.coach import Coach, get_coach
from amends.coach.cli import main

PARAGRAPHS = [
    "In March 2021 I was the assistant coach at Brookfield Rovers.",
    "Imani was seventeen. I messaged her late at night after she asked me to stop.",
    "I am sorry, Imani. It was my choice and it is on me.",
]


def test_it_reanalyses_only_the_edited_paragraph() -> None:
    coach = Coach()
    text = "\n\n".join(PARAGRAPHS)
    coach.review(text)
    before = coach.analysed_segments
    edited = text.replace("late at night", "most nights")
    review = coach.review(edited)
    assert coach.analysed_segments - before == 1
    for f in review.findings:
        if f.start is not None and f.end is not None:
            assert edited[f.start : f.end] == f.text


def test_finding_keys_survive_an_edit_elsewhere(coach: Coach) -> None:
    text = "\n\n".join(PARAGRAPHS)
    first = {f.key for f in coach.review(text).findings if f.text == "Brookfield Rovers"}
    moved = "A new opening paragraph.\n\n" + text
    second = {f.key for f in coach.review(moved).findings if f.text == "Brookfield Rovers"}
    assert first and first == second


def test_a_review_is_json_serialisable(coach: Coach) -> None:
    data = json.loads(json.dumps(coach.review("\n\n".join(PARAGRAPHS)).to_dict()))
    assert data["risk"] in {"low", "medium", "high"}
    assert {"family", "kind", "start", "end", "reason", "suggestion", "whose", "key"} <= set(
        data["findings"][0]
    )


def test_get_coach_returns_one_coach_per_process() -> None:
    assert get_coach() is get_coach()


def test_the_cli_prints_one_json_object(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    assert main(["--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(f["family"] == "detail" and f["kind"] == "age" for f in data["findings"])


def test_the_cli_prints_one_line_per_jsonl_record(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "drafts.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "text": p}) for i, p in enumerate(PARAGRAPHS)),
        encoding="utf-8",
    )
    assert main(["--json", "--jsonl", str(path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["d0", "d1", "d2"]


def test_the_cli_prints_readable_text(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(PARAGRAPHS[0], encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "Identifying details" in out and "Suggestion:" in out and "Risk:" in out


def test_no_word_a_member_invented_is_remembered_after_a_review(coach: Coach) -> None:
    from amends.coach import nlp

    coach.review("me and quorvelle went back to the flat, and quorvelle told me to stop.")
    assert not [key for key in nlp._LEMMAS if "quorvelle" in key[0]]
