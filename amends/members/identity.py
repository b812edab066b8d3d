"""Derived identifiers: what Amends stores instead of handles and codenames."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from django.conf import settings


def normalise_handle(handle: str) -> str:
    # NFKC folds look-alike forms (full-width letters, ligatures) so that a member
    # who types their handle on another keyboard still finds their account.
    return unicodedata.normalize("NFKC", handle).strip().casefold()


def normalise_codename(codename: str) -> str:
    words = unicodedata.normalize("NFKC", codename).casefold().replace("-", " ").split()
    return " ".join(words)


# Longer passphrases add nothing a person would type and only cost work per request
# (the strength check, Unicode folding and hashing all grow with the input).
MAX_SECRET_LENGTH = 1024


def normalise_secret(secret: str, *, codename: bool) -> str:
    """A secret in the one form that both Django's password hasher and the vault see.

    A codename is typed in whatever case and spacing the member likes and is found by
    its normalised form, so it is hashed in that form too. A passphrase is kept as
    typed, only with Unicode look-alikes folded (NFKC), so that the same passphrase
    typed on another keyboard, or sent composed by one browser and decomposed by
    another, still opens the account and its key.
    """
    if codename:
        return normalise_codename(secret)
    return unicodedata.normalize("NFKC", secret)


def _keyed(purpose: str, value: str) -> str:
    key = settings.AMENDS_PEPPER.encode()
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def handle_lookup(handle: str) -> str:
    return _keyed("lookup:handle", normalise_handle(handle))


def codename_lookup(codename: str) -> str:
    return _keyed("lookup:codename", normalise_codename(codename))


def recovery_lookup(recovery_key: str) -> str:
    return _keyed("lookup:recovery", "".join(recovery_key.split()).upper())


def throttle_key(limit: str, subject: str) -> str:
    """A rate limit's cache key for one subject (an account or a session): an HMAC,
    so the cache names neither the account nor the client's address."""
    return f"throttle:{limit}:" + _keyed("throttle:" + limit, subject)


def normalise_invitation(code: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", code).upper() if ch.isalnum())


def invitation_lookup(code: str) -> str:
    """What is stored of an invitation code (institutions, cases): never the code itself."""
    return _keyed("lookup:invitation", normalise_invitation(code))


def member_key(purpose: str, member_id: object, *context: str) -> str:
    """A stable HMAC standing for a member (and, with context, a member in one place):
    what an app stores where it must count a member's acts without naming the account."""
    return _keyed("member:" + purpose, "\x00".join([str(member_id), *context]))
