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
