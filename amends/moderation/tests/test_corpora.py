"""The moderation corpora are listed in their manifest, and the classifier learns only
from files whose role is train (and chooses thresholds only on tune)."""

from __future__ import annotations

import json

from amends.coach.corpora import ROLES, entries, read_manifest
from amends.moderation.training import CORPORA, MANIFEST, data_files


def test_the_manifest_lists_every_moderation_file_with_its_count_and_digest() -> None:
    listed = read_manifest(MANIFEST)
    on_disk = {entry[0]: entry for entry in entries(CORPORA)}
    assert set(listed) == set(on_disk), (
        "corpora/moderation changed: run scripts/corpora_manifest.py and commit MANIFEST.tsv"
    )
    for path, entry in on_disk.items():
        assert listed[path] == entry, f"{path} changed: run scripts/corpora_manifest.py"


def test_training_and_tuning_read_only_their_own_folders() -> None:
    roles = {path: role for path, role, _, _ in read_manifest(MANIFEST).values()}
    assert set(roles.values()) <= set(ROLES)
    for split in ("train", "tune"):
        for path in data_files(split):
            assert roles[path.relative_to(CORPORA).as_posix()] == split, path
    assert any(role == "test" for role in roles.values())


def test_no_unseen_response_is_trained_or_tuned_on() -> None:
    def texts(split: str) -> set[str]:
        out = set()
        for path in sorted((CORPORA / split).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.add(" ".join(json.loads(line)["text"].lower().split()))
        return out

    unseen = texts("test")
    assert unseen
    assert not unseen & (texts("train") | texts("tune"))
