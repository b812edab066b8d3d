from __future__ import annotations

from django import template

from amends.coaching.review import PlacedFinding
from amends.coaching.summary import Refusal

register = template.Library()


@register.filter
def open_only(findings: list[PlacedFinding]) -> list[PlacedFinding]:
    return [placed for placed in findings if placed.open]


@register.filter
def reasons_for(reasons: dict[str, dict[str, str]], family: str) -> list[tuple[str, str]]:
    """The dismissal reasons that fit a finding's family (a detail, a pattern, a missing element)."""
    return list(reasons.get(family, {}).items())


@register.filter
def refusal_for(refusal: Refusal | None, key: str) -> Refusal | None:
    """The refused dismissal, if it was this finding's: its message, reason and note."""
    return refusal if refusal is not None and refusal.key == key else None
