"""Settings for the test suite: the production settings, with test-only secrets allowed."""

import os

os.environ.setdefault("AMENDS_TESTING", "True")

from amends.settings import *  # noqa: E402,F403

# Argon2 with the production cost makes each sign-up in the suite take a tenth of a
# second; the suite signs up hundreds of personas. The algorithm stays Argon2id.
PASSWORD_HASHERS = ["amends.members.hashers.FastArgon2idHasher"]
