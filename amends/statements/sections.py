"""The sections a statement is drafted in: defined with the library, which publishes them."""

from amends.library.sections import (
    FORMER_KEYS,
    MAX_SECTION_LENGTH,
    SECTION_KEYS,
    SECTION_TITLES,
    SECTIONS,
    Section,
)

__all__ = [
    "FORMER_KEYS",
    "MAX_SECTION_LENGTH",
    "SECTIONS",
    "SECTION_KEYS",
    "SECTION_TITLES",
    "Section",
]
