"""Write corpora/coach/MANIFEST.tsv and corpora/moderation/MANIFEST.tsv: every corpus file,
its role, its count and its digest.

    .venv/bin/python scripts/corpora_manifest.py

The role is the folder a file sits in (train, tune or test); the count is its records
(non-empty lines); the digest is the SHA-256 of its bytes. A test checks the manifest
against the files, and each model card against the manifest, so a corpus cannot change
without the change showing in review.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amends.coach.corpora import MANIFEST, entries, render
from amends.moderation import training


def main() -> int:
    MANIFEST.write_text(render(entries()), encoding="utf-8")
    print(f"wrote {MANIFEST}", file=sys.stderr)
    training.MANIFEST.write_text(render(entries(training.CORPORA)), encoding="utf-8")
    print(f"wrote {training.MANIFEST}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
