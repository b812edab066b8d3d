"""Settings for the test suite: the production settings, with test-only secrets allowed."""

import os

os.environ.setdefault("AMENDS_TESTING", "True")

from amends.settings import *  # noqa: F403

# Argon2 with the production cost makes each sign-up in the suite take a tenth of a
# second; the suite signs up hundreds of personas. The algorithm stays Argon2id.
PASSWORD_HASHERS = ["amends.members.hashers.FastArgon2idHasher"]

# The vault's Argon2id key derivation, at the lowest cost Argon2 accepts: still the
# real derivation, but a sign-up costs milliseconds instead of a quarter second.
AMENDS_VAULT_KDF = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}

# Tests serve static files straight from the apps, as in development; nothing is collected.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
