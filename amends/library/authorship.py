"""Who wrote a publication, asked of the app that knows, and what the library's about
page shows from apps above it.

A publication holds no author, and the library keeps it so: the author's statement
(amends.statements) points at its publication and nothing points back. An app above the
library that must know whether someone is the author (responses: the author's settings
and replies) asks here, and the statements app answers through the function it
registers at start-up. The answer is computed for one member and one publication at a
time; nothing here can list who wrote what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amends.library.models import Publication
    from amends.members.models import Member

IsAuthor = Callable[["Member", "Publication"], bool]

_is_author: list[IsAuthor] = []


def register_author_check(check: IsAuthor) -> None:
    if check not in _is_author:
        _is_author.append(check)


def is_author(person: object, publication: Publication) -> bool:
    from amends.members.models import Member

    if not isinstance(person, Member) or not person.is_active:
        return False
    return any(check(person, publication) for check in _is_author)


@dataclass(frozen=True)
class AboutPart:
    """A section of the library's about page, drawn by an app above the library."""

    template: str
    context: Callable[[], dict[str, Any]]


_about_parts: list[AboutPart] = []


def register_about_part(part: AboutPart) -> None:
    if part not in _about_parts:
        _about_parts.append(part)


def about_parts() -> list[tuple[str, dict[str, Any]]]:
    return [(part.template, part.context()) for part in _about_parts]
