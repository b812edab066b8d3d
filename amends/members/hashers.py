"""Passphrase hashers."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2idHasher(Argon2PasswordHasher):
    """Argon2id with a small cost, for the test suite only (amends/test_settings.py).

    Same algorithm and code path as production, so tests still exercise real
    hashing; only the memory and time cost are lowered.
    """

    time_cost = 1
    memory_cost = 1024
    parallelism = 1
