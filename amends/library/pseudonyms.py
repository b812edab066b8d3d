"""Pseudonyms for published statements: two calm words, never derived from the member."""

from __future__ import annotations

import secrets

_FIRST = (
    "Quiet",
    "Patient",
    "Steady",
    "Candid",
    "Plain",
    "Sober",
    "Open",
    "Humble",
    "Earnest",
    "Still",
    "Grey",
    "Slow",
    "Careful",
    "Honest",
    "Late",
    "Listening",
    "Mended",
    "Wakeful",
    "Level",
    "Clear",
    "Gentle",
    "Rueful",
    "Sincere",
    "Unadorned",
)
_SECOND = (
    "Heron",
    "Harbour",
    "River",
    "Lantern",
    "Birch",
    "Stone",
    "Meadow",
    "Ridge",
    "Tide",
    "Willow",
    "Kestrel",
    "Orchard",
    "Bridge",
    "Field",
    "Hollow",
    "Ember",
    "Cedar",
    "Brook",
    "Shore",
    "Compass",
    "Thistle",
    "Alder",
    "Marsh",
    "Furrow",
)


def new_pseudonym() -> str:
    # A number keeps two statements by chance sharing words apart, without hinting
    # that one person wrote both: every publication draws afresh.
    return f"{secrets.choice(_FIRST)} {secrets.choice(_SECOND)} {secrets.randbelow(90) + 10}"


def pseudonym_from(digest: str) -> str:
    """The same kind of pseudonym, chosen by a hex digest instead of at random, for a
    name that must stay the same wherever the digest does (a responder on one statement)."""
    value = int(digest[:16], 16)
    first, value = _FIRST[value % len(_FIRST)], value // len(_FIRST)
    second, value = _SECOND[value % len(_SECOND)], value // len(_SECOND)
    return f"{first} {second} {value % 90 + 10}"
