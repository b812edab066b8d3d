"""How the library shows a card's opening words, counts and the tag filter."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from amends.library.cards import card_excerpt
from amends.library.tags import GROUPS

register = template.Library()
register.filter("card_excerpt", card_excerpt)


@register.filter
def thousands(number: int) -> str:
    """1000 as "1,000": counts in the library reach the thousands."""
    return f"{number:,}"


@register.simple_tag
def tag_fieldsets(chosen: list[str]) -> SafeString:
    """The filter form's checkboxes, with the reader's chosen tags ticked."""
    return _tag_fieldsets(tuple(chosen))


# The vocabulary is fixed in code and the view keeps only known slugs (ten at most),
# so the same few forms recur: each is rendered once per process, not on every
# library page, where its forty lookups were a tenth of the page's template work.
@lru_cache(maxsize=256)
def _tag_fieldsets(chosen: tuple[str, ...]) -> SafeString:
    return render_to_string("library/_tag_fieldsets.html", {"groups": GROUPS, "chosen": chosen})
