"""How the library shows a card's opening words, counts and the tag filter."""

from __future__ import annotations

import datetime
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from amends.library.cards import card_excerpt
from amends.library.tags import GROUPS

if TYPE_CHECKING:
    from amends.library.access import Card

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


_PLACEHOLDER = "public-id"


@register.simple_tag
def statement_cards(cards: list[Card]) -> SafeString:
    """A listing's cards, as list items.

    Built here rather than in a template loop: the loop's lookups, filters and a URL
    reversal per card were half of a library page's time in the server. Every value is
    escaped as the template would escape it (stdlib `escape` is what Django's calls).
    """
    # One reversal for the page; each card's link only swaps in its public id.
    head, _, tail = reverse("library:statement", args=[_PLACEHOLDER]).rpartition(_PLACEHOLDER)
    items = []
    for card in cards:
        href = escape(head + quote(card.public_id, safe="") + tail)
        excerpt = f'<p class="excerpt">{escape(card.excerpt)}</p>' if card.excerpt else ""
        tags = ""
        if card.tags:
            labels = "".join(f"<li>{escape(label)}</li>" for label in card.tags)
            tags = f'<ul class="tags" aria-label="Tags">{labels}</ul>'
        items.append(
            f'<li class="card"><h3><a href="{href}">{escape(card.title)}</a></h3>{excerpt}'
            f'<p class="meta">{escape(card.pseudonym)} \u00b7 '
            f"{_month(card.published_month, get_language())}</p>{tags}</li>"
        )
    # Each part above is escaped where it is written.
    return mark_safe("".join(items))  # noqa: S308


@lru_cache(maxsize=512)
def _month(month: datetime.date, language: str | None) -> str:
    """ "March 2024", as the template's date filter writes it in this language."""
    return escape(format_date(month, "F Y"))
