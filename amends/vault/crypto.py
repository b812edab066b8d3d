"""The vault's cryptography, with no Django in it.

Everything here works on bytes and is tested on its own (tests/test_crypto.py).
The Django-facing layer (api.py) decides *which* keys and contexts to use; this
module only guarantees that each primitive is used one way, with its purpose and
context bound into the associated data, in a format that says its own version.

The layers, from the inside out (docs/threat-model.md explains why each exists):

content      AES-256-GCM under a fresh random 256-bit data key per item; the
             associated data names the item and its binding (model, row, field).
reader wrap  the data key sealed to a reader's X25519 public key: an ephemeral
             X25519 key, HKDF-SHA256 over the shared secret with both public keys
             in the info, then AES-256-GCM with both public keys and the context
             in the associated data.
member key   a member's X25519 private key sealed under a key derived from their
             passphrase or codename with Argon2id, and separately under a key
             derived from their random recovery key with HKDF-SHA256.
session      the same private key sealed under a random per-session key that only
             the member's cookie holds.
server       every stored blob sealed once more under the newest key of the
             server keyring, whose id is written in the clear so rotation can find
             and re-wrap old blobs.

Every failure to open anything raises CryptoError with a message that names the
layer and never contains key material, ciphertext or plaintext.
"""

from __future__ import annotations

import base64
import binascii
import enum
import os
import re
import struct
from dataclasses import dataclass, field

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
PUBLIC_KEY_BYTES = 32
SALT_BYTES = 16
RECOVERY_KEY_BYTES = 20  # 160 bits: 32 base32 characters, eight groups of four

_VERSION = bytes([FORMAT_VERSION])
_SERVER_MAGIC = b"AV"
_LABEL = b"amends-vault"
_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Characters people misread or mistype in a base32 code; none of them is in the alphabet.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class CryptoError(Exception):
    """Something could not be opened: wrong key, altered bytes, wrong context or format."""


class KeyringError(ValueError):
    """The server keyring setting cannot be used."""


class Purpose(enum.Enum):
    """What a symmetric seal protects. Each purpose is its own domain in the AD, so a
    blob sealed for one purpose never opens as another even under the same key."""

    CONTENT = b"content"
    PASSPHRASE_WRAP = b"passphrase-wrap"
    RECOVERY_WRAP = b"recovery-wrap"
    SESSION = b"session"


def encode_context(*parts: str | bytes) -> bytes:
    """Encode parts unambiguously: each is length-prefixed, so ("ab", "c") and
    ("a", "bc") never produce the same associated data."""
    out = bytearray()
    for part in parts:
        raw = part.encode() if isinstance(part, str) else part
        out += struct.pack(">I", len(raw)) + raw
    return bytes(out)


def _associated_data(domain: bytes, *parts: bytes) -> bytes:
    return encode_context(_LABEL, _VERSION, domain, *parts)


def _seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    # A random 96-bit nonce is safe here: every key in the vault is either used for
    # one message (data keys, reader wraps) or for a handful (member and server keys),
    # far below the 2^32 messages at which random GCM nonces start to risk a collision.
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def _open(key: bytes, blob: bytes, associated_data: bytes, layer: str) -> bytes:
    if len(blob) < NONCE_BYTES + TAG_BYTES:
        raise CryptoError(f"{layer}: too short")
    nonce, body = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except InvalidTag:
        raise CryptoError(f"{layer}: authentication failed") from None


def _check_key(key: bytes, what: str) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"{what} must be {KEY_BYTES} bytes")


def new_key() -> bytes:
    """A fresh random 256-bit key (data key, session key)."""
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


# ---------------------------------------------------------------- symmetric seals


def seal(key: bytes, purpose: Purpose, plaintext: bytes, context: bytes) -> bytes:
    """Seal plaintext under a 256-bit key for one purpose and context.

    Format: version (1) | nonce (12) | ciphertext | tag (16).
    """
    _check_key(key, "key")
    return _VERSION + _seal(key, plaintext, _associated_data(purpose.value, context))


def open_sealed(key: bytes, purpose: Purpose, blob: bytes, context: bytes) -> bytes:
    _check_key(key, "key")
    layer = purpose.value.decode()
    if blob[:1] != _VERSION:
        raise CryptoError(f"{layer}: unknown format version")
    return _open(key, blob[1:], _associated_data(purpose.value, context), layer)


# ----------------------------------------------------------- key pairs and wraps


@dataclass(frozen=True)
class KeyPair:
    private: bytes = field(repr=False)
    public: bytes


def new_key_pair() -> KeyPair:
    private = X25519PrivateKey.generate()
    return KeyPair(
        private=private.private_bytes_raw(), public=public_key_of(private.private_bytes_raw())
    )


