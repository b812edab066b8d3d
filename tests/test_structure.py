"""Rules of the codebase's shape that protect members (STYLE.md)."""

from __future__ import annotations

import re
from pathlib import Path

import amends

APPS = Path(amends.__file__).parent


def test_views_fetch_nothing_directly_only_through_access_helpers() -> None:
    """A view that queries a model itself can skip the check of who may see it."""
    offenders = []
    for views in APPS.glob("*/views.py"):
        for number, line in enumerate(views.read_text().splitlines(), start=1):
            if re.search(r"\.objects\.|get_object_or_404|\.filter\(|\.get\(pk", line):
                offenders.append(f"{views.relative_to(APPS)}:{number}: {line.strip()}")
    assert offenders == []


def test_views_write_nothing_directly_only_through_actions() -> None:
    offenders = []
    for views in APPS.glob("*/views.py"):
        for number, line in enumerate(views.read_text().splitlines(), start=1):
            if re.search(r"\.save\(|\.delete\(|\.create\(|\.update\(", line):
                offenders.append(f"{views.relative_to(APPS)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_coach_package_does_not_import_django() -> None:
    for module in (APPS / "coach").rglob("*.py"):
        if "tests" in module.parts:
            continue
        assert not re.search(r"^\s*(from|import) django", module.read_text(), re.M), module


def test_the_vaults_cryptography_does_not_import_django() -> None:
    source = (APPS / "vault" / "crypto.py").read_text()
    assert not re.search(r"^\s*(from|import) django", source, re.M)
