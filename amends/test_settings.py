"""Settings for the test suite: the production settings, with test-only secrets allowed."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("AMENDS_TESTING", "True")

from amends.settings import *  # noqa: F403
from amends.settings import DATABASES

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

# On SQLite the test database is a real file, not an in-memory database, so that the
# at-rest test (tests/test_at_rest.py) can read exactly what a thief would copy: the
# database file and its write-ahead log.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.mkdtemp(prefix="amends-test-")) / "amends.sqlite3")
    }
