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


# The layers (STYLE.md): an app may import only apps of a lower layer. Plain-Python
# libraries (the coach, moderation) sit under the apps that use them. `testing` is
# the test support package and may use everything. A new app must be given a layer
# here: the test below fails until it is.
LAYERS: dict[str, int] = {
    "core": 0,
    "coach": 0,
    "support": 0,
    "vault": 1,
    "moderation": 1,
    "members": 2,
    "institutions": 3,
    "coaching": 4,
    "library": 4,
    "reflections": 5,
    "statements": 5,
    "impact": 5,
    "responses": 5,
    "cases": 6,
    "insights": 7,
    "testing": 99,
}


def _app_imports() -> dict[str, dict[str, list[str]]]:
    """{app: {imported app: [where, …]}} from the AST of every module outside tests."""
    import ast

    apps = {p.name for p in APPS.iterdir() if (p / "__init__.py").exists()}
    edges: dict[str, dict[str, list[str]]] = {app: {} for app in apps}
    for path in APPS.rglob("*.py"):
        parts = path.relative_to(APPS).parts
        if len(parts) < 2 or parts[0] not in apps or "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                bits = module.split(".")
                if (
                    len(bits) > 1
                    and bits[0] == "amends"
                    and bits[1] in apps
                    and bits[1] != parts[0]
                ):
                    where = f"{path.relative_to(APPS)}:{node.lineno}"
                    edges[parts[0]].setdefault(bits[1], []).append(where)
    return edges


def test_every_app_has_a_layer() -> None:
    edges = _app_imports()
    assert sorted(set(edges) - set(LAYERS)) == []


def test_apps_import_only_downward() -> None:
    upward = [
        f"{app} (layer {LAYERS[app]}) imports {target} (layer {LAYERS[target]}) at {', '.join(where)}"
        for app, targets in sorted(_app_imports().items())
        for target, where in sorted(targets.items())
        if app in LAYERS and target in LAYERS and LAYERS[target] >= LAYERS[app]
    ]
    assert upward == [], "\n".join(upward)


def test_no_app_imports_form_a_cycle() -> None:
    edges = {app: set(targets) for app, targets in _app_imports().items()}
    cycles = []

    def visit(app: str, path: list[str]) -> None:
        for target in sorted(edges.get(app, ())):
            if target in path:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif len(path) < len(edges):
                visit(target, [*path, target])

    for app in sorted(edges):
        visit(app, [app])
    assert cycles == [], "\n".join(sorted(set(cycles)))
