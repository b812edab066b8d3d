"""Rate limits keyed on an account or a session, never on the client's address.

Amends does not know client addresses (core.middleware removes them), and would
not want to: each key is an HMAC, under the pepper, of a handle's lookup value or of
a random token kept in the visitor's session, so the cache holds nothing that names
an account either.

A limit counts attempts per subject. Once a subject has `allowed` attempts, each
less than `window` seconds after the one before, further attempts are refused until
`window` seconds have passed since the last one counted.

The counters use only the cache API every Django backend offers (add, incr, touch),
so they hold the same way on the database cache and on Redis.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from amends.members.identity import throttle_key

SESSION_ENTRY = "amends.throttle"


@dataclass(frozen=True)
class Limit:
    name: str
    allowed_setting: str
    window_setting: str

    @property
    def allowed(self) -> int:
        return int(getattr(settings, self.allowed_setting))

    @property
    def window(self) -> int:
        return int(getattr(settings, self.window_setting))

    def minutes_to_wait(self) -> int:
        return max(1, self.window // 60)

    def _keys(self, subjects: tuple[str, ...]) -> list[str]:
        return [throttle_key(self.name, subject) for subject in subjects if subject]

    def is_reached(self, *subjects: str) -> bool:
        counts = cache.get_many(self._keys(subjects))
        return any(int(count) >= self.allowed for count in counts.values())

    def record(self, *subjects: str) -> None:
        for key in self._keys(subjects):
            # add() then incr() is atomic enough across processes for the shared caches
            # Amends uses; a lost increment under a race costs an attacker one extra try.
            if cache.add(key, 1, timeout=self.window):
                continue
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, timeout=self.window)
            # Redis's INCR keeps the entry's expiry, but Django's generic incr() (the
            # database cache's) writes the entry again with the default 300 s timeout,
            # which cut a 15-minute lockout to 5. Setting the expiry after every count
            # makes the window the one stated here on every backend.
            cache.touch(key, timeout=self.window)

    def clear(self, *subjects: str) -> None:
        cache.delete_many(self._keys(subjects))


LOGIN = Limit("login", "AMENDS_LOGIN_FAILURES_ALLOWED", "AMENDS_LOGIN_WINDOW_SECONDS")
RECOVERY = Limit("recovery", "AMENDS_RECOVERY_FAILURES_ALLOWED", "AMENDS_RECOVERY_WINDOW_SECONDS")
SIGN_UP = Limit("sign-up", "AMENDS_SIGN_UPS_ALLOWED", "AMENDS_SIGN_UP_WINDOW_SECONDS")


def session_subject(request: HttpRequest) -> str:
    """A random token for this visitor's session: a subject that names nobody.

    Someone who drops their cookies gets a new one; the limits keyed on a handle
    still hold for them (docs/threat-model.md says what that leaves open).
    """
    token = request.session.get(SESSION_ENTRY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(16)
        request.session[SESSION_ENTRY] = token
    return "session:" + token


def account_subject(lookup: str) -> str:
    return "account:" + lookup


# The login throttle's original interface, keyed on an account's lookup value.


def is_throttled(lookup: str) -> bool:
    return LOGIN.is_reached(account_subject(lookup))


def record_failure(lookup: str) -> None:
    LOGIN.record(account_subject(lookup))


def clear_failures(lookup: str) -> None:
    LOGIN.clear(account_subject(lookup))


def minutes_to_wait() -> int:
    return LOGIN.minutes_to_wait()
