"""Codenames: server-generated diceware passphrases that are a member's whole login."""

from __future__ import annotations

import math
import secrets
from functools import cache
from pathlib import Path

WORDLIST = Path(__file__).parent / "wordlists" / "codename-words.txt"
CODENAME_WORDS = 7


@cache
def words() -> tuple[str, ...]:
    listed = tuple(WORDLIST.read_text(encoding="utf-8").split())
    # A short or repeated list would silently weaken every codename.
    if len(set(listed)) != len(listed) or len(listed) < 7776:
        raise RuntimeError(f"{WORDLIST} must hold at least 7776 distinct words")
    return listed


def generate_codename() -> str:
    """A fresh codename from the system's CSPRNG: seven words, about 90 bits."""
    vocabulary = words()
    return " ".join(secrets.choice(vocabulary) for _ in range(CODENAME_WORDS))


def codename_bits() -> float:
    return CODENAME_WORDS * math.log2(len(words()))


def looks_like_codename(text: str) -> bool:
    known = set(words())
    parts = text.casefold().replace("-", " ").split()
    return len(parts) >= CODENAME_WORDS and all(part in known for part in parts)
