"""What each app keeps about a member, and how to export and erase it: a registry.

Members sits below the apps that hold a member's writing, so it cannot import them.
Instead each app, in its AppConfig.ready(), registers how to export and how to
erase what it holds for a member, and how to show it in My space. Export, account
deletion and My space walk the registry; a new app that keeps personal data adds
one `register()` call and nothing in members changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amends.members.models import Member
    from amends.vault.api import Keyholder


@dataclass(frozen=True)
class PersonalData:
    # The key of this app's part of the export document ("reflection", "statements").
    key: str
    # Everything the app holds for the member, decrypted with their key, as JSON values.
    export: Callable[[Keyholder, Member], Any]
    # Destroy it all. Runs inside account deletion's transaction, before the vault
    # destroys the member's keys.
    erase: Callable[[Member], None]
    # A card in My space: a template and the context it needs (with the member's key,
    # to name what they wrote by its first words), or None.
    space_template: str = ""
    space_context: Callable[[Keyholder, Member], dict[str, Any]] | None = None
    # This part of the export as Markdown a person can read, with the headings they saw.
    readable: Callable[[Any], str] | None = None


_registry: dict[str, PersonalData] = {}


def register(entry: PersonalData) -> None:
    if entry.key in _registry and _registry[entry.key] != entry:
        raise ValueError(f"{entry.key!r} is registered twice")
    _registry[entry.key] = entry


def registered() -> list[PersonalData]:
    """In registration order: the order of INSTALLED_APPS."""
    return list(_registry.values())
