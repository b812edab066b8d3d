"""Where the coach's corpora live, and their manifest.

The labelled drafts and sentences the coach's models learn from, are tuned on and are
tested on are not runtime code: they live in corpora/coach/ at the project's root, one
folder per role (train, tune, test), listed in corpora/coach/MANIFEST.tsv with their
record counts and SHA-256 digests (`scripts/corpora_manifest.py` writes it). Files are
hashed and counted here, never read as text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "coach"
MANIFEST = CORPORA / "MANIFEST.tsv"
ROLES = ("train", "tune", "test")
HEADER = "path\trole\trecords\tsha256"

Entry = tuple[str, str, int, str]  # path under corpora/coach, role, records, sha256


def entries(root: Path = CORPORA) -> list[Entry]:
    """Every corpus file as it is on disk, by role then path (the moderation corpora,
    laid out the same way, pass their own root)."""
    out = []
    for role in ROLES:
        for path in sorted((root / role).rglob("*.jsonl")):
            data = path.read_bytes()
            records = sum(1 for line in data.splitlines() if line.strip())
            out.append(
                (path.relative_to(root).as_posix(), role, records, hashlib.sha256(data).hexdigest())
            )
    return out


def render(rows: list[Entry]) -> str:
    return "\n".join([HEADER, *("\t".join(map(str, row)) for row in rows)]) + "\n"


def read_manifest(manifest: Path = MANIFEST) -> dict[str, Entry]:
    """The manifest as committed, by path."""
    lines = manifest.read_text(encoding="utf-8").splitlines()
    if lines[0] != HEADER:
        raise ValueError(f"{manifest}: the first line must be {HEADER!r}")
    out = {}
    for line in lines[1:]:
        path, role, records, digest = line.split("\t")
        out[path] = (path, role, int(records), digest)
    return out
