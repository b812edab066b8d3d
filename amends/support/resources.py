"""Support resources as data: an operator lists their own in a TOML file.

Amends runs in many places, and the right therapist, group or crisis line depends on
where a person is. So the list is not code: the operator points AMENDS_SUPPORT_FILE
at their own file. The file shipped with Amends holds fictional demo entries, each
marked `fictional = true`, which the page labels as such.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Who each group of resources is for, in the order the page shows them.
GROUPS = {
    "crisis": "If you or someone else is in danger now",
    "harmed": "For people who were harmed",
    "caused_harm": "For people who caused harm: therapy and accountability groups",
}
_FIELDS = {"group", "name", "description", "contact", "url", "fictional"}


@dataclass(frozen=True)
class Resource:
    group: str
    name: str
    description: str
    contact: str = ""
    url: str = ""
    fictional: bool = False


def load(path: Path) -> list[Resource]:
    """Read and check a support file; a mistake names the entry and what is wrong."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ImproperlyConfigured(f"AMENDS_SUPPORT_FILE {path}: {error}") from None
    loaded = []
    for number, entry in enumerate(document.get("resource", []), start=1):
        where = f"AMENDS_SUPPORT_FILE {path}, resource {number}"
        unknown = set(entry) - _FIELDS
        if unknown:
            raise ImproperlyConfigured(f"{where}: unknown fields {sorted(unknown)}")
        if entry.get("group") not in GROUPS:
            raise ImproperlyConfigured(f"{where}: group must be one of {sorted(GROUPS)}")
        if not str(entry.get("name", "")).strip() or not str(entry.get("description", "")).strip():
            raise ImproperlyConfigured(f"{where}: name and description are required")
        url = str(entry.get("url", ""))
        if url and not url.startswith(("https://", "http://")):
            raise ImproperlyConfigured(f"{where}: url must start with https:// or http://")
        if not isinstance(entry.get("fictional", False), bool):
            raise ImproperlyConfigured(f"{where}: fictional must be true or false")
        loaded.append(Resource(**entry))
    return loaded


@cache
def resources() -> list[Resource]:
    return load(Path(settings.AMENDS_SUPPORT_FILE))


def grouped() -> list[tuple[str, str, list[Resource]]]:
    """(group key, heading, resources) for each group, in the page's order."""
    listed = resources()
    return [
        (key, heading, [r for r in listed if r.group == key]) for key, heading in GROUPS.items()
    ]
