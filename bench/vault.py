"""What the vault costs: key derivation at sign-up and login, and a 5 KB item sealed
and opened through the whole stack, beside the raw AEAD, in one run.

    .venv/bin/python bench/vault.py [--rounds 200]

It runs against a throwaway SQLite database with the production Argon2id cost
(AMENDS_VAULT_KDF unset), so the figures are what a member waits for. Each figure is
the median of its repetitions.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ITEM_BYTES = 5 * 1024


def median_seconds(action: Callable[[], object], repetitions: int) -> float:
    timings = []
    for _ in range(repetitions):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def show(label: str, seconds: float, baseline: float | None = None, of: str = "raw AEAD") -> None:
    figure = f"{seconds * 1000:10.3f} ms" if seconds >= 0.001 else f"{seconds * 1e6:10.1f} µs"
    ratio = f"  x{seconds / baseline:,.1f} {of}" if baseline else ""
    print(f"  {label:<52}{figure}{ratio}")


def use_a_throwaway_database(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """Point Amends at a fresh SQLite file with its production settings; the caller
    calls django.setup(). Keep the returned directory until the end of the run."""
    workdir = tempfile.TemporaryDirectory(prefix=prefix)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "amends.settings",
            "AMENDS_TESTING": "True",  # allows the development secrets, nothing else
            "AMENDS_DB": "sqlite",
            "AMENDS_SQLITE_PATH": str(Path(workdir.name) / "bench.sqlite3"),
            "AMENDS_LOG_LEVEL": "WARNING",
        }
    )
    return workdir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="repetitions of the item figures")
    parser.add_argument("--kdf-rounds", type=int, default=7, help="repetitions of key derivation")
    args = parser.parse_args()

    workdir = use_a_throwaway_database("amends-bench-vault-")
    import django

    django.setup()

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.test import RequestFactory

    from amends.members.models import Member
    from amends.vault import api, crypto

    call_command("migrate", verbosity=0)
    assert not hasattr(settings, "AMENDS_VAULT_KDF"), "the bench measures the production cost"
    kdf = api.kdf_parameters()

    def new_member() -> Member:
        return Member.objects.create(
            lookup=secrets.token_hex(32),
            kind=Member.Kind.HANDLE,
            joined_month=datetime.date.today(),
        )

    def new_request(member: Member) -> object:
        request = RequestFactory().post("/log-in/")
        request.user = member
        request.session = SessionStore()
        setattr(request, api.STATE_ATTRIBUTE, api.VaultState(None))
        return request

    # Random each run: Argon2id costs the same whatever the passphrase says.
    secret = " ".join(secrets.token_hex(3) for _ in range(6))
    text = ("A private draft of an accountability statement. " * 200)[:ITEM_BYTES]
    binding = api.Binding("statements.StatementVersion", "bench", "content")

    print(f"Amends vault benchmark, Python {platform.python_version()}, {platform.machine()}")
    print(
        f"Argon2id time_cost={kdf.time_cost}, memory_cost={kdf.memory_cost} KiB "
        f"({kdf.memory_cost // 1024} MiB), parallelism={kdf.parallelism}; item {ITEM_BYTES} bytes"
    )

    # ------------------------------------------------------------ key derivation
    print("\nKey derivation")
    salt = crypto.new_salt()
    crypto.derive_passphrase_key(secret.encode(), salt, kdf)  # warm the allocator up
    raw_kdf = median_seconds(
        lambda: crypto.derive_passphrase_key(secret.encode(), salt, kdf), args.kdf_rounds
    )
    show("Argon2id alone (one derivation)", raw_kdf, raw_kdf, "Argon2id")
    members = [new_member() for _ in range(args.kdf_rounds)]
    provisioned = iter(members)
    sign_up = median_seconds(
        lambda: api.provision_member(next(provisioned), secret.encode()), args.kdf_rounds
    )
    show("sign-up: provision_member (keys, both wraps)", sign_up, raw_kdf, "Argon2id")
    unlocked = iter(members)

    def log_in() -> None:
        member = next(unlocked)
        api.unlock(new_request(member), member, secret.encode())  # type: ignore[arg-type]

    login = median_seconds(log_in, args.kdf_rounds)
    show("login: unlock (derive, open, seal for session)", login, raw_kdf, "Argon2id")
    show("sign-up total for the vault (provision + unlock)", sign_up + login, raw_kdf, "Argon2id")
    django_hash = median_seconds(lambda: make_password(secret), args.kdf_rounds)
    show("for comparison: Django's Argon2 password hash", django_hash, raw_kdf, "Argon2id")

    # ------------------------------------------------------------ a 5 KB item
    member = members[0]
    request = new_request(member)
    holder = api.unlock(request, member, secret.encode())  # type: ignore[arg-type]
    plaintext = text.encode()
    key, nonce = crypto.new_key(), os.urandom(12)
    aead = AESGCM(key)
    sealed = aead.encrypt(nonce, plaintext, b"ad")
    raw_encrypt = median_seconds(lambda: aead.encrypt(nonce, plaintext, b"ad"), args.rounds * 10)
    raw_decrypt = median_seconds(lambda: aead.decrypt(nonce, sealed, b"ad"), args.rounds * 10)

    def layers_seal() -> tuple[bytes, bytes]:
        data_key = crypto.new_key()
        inner = crypto.seal(data_key, crypto.Purpose.CONTENT, plaintext, b"ctx")
        wrapped = crypto.wrap_for_reader(data_key, holder.public_key, b"ctx")
        ring = api.keyring()
        return crypto.server_seal(ring, inner, b"ctx"), crypto.server_seal(ring, wrapped, b"ctx")

    blob, wrapped_blob = layers_seal()

    def layers_open() -> bytes:
        ring = api.keyring()
        wrapped = crypto.server_open(ring, wrapped_blob, b"ctx")
        data_key = crypto.unwrap_for_reader(wrapped, holder._private_key, b"ctx")
        inner = crypto.server_open(ring, blob, b"ctx")
        return crypto.open_sealed(data_key, crypto.Purpose.CONTENT, inner, b"ctx")

    rows = iter(range(10**9))

    def full_seal() -> None:
        api.seal_text(holder, api.Binding(binding.model, f"bench-{next(rows)}", "content"), text)

    item = api.seal_text(holder, binding, text)
    fresh_request = new_request(member)
    cookie = getattr(request, api.STATE_ATTRIBUTE).new_cookie_key
    fresh_request.session = request.session  # type: ignore[attr-defined]

    def keyholder_from_cookie() -> None:
        setattr(fresh_request, api.STATE_ATTRIBUTE, api.VaultState(api.encode_cookie(cookie)))
        api.keyholder_for(fresh_request)  # type: ignore[arg-type]

    print("\nEncrypting a 5 KB item")
    show("raw AES-256-GCM encrypt", raw_encrypt, raw_encrypt)
    show(
        "vault layers (data key, X25519 wrap, server seals)",
        median_seconds(layers_seal, args.rounds),
        raw_encrypt,
    )
    show(
        "seal_text, full stack with database writes",
        median_seconds(full_seal, args.rounds),
        raw_encrypt,
    )

    print("\nDecrypting a 5 KB item")
    show("raw AES-256-GCM decrypt", raw_decrypt, raw_decrypt)
    show(
        "vault layers (server opens, X25519 unwrap, open)",
        median_seconds(layers_open, args.rounds),
        raw_decrypt,
    )
    show(
        "open_text, full stack with database read",
        median_seconds(lambda: api.open_text(holder, item, binding), args.rounds),
        raw_decrypt,
    )
    show(
        "keyholder_for: a request's key from its cookie",
        median_seconds(keyholder_from_cookie, args.rounds),
        raw_decrypt,
    )
    workdir.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
