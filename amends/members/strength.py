"""How strong a chosen passphrase is, and a plain message when it is not enough.

A handle's passphrase is both the login secret and, through the vault, the key to
everything the member writes. The bar is therefore higher than usual web passwords:
an estimate of at least 60 bits, which a long everyday sentence easily reaches.
"""

from __future__ import annotations

import math
import re

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

from amends.members.identity import MAX_SECRET_LENGTH

MIN_LENGTH = 12
MIN_BITS = 60.0


def estimate_bits(passphrase: str) -> float:
    """A conservative estimate: character-class entropy, discounted for repetition.

    Runs of the same character and keyboard sequences count once, so that
    "aaaaaaaaaaaaaaaa" or "1234567890qwerty" do not pass on length alone.
    """
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"[0-9]", passphrase):
        pool += 10
    if re.search(r"[^a-zA-Z0-9]", passphrase):
        pool += 33
    if pool == 0:
        return 0.0
    squeezed = re.sub(r"(.)\1+", r"\1", passphrase.casefold())
    for run in ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"):
        for size in range(len(run), 3, -1):
            for start in range(len(run) - size + 1):
                squeezed = squeezed.replace(run[start : start + size], run[start])
    distinct = len(set(squeezed))
    # Few distinct characters means a small effective alphabet, whatever the length.
    effective_pool = min(pool, max(distinct * 2, 2))
    return len(squeezed) * math.log2(effective_pool)


def check_passphrase(passphrase: str, *, handle: str = "") -> None:
    """Raise ValidationError with a message a member can act on."""
    advice = "Try four or five unrelated words, or a long sentence only you would write."
    if len(passphrase) < MIN_LENGTH:
        raise ValidationError(
            f"Your passphrase needs at least {MIN_LENGTH} characters. {advice}", code="too_short"
        )
    if len(passphrase) > MAX_SECRET_LENGTH:
        raise ValidationError(
            f"Your passphrase can have at most {MAX_SECRET_LENGTH:,} characters.", code="too_long"
        )
    if handle and handle.casefold() in passphrase.casefold():
        raise ValidationError(
            f"Your passphrase must not contain your handle. {advice}", code="handle"
        )
    try:
        CommonPasswordValidator().validate(passphrase)
    except ValidationError:
        raise ValidationError(
            f"This passphrase is on a list of common passwords that attackers try first. {advice}",
            code="common",
        ) from None
    if estimate_bits(passphrase) < MIN_BITS:
        raise ValidationError(
            f"This passphrase is too easy to guess: it repeats itself or follows a pattern. {advice}",
            code="weak",
        )
