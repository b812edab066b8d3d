"""The corpora are listed in their manifest, with roles, counts and digests that hold."""

from __future__ import annotations

from amends.coach import classifier, detail_model
from amends.coach.corpora import CORPORA, ROLES, entries, read_manifest


def test_the_manifest_lists_every_corpus_file_with_its_count_and_digest() -> None:
    listed = read_manifest()
    on_disk = {entry[0]: entry for entry in entries()}
    assert set(listed) == set(on_disk), (
        "corpora/coach changed: run scripts/corpora_manifest.py and commit MANIFEST.tsv"
    )
    for path, entry in on_disk.items():
        assert listed[path] == entry, f"{path} changed: run scripts/corpora_manifest.py"


def test_every_file_has_the_role_of_its_folder() -> None:
    for path, role, records, _ in read_manifest().values():
        assert role in ROLES and path.split("/")[0] == role
        assert records > 0, path


def test_the_models_learn_only_from_files_whose_role_is_train() -> None:
    roles = {path: role for path, role, _, _ in read_manifest().values()}
    for path in [*classifier.training_files(), *detail_model.training_files()]:
        assert roles[path.relative_to(CORPORA).as_posix()] == "train", path
