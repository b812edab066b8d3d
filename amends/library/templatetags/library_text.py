"""How a statement's opening words are shown on a library card."""

from __future__ import annotations

import re

from django import template

register = template.Library()

# A sentence ends at . ! or ? (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)")


@register.filter
def card_excerpt(text: str, limit: int = 180) -> str:
    """The opening of a text, ending where a reader would expect a pause.

    Whole sentences when they fit; otherwise the longest run of whole words, with an
    ellipsis. Never half a word.
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit + 1) if m.end() <= limit]
    # A sentence break this early would leave a card with a few words: cut at a word instead.
    if ends and ends[-1] >= limit // 3:
        return text[: ends[-1]]
    cut = text.rfind(" ", 0, limit)
    if cut <= 0:
        return text[:limit].rstrip() + "\u2026"
    return text[:cut].rstrip(" ,;:\u2013\u2014-") + "\u2026"
