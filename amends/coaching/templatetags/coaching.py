from __future__ import annotations

from django import template

from amends.coaching.review import PlacedFinding

register = template.Library()


@register.filter
def open_only(findings: list[PlacedFinding]) -> list[PlacedFinding]:
    return [placed for placed in findings if placed.open]