def public_key_of(private: bytes) -> bytes:
    _check_key(private, "private key")
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def _reader_wrapping_key(shared: bytes, ephemeral_public: bytes, reader_public: bytes) -> bytes:
    # Both public keys go into the info so the derived key belongs to this exact
    # exchange: a wrap re-targeted at another reader derives a different key.
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=_associated_data(b"reader-wrap-key", ephemeral_public, reader_public),
    ).derive(shared)


def _exchange(private: X25519PrivateKey, public: bytes) -> bytes:
    try:
        return private.exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError:
        # A low-order public key gives an all-zero secret; cryptography refuses it.
        raise CryptoError("reader-wrap: unusable public key") from None


def wrap_for_reader(data_key: bytes, reader_public: bytes, context: bytes) -> bytes:
    """Seal a data key so that only the holder of reader_public's private key opens it.

    Format: version (1) | ephemeral public key (32) | nonce (12) | wrapped key | tag.
    """
    _check_key(data_key, "data key")
    if len(reader_public) != PUBLIC_KEY_BYTES:
        raise ValueError("reader public key must be 32 bytes")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = _exchange(ephemeral, reader_public)
    wrapping_key = _reader_wrapping_key(shared, ephemeral_public, reader_public)
    associated = _associated_data(b"reader-wrap", ephemeral_public, reader_public, context)
    return _VERSION + ephemeral_public + _seal(wrapping_key, data_key, associated)


def unwrap_for_reader(blob: bytes, reader_private: bytes, context: bytes) -> bytes:
    _check_key(reader_private, "private key")
    if blob[:1] != _VERSION:
        raise CryptoError("reader-wrap: unknown format version")
    ephemeral_public = blob[1 : 1 + PUBLIC_KEY_BYTES]
    if len(ephemeral_public) != PUBLIC_KEY_BYTES:
        raise CryptoError("reader-wrap: too short")
    private = X25519PrivateKey.from_private_bytes(reader_private)
    reader_public = private.public_key().public_bytes_raw()
    shared = _exchange(private, ephemeral_public)
    wrapping_key = _reader_wrapping_key(shared, ephemeral_public, reader_public)
    associated = _associated_data(b"reader-wrap", ephemeral_public, reader_public, context)
    data_key = _open(wrapping_key, blob[1 + PUBLIC_KEY_BYTES :], associated, "reader-wrap")
    if len(data_key) != KEY_BYTES:  # authentic, yet not made by wrap_for_reader
        raise CryptoError("reader-wrap: wrong key length")
    return data_key


