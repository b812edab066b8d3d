"""Re-wrap every stored vault blob under the newest server key.

Rotation, step by step (docs/threat-model.md, "Server keyring"):

1. `amends rotate_vault_keys --generate NEW-ID` prints a new keyring entry;
2. put it first in AMENDS_VAULT_KEYRING, keep the old entries after it, restart;
3. `amends rotate_vault_keys` re-wraps everything under the new key;
4. when it reports that nothing is left under older keys, remove them and restart.

The command opens every blob (authenticating it) and re-seals only those under an
older key, so running it twice does nothing the second time. It needs no member
secret: it removes and re-adds only the server layer, never the members' own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Model

from amends.vault import api, crypto
from amends.vault.models import MemberKey, PrivateText, ReaderKey

# (model, blob fields, function giving each field's server-layer context)
Target = tuple[type[Model], tuple[str, ...], Callable[[Any, str], bytes]]

TARGETS: dict[str, Target] = {
    "member keys": (
        MemberKey,
        ("passphrase_wrap", "recovery_wrap"),
        lambda row, name: api.member_server_context(row.member_id, name.removesuffix("_wrap")),
    ),
    "texts": (
        PrivateText,
        ("ciphertext",),
        lambda row, name: api.text_server_context(row.pk),
    ),
    "reader keys": (
        ReaderKey,
        ("wrapped_key",),
        lambda row, name: api.reader_context(row.item_id, row.reader_id),
    ),
}


class Command(BaseCommand):
    help = "Re-wrap every vault blob under the newest key of AMENDS_VAULT_KEYRING."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--generate",
            metavar="KEY_ID",
            help="only print a new keyring entry with this id, to put first in the keyring",
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["generate"]:
            try:
                self.stdout.write(crypto.generate_keyring_entry(options["generate"]))
            except crypto.KeyringError as exc:
                raise CommandError(str(exc)) from None
            return
        keyring = api.keyring()
        failures = 0
        for label, target in TARGETS.items():
            rewrapped, current, failed = self._rotate(keyring, target, options["batch_size"])
            failures += failed
            self.stdout.write(
                f"{label}: {rewrapped} re-wrapped, {current} already under "
                f"{keyring.newest.key_id}, {failed} could not be opened"
            )
        if failures:
            # The ids are in the log; the blobs stay as they were, for an operator to
            # look at with the right keyring, rather than being overwritten or dropped.
            raise CommandError(f"{failures} blobs could not be opened; see the log")

    def _rotate(
        self, keyring: crypto.Keyring, target: Target, batch_size: int
    ) -> tuple[int, int, int]:
        model, fields, context_of = target
        rewrapped = current = failed = 0
        pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            with transaction.atomic():
                rows = model._default_manager.select_for_update().filter(
                    pk__in=pks[start : start + batch_size]
                )
                for row in rows:
                    changed = []
                    for name in fields:
                        blob = bytes(getattr(row, name))
                        if not blob:  # a destroyed text's emptied ciphertext
                            continue
                        try:
                            new_blob = crypto.server_rewrap(keyring, blob, context_of(row, name))
                        except crypto.CryptoError as exc:
                            api.logger.warning(
                                "vault rotation: %s %s: %s", model.__name__, row.pk, exc
                            )
                            failed += 1
                            continue
                        if new_blob is blob:
                            current += 1
                        else:
                            setattr(row, name, new_blob)
                            changed.append(name)
                            rewrapped += 1
                    if changed and all(
                        crypto.server_key_id(bytes(getattr(row, name))) == keyring.newest.key_id
                        for name in fields
                        if getattr(row, name)
                    ):
                        row.key_id = keyring.newest.key_id  # type: ignore[attr-defined]
                        changed.append("key_id")
                    if changed:
                        row.save(update_fields=changed)
        return rewrapped, current, failed
