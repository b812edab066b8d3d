"""Typed readers for settings taken from the environment.

Each helper refuses a value it does not understand instead of guessing: a typo in a
deployment ("Flase", "8O") must stop the process at start-up, not quietly turn a
security setting off.
"""

from __future__ import annotations

import os
from pathlib import Path


class ImproperSetting(ValueError):
    """An environment variable holds a value Amends cannot use."""


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw in ("True", "true", "1"):
        return True
    if raw in ("False", "false", "0"):
        return False
    raise ImproperSetting(f"{name} must be True or False, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperSetting(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperSetting(f"{name} must be at least {minimum}, not {value}")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        raise ImproperSetting(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw) if raw else default


def secret_from_env_or_file(name: str) -> str | None:
    """Read a secret from NAME, or from the file named by NAME_FILE.

    A file keeps the secret out of the process environment, which other tools
    (error reporters, `ps e`) sometimes show.
    """
    value = os.environ.get(name)
    path = os.environ.get(f"{name}_FILE")
    if value and path:
        raise ImproperSetting(f"set {name} or {name}_FILE, not both")
    if path:
        try:
            value = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperSetting(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None
        if not value:
            raise ImproperSetting(f"{name}_FILE: {path} is empty")
    return value or None
