"""How a statement's opening words are shown on a library card."""

from __future__ import annotations

from django import template

from amends.library.cards import card_excerpt

register = template.Library()
register.filter("card_excerpt", card_excerpt)


@register.filter
def thousands(number: int) -> str:
    """1000 as "1,000": counts in the library reach the thousands."""
    return f"{number:,}"
