"""What a library card shows: a title and an excerpt, cut where a reader would pause,
and the statement's tags.

Computed once at publishing and stored on the Publication, so that a listing reads
three short columns instead of five sections and a join.
"""

from __future__ import annotations

import re

from amends.library.tags import TAGS, TagChoice

_TAG_BY_SLUG = {tag.slug: tag for tag in TAGS}

TITLE_LIMIT = 180
EXCERPT_LIMIT = 240

# A sentence ends at . ! or ? (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)")


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


def title_of(what_i_did: str) -> str:
    return card_excerpt(what_i_did, TITLE_LIMIT)


def excerpt_of(what_i_did: str) -> str:
    """The words after the title, when the title ended a sentence; else nothing.

    A title cut mid-sentence already ends in an ellipsis: a second cut of the same
    sentence would read as a stutter.
    """
    title = title_of(what_i_did)
    if title.endswith("\u2026"):
        return ""
    rest = " ".join(what_i_did.split())[len(title) :].strip()
    return card_excerpt(rest, EXCERPT_LIMIT) if rest else ""


def card_tags(tag_slugs: list[str]) -> str:
    """The known tags among `tag_slugs`, as stored for a card: slugs, space-separated,
    in the order a card shows them (by group, then label), each once."""
    chosen = {_TAG_BY_SLUG[slug] for slug in tag_slugs if slug in _TAG_BY_SLUG}
    return " ".join(tag.slug for tag in sorted(chosen, key=lambda tag: (tag.group, tag.label)))


def stored_tags(stored: str) -> list[TagChoice]:
    """The tags stored for a card, in its order (a tag since retired is left out)."""
    return [_TAG_BY_SLUG[slug] for slug in stored.split() if slug in _TAG_BY_SLUG]


def tag_labels(stored: str) -> list[str]:
    """The labels a card shows for its stored tags."""
    return [tag.label for tag in stored_tags(stored)]
