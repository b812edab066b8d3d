"""What a burst of 50 sign-ups costs the server, with the production Argon2id costs.

    .venv/bin/python bench/sign_up_burst.py [--burst 50]

Each sign-up goes through the whole stack (Django's test client, the real views, a
throwaway SQLite database, the database cache for rate limits) with the production
password hasher and vault KDF. The baseline, in the same run, is one Argon2id hash
of each kind: a sign-up costs three (Django's password hash, the vault's wrap at
provisioning, the vault's unwrap at the login that follows).

Three bursts: sign-ups from fresh sessions (what the per-session limit cannot stop:
a script that drops its cookies, or logs out after each sign-up), probes of taken
handles from one session (what it does stop), and logins with an over-long
passphrase (refused by the form before any hashing).
"""

from __future__ import annotations

import argparse
import logging
import platform
import secrets
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# bench/vault.py, beside this script (a script's own folder is on sys.path).
from vault import use_a_throwaway_database


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=50)
    args = parser.parse_args()

    workdir = use_a_throwaway_database("amends-bench-sign-up-")
    # The static files are not collected for a benchmark; whitenoise says so once per client.
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    logging.disable(logging.WARNING)  # one "Too Many Requests" line per refusal otherwise

    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.test import Client

    from amends.members.models import Member
    from amends.testing.personas import handle_sign_up_form
    from amends.vault import api, crypto

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    assert not hasattr(settings, "AMENDS_VAULT_KDF"), "the bench measures the production cost"
    kdf = api.kdf_parameters()
    passphrase = "lanterns swing above the evening harbour " + secrets.token_hex(4)

    def sign_up(client: Client, handle: str) -> int:
        return client.post("/sign-up/", handle_sign_up_form(handle, passphrase)).status_code

    print(f"Amends sign-up burst, Python {platform.python_version()}, {platform.machine()}")
    print(
        f"password hasher {settings.PASSWORD_HASHERS[0].rsplit('.', 1)[-1]}; vault Argon2id "
        f"time_cost={kdf.time_cost}, memory_cost={kdf.memory_cost // 1024} MiB, "
        f"parallelism={kdf.parallelism}; sign-ups allowed per session or handle: "
        f"{settings.AMENDS_SIGN_UPS_ALLOWED} per {settings.AMENDS_SIGN_UP_WINDOW_SECONDS} s"
    )

    # CPU time is the figure to compare: on a shared machine wall time also counts waiting.
    salt = crypto.new_salt()
    django_hash = statistics.median(timed(lambda: make_password(passphrase))[1] for _ in range(5))
    vault_hash = statistics.median(
        timed(lambda: crypto.derive_passphrase_key(passphrase.encode(), salt, kdf))[1]
        for _ in range(5)
    )
    three = django_hash + 2 * vault_hash
    print("\nBaseline (median CPU time of 5)")
    print(f"  one Django Argon2 password hash          {django_hash * 1000:8.1f} ms")
    print(f"  one vault Argon2id derivation            {vault_hash * 1000:8.1f} ms")
    print(f"  the three a sign-up needs                {three * 1000:8.1f} ms")

    def report(label: str, statuses: list[int], wall: float, cpu: float) -> None:
        answers = ", ".join(
            f"{count} x {status}" for status, count in sorted(Counter(statuses).items())
        )
        print(f"  {label:<38} {wall:7.2f} s wall {cpu:7.2f} s CPU  x{cpu / three:5.1f}   {answers}")

    print(f"\nBursts of {args.burst} (x: CPU seconds over one sign-up's three hashes)")
    handles = [f"fresh-{n}-{secrets.token_hex(3)}" for n in range(args.burst)]
    statuses: list[int] = []
    wall, cpu = timed(lambda: statuses.extend(sign_up(Client(), handle) for handle in handles))
    report("sign-ups, each from a fresh session", statuses, wall, cpu)
    assert Member.objects.count() == args.burst

    prober = Client()
    statuses = []
    wall, cpu = timed(lambda: statuses.extend(sign_up(prober, handle) for handle in handles))
    report("probes of taken handles, one session", statuses, wall, cpu)

    long = ("lantern harbour " * 70_000)[:1_100_000]
    statuses = []

    def long_logins() -> None:
        for n in range(args.burst):
            response = Client().post(
                "/log-in/",
                {"way": "handle", "handle-handle": handles[n], "handle-passphrase": long},
            )
            statuses.append(response.status_code)

    wall, cpu = timed(long_logins)
    report("logins with a 1.1 MB passphrase", statuses, wall, cpu)
    print(
        "\n200: answered (created, or 'this handle is taken'); 429: refused by the limit. "
        "A burst from fresh sessions is limited only per handle, so each new handle costs "
        f"three hashes; each also holds {kdf.memory_cost // 1024} MiB while the vault derives."
    )
    workdir.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
