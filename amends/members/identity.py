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


def throttle_key(lookup: str) -> str:
    """The rate-limit key for login attempts at one account: never the client's address."""
    return "login-failures:" + _keyed("throttle", lookup)


def normalise_invitation(code: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", code).upper() if ch.isalnum())


def invitation_lookup(code: str) -> str:
    """What is stored of an invitation code (institutions, cases): never the code itself."""
    return _keyed("lookup:invitation", normalise_invitation(code))