# ------------------------------------------------------------- key derivation


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id cost, stored beside each member's wrapped key so it can be raised later.

    memory_cost is in KiB, as Argon2 counts it.
    """

    time_cost: int
    memory_cost: int
    parallelism: int

    def __post_init__(self) -> None:
        if self.time_cost < 1:
            raise ValueError("Argon2id time_cost must be at least 1")
        if self.parallelism < 1:
            raise ValueError("Argon2id parallelism must be at least 1")
        if self.memory_cost < 8 * self.parallelism:
            raise ValueError("Argon2id memory_cost must be at least 8 KiB per lane")

    def encode(self) -> bytes:
        return struct.pack(">III", self.time_cost, self.memory_cost, self.parallelism)


# Production cost, chosen with bench/vault.py: RFC 9106's second recommended option
# (t=3, 64 MiB) with one lane, because each login runs in one request thread and
# more lanes would only help an attacker with more cores less than it helps us.
PRODUCTION_KDF = KdfParameters(time_cost=3, memory_cost=64 * 1024, parallelism=1)


def derive_passphrase_key(secret: bytes, salt: bytes, parameters: KdfParameters) -> bytes:
    """The key-encryption key for a passphrase or codename: Argon2id, memory-hard, so
    that each guess costs an attacker who copied the database the same as it costs us."""
    if len(salt) < 8:
        raise ValueError("salt must be at least 8 bytes")
    try:
        return hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_cost,
            parallelism=parameters.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    except HashingError as exc:  # argon2 fails only when memory runs out
        raise CryptoError("passphrase key derivation failed") from exc


def derive_recovery_key(recovery_key: bytes, salt: bytes) -> bytes:
    """The key-encryption key for a recovery key.

    A recovery key is 160 random bits, so no guessing attack is possible and a slow
    KDF would only slow recovery down: HKDF-SHA256 with a per-member salt suffices.
    """
    if len(recovery_key) != RECOVERY_KEY_BYTES:
        raise ValueError("recovery key must be 20 bytes")
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=salt,
        info=_associated_data(b"recovery-kek"),
    ).derive(recovery_key)


# ------------------------------------------------------------ recovery keys


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key: the text shown once to the member, and its bytes."""
    raw = os.urandom(RECOVERY_KEY_BYTES)
    return format_recovery_key(raw), raw


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode()
    # Spaces between groups, not hyphens: the member can read it aloud, and
    # members.identity.recovery_lookup strips whitespace before it hashes.
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accept what a person types: any case, spaces or hyphens, 0/1/8 for O/I/B."""
    compact = re.sub(r"[\s-]+", "", text).upper().translate(_LOOKALIKES)
    if len(compact) != 32 or any(c not in _BASE32 for c in compact):
        raise CryptoError("recovery key: not 32 base32 characters")
    return base64.b32decode(compact)


# ------------------------------------------------------------ server keyring


@dataclass(frozen=True)
class ServerKey:
    key_id: str
    secret: bytes = field(repr=False)


@dataclass(frozen=True)
class Keyring:
    """The server keys, newest first. The newest seals; all of them open."""

    keys: tuple[ServerKey, ...]

    def __post_init__(self) -> None:
        if not self.keys:
            raise KeyringError("the keyring is empty")
        ids = [key.key_id for key in self.keys]
        if len(set(ids)) != len(ids):
            raise KeyringError("the keyring repeats a key id")
        for key in self.keys:
            if not _KEY_ID.fullmatch(key.key_id):
                raise KeyringError("a key id must be 1-32 letters, digits, _ or -")
            if len(key.secret) != KEY_BYTES:
                raise KeyringError(f"key {key.key_id!r} is not 32 bytes")

    @classmethod
    def parse(cls, text: str) -> Keyring:
        """Read "id:base64url-32-bytes,older-id:..." (AMENDS_VAULT_KEYRING, AMENDS_SIGNING_KEY)."""
        keys = []
        for entry in text.split(","):
            key_id, colon, encoded = entry.strip().partition(":")
            if not colon:
                raise KeyringError("each keyring entry must be key-id:base64url-key")
            try:
                secret = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
            except (binascii.Error, ValueError):
                raise KeyringError(f"key {key_id!r} is not valid base64url") from None
            keys.append(ServerKey(key_id=key_id, secret=secret))
        return cls(keys=tuple(keys))

    @property
    def newest(self) -> ServerKey:
        return self.keys[0]

    def get(self, key_id: str) -> ServerKey:
        for key in self.keys:
            if key.key_id == key_id:
                return key
        raise CryptoError(f"server: key {key_id!r} is not in the keyring")


def generate_keyring_entry(key_id: str) -> str:
    """A new "id:key" entry to put at the front of AMENDS_VAULT_KEYRING."""
    if not _KEY_ID.fullmatch(key_id):
        raise KeyringError("a key id must be 1-32 letters, digits, _ or -")
    return f"{key_id}:{base64.urlsafe_b64encode(new_key()).decode().rstrip('=')}"


def server_seal(keyring: Keyring, plaintext: bytes, context: bytes) -> bytes:
    """Seal a stored blob under the newest server key.

    Format: "AV" | version (1) | key id length (1) | key id | nonce (12) | ct | tag.
    The header is authenticated too, so a blob cannot be relabelled with another id.
    """
    key = keyring.newest
    key_id = key.key_id.encode()
    header = _SERVER_MAGIC + _VERSION + bytes([len(key_id)]) + key_id
    return header + _seal(key.secret, plaintext, _associated_data(b"server", header, context))


def _split_server_blob(blob: bytes) -> tuple[bytes, str, bytes]:
    if blob[:2] != _SERVER_MAGIC:
        raise CryptoError("server: not a vault blob")
    if blob[2:3] != _VERSION:
        raise CryptoError("server: unknown format version")
    if len(blob) < 4:
        raise CryptoError("server: too short")
    end = 4 + blob[3]
    key_id = blob[4:end]
    if len(key_id) != blob[3]:
        raise CryptoError("server: too short")
    try:
        return blob[:end], key_id.decode("ascii"), blob[end:]
    except UnicodeDecodeError:
        raise CryptoError("server: malformed key id") from None


def server_key_id(blob: bytes) -> str:
    """The id of the server key a stored blob is sealed under (read, not verified)."""
    return _split_server_blob(blob)[1]


def server_open(keyring: Keyring, blob: bytes, context: bytes) -> bytes:
    header, key_id, body = _split_server_blob(blob)
    key = keyring.get(key_id)
    return _open(key.secret, body, _associated_data(b"server", header, context), "server")


def server_rewrap(keyring: Keyring, blob: bytes, context: bytes) -> bytes:
    """The blob sealed under the newest server key; unchanged if it already is."""
    if server_key_id(blob) == keyring.newest.key_id:
        # Still authenticate it, so that rotation also proves every blob is intact.
        server_open(keyring, blob, context)
        return blob
    return server_seal(keyring, server_open(keyring, blob, context), context)
