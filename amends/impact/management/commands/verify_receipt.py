"""Check a dated receipt against a text: `amends verify_receipt RECEIPT TEXTFILE`.

RECEIPT is the .json file Amends gave; TEXTFILE is the text it was given for (the
.txt file downloaded beside it, or any copy of the words). Exits 0 and says so when
the receipt holds; exits 1 with the reason when it does not. By default it checks
against this installation's keys (AMENDS_SIGNING_KEY); `--public-key id:base64url`
checks against a key published on another Amends's /receipts/check/ page instead,
so that nobody needs that server's secrets to check its receipts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from amends.impact import receipts


class Command(BaseCommand):
    help = "Check that an Amends receipt was signed for exactly this text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("receipt", type=Path, help="the receipt (.json)")
        parser.add_argument("text", type=Path, help="the text it was given for")
        parser.add_argument(
            "--public-key",
            action="append",
            default=[],
            metavar="ID:BASE64URL",
            help="check against this published key instead of this installation's",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            receipt = receipts.Receipt.from_json(self._read(options["receipt"], "receipt"))
            keys = (
                [receipts.PublicKey.parse(entry) for entry in options["public_key"]]
                if options["public_key"]
                else receipts.public_keys()
            )
            text = self._read(options["text"], "text").decode("utf-8-sig")
            receipts.verify(receipt, text, keys)
        except receipts.ReceiptError as error:
            raise CommandError(f"Not valid. {error}") from None
        except UnicodeDecodeError:
            raise CommandError("Not valid. The text file is not UTF-8 text.") from None
        self.stdout.write(
            f"Valid. Amends key {receipt.key_id} signed this text's digest "
            f"(sha256:{receipt.digest.hex()}), saved {receipt.dated:%Y-%m-%d %H:%M:%S} UTC."
        )

    def _read(self, path: Path, what: str) -> bytes:
        try:
            return path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read the {what} {path}: {error.strerror}") from None
