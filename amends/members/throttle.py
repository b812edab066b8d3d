"""Login throttling keyed on the account, never on the client's address.

Amends does not know client addresses (core.middleware removes them), and would
not want to: the key is an HMAC of the handle's lookup value, so the cache holds
nothing that names an account either.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from amends.members.identity import throttle_key


def is_throttled(lookup: str) -> bool:
    return int(cache.get(throttle_key(lookup), 0)) >= settings.AMENDS_LOGIN_FAILURES_ALLOWED


def record_failure(lookup: str) -> None:
    key = throttle_key(lookup)
    # add() then incr() is atomic enough across processes for the shared caches
    # Amends uses; a lost increment under a race costs an attacker one extra try.
    if not cache.add(key, 1, timeout=settings.AMENDS_LOGIN_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=settings.AMENDS_LOGIN_WINDOW_SECONDS)


def clear_failures(lookup: str) -> None:
    cache.delete(throttle_key(lookup))


def minutes_to_wait() -> int:
    return max(1, settings.AMENDS_LOGIN_WINDOW_SECONDS // 60)
