"""Dated receipts: Amends signs the SHA-256 digest of a text and the date it was saved.

A member who keeps an impact statement may one day need to show that these words
existed, in this form, on that date: to a court, an institution, or themself. Amends
signs, with an Ed25519 key of its own (settings.AMENDS_SIGNING_KEY), a short message
naming the digest, the date and the key; the member downloads the receipt. Anyone
holding the text and the receipt can check it later against the public key that
`/receipts/check/` publishes, with `amends verify_receipt`, or with any Ed25519 tool
(docs/receipts.md gives the exact message).

Amends keeps no copy of the digest or the receipt: a receipt is made when asked for
and handed over. The receipt holds no words of the text and nothing about the member.

Everything here but `signing_keys()` is plain Python, so that the rules of the format
read in one place and are tested without a database.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "amends receipt 1"
# The longest receipt file the check page and the command read: a real one is about
# 300 bytes, so this only stops someone sending megabytes of JSON.
MAX_RECEIPT_BYTES = 4096
_DIGEST = re.compile(r"^sha256:([0-9a-f]{64})$")
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class ReceiptError(ValueError):
    """A receipt that cannot be read or does not hold. The message is for the person checking."""


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private: Ed25519PrivateKey = field(repr=False)

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key_id, self.private.public_key())


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    key: Ed25519PublicKey

    @property
    def raw(self) -> bytes:
        return self.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def entry(self) -> str:
        """ "id:base64url-32-bytes", the form `--public-key` and the check page use."""
        return f"{self.key_id}:{_b64(self.raw)}"

    @property
    def pem(self) -> str:
        """For checking with other tools (openssl pkeyutl -verify -rawin)."""
        return self.key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()

    @classmethod
    def parse(cls, entry: str) -> PublicKey:
        key_id, colon, encoded = entry.strip().partition(":")
        if not colon or not _KEY_ID.match(key_id):
            raise ReceiptError(
                "A public key is written key-id:base64url, as the check page shows it."
            )
        try:
            raw = _unb64(encoded)
            return cls(key_id, Ed25519PublicKey.from_public_bytes(raw))
        except (ValueError, binascii.Error):
            raise ReceiptError("That public key is not 32 bytes of base64url.") from None


@dataclass(frozen=True)
class Receipt:
    digest: bytes  # SHA-256 of the canonical text
    dated: datetime.datetime  # UTC, to the second
    key_id: str
    signature: bytes

    def to_json(self) -> str:
        return json.dumps(
            {
                "receipt": FORMAT,
                "about": "Amends signed the SHA-256 digest of a text and the date it was "
                "saved. The text itself is not in this file: keep it with the receipt.",
                "digest": f"sha256:{self.digest.hex()}",
                "dated": _format_date(self.dated),
                "key": self.key_id,
                "signature": _b64(self.signature),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, data: str | bytes) -> Receipt:
        if len(data) > MAX_RECEIPT_BYTES:
            raise ReceiptError("That is too long to be an Amends receipt.")
        try:
            document = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            raise ReceiptError(
                "That is not an Amends receipt: it should be the small .json file you downloaded."
            ) from None
        if not isinstance(document, dict) or document.get("receipt") != FORMAT:
            raise ReceiptError(
                "That is not an Amends receipt: it should be the small .json file you downloaded."
            )
        values = {name: document.get(name) for name in ("digest", "dated", "key", "signature")}
        if not all(isinstance(value, str) for value in values.values()):
            raise ReceiptError("The receipt is incomplete: a part of it is missing.")
        digest = _DIGEST.match(str(values["digest"]))
        if digest is None or not _DATED.match(str(values["dated"])):
            raise ReceiptError("The receipt's digest or date is not in the form Amends writes.")
        if not _KEY_ID.match(str(values["key"])):
            raise ReceiptError("The receipt names no key Amends could have used.")
        try:
            dated = datetime.datetime.strptime(str(values["dated"]), "%Y-%m-%dT%H:%M:%SZ")
            signature = _unb64(str(values["signature"]))
        except (ValueError, binascii.Error):
            raise ReceiptError("The receipt's date or signature cannot be read.") from None
        return cls(
            digest=bytes.fromhex(digest.group(1)),
            dated=dated.replace(tzinfo=datetime.UTC),
            key_id=str(values["key"]),
            signature=signature,
        )


def canonical_text(text: str) -> str:
    """The form of a text that a receipt covers.

    Line endings become "\\n" (browsers send "\\r\\n", Windows editors save it), a byte
    order mark at the start and spaces and line breaks at the very end are dropped
    (editors add a final newline, pasting loses one). Nothing else changes: every
    word, space and line inside the text counts.
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip()


def digest_of(text: str) -> bytes:
    return hashlib.sha256(canonical_text(text).encode("utf-8")).digest()


def signed_message(digest: bytes, dated: datetime.datetime, key_id: str) -> bytes:
    """The exact bytes signed: four lines, each ending in "\\n" (docs/receipts.md)."""
    return (
        f"{FORMAT}\ndigest: sha256:{digest.hex()}\ndated: {_format_date(dated)}\nkey: {key_id}\n"
    ).encode()


def sign(key: SigningKey, text: str, dated: datetime.datetime) -> Receipt:
    dated = dated.astimezone(datetime.UTC).replace(microsecond=0)
    digest = digest_of(text)
    signature = key.private.sign(signed_message(digest, dated, key.key_id))
    return Receipt(digest=digest, dated=dated, key_id=key.key_id, signature=signature)


def verify(receipt: Receipt, text: str, public_keys: list[PublicKey]) -> None:
    """Raise ReceiptError unless the receipt is Amends's signature over this text's digest."""
    key = next((k for k in public_keys if k.key_id == receipt.key_id), None)
    if key is None:
        raise ReceiptError(
            f"The receipt names key {receipt.key_id!r}, which is not one of this Amends's "
            "published keys. It was not signed here, or with a key that has been retired."
        )
    message = signed_message(receipt.digest, receipt.dated, receipt.key_id)
    try:
        key.key.verify(receipt.signature, message)
    except InvalidSignature:
        raise ReceiptError(
            "The signature does not match: the receipt has been changed (its date or "
            "digest) or was not signed by Amends."
        ) from None
    if digest_of(text) != receipt.digest:
        raise ReceiptError(
            "The receipt is genuine, but this text is not the text it was given for: "
            "something in the words has changed."
        )


def signing_keys() -> list[SigningKey]:
    """The configured keys, newest first: the newest signs, all of them verify."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from amends.vault.crypto import Keyring, KeyringError

    try:
        keyring = Keyring.parse(settings.AMENDS_SIGNING_KEY)
    except KeyringError as exc:
        raise ImproperlyConfigured(f"AMENDS_SIGNING_KEY: {exc}") from None
    return [
        SigningKey(key.key_id, Ed25519PrivateKey.from_private_bytes(key.secret))
        for key in keyring.keys
    ]


def public_keys() -> list[PublicKey]:
    return [key.public for key in signing_keys()]


def _format_date(dated: datetime.datetime) -> str:
    return dated.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
