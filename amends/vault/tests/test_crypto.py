"""The pure cryptography: round trips, any flipped bit, any other context."""

from __future__ import annotations

import base64

import pytest
from argon2.exceptions import HashingError
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from amends.vault import crypto

FAST = crypto.KdfParameters(time_cost=1, memory_cost=8, parallelism=1)

keys = st.binary(min_size=32, max_size=32)
texts = st.binary(max_size=2048)
contexts = st.binary(max_size=64)


def flip(blob: bytes, data: st.DataObject) -> bytes:
    """The blob with exactly one bit flipped, anywhere."""
    index = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
    bit = data.draw(st.integers(min_value=0, max_value=7))
    damaged = bytearray(blob)
    damaged[index] ^= 1 << bit
    return bytes(damaged)


def keyring(*ids: str) -> crypto.Keyring:
    return crypto.Keyring(tuple(crypto.ServerKey(i, crypto.new_key()) for i in ids))


# ------------------------------------------------------------------ contexts


@given(st.lists(st.binary(max_size=8), max_size=5), st.lists(st.binary(max_size=8), max_size=5))
def test_different_parts_never_encode_alike(first: list[bytes], second: list[bytes]) -> None:
    if first != second:
        assert crypto.encode_context(*first) != crypto.encode_context(*second)


def test_text_and_bytes_parts_encode_alike() -> None:
    assert crypto.encode_context("row", b"field") == crypto.encode_context(b"row", "field")


# ------------------------------------------------------------ symmetric seals


@given(keys, st.sampled_from(crypto.Purpose), texts, contexts)
def test_seal_round_trips(key: bytes, purpose: crypto.Purpose, text: bytes, context: bytes) -> None:
    assert (
        crypto.open_sealed(key, purpose, crypto.seal(key, purpose, text, context), context) == text
    )


@given(keys, texts, contexts, st.data())
def test_any_flipped_bit_of_a_seal_fails(
    key: bytes, text: bytes, context: bytes, data: st.DataObject
) -> None:
    blob = crypto.seal(key, crypto.Purpose.CONTENT, text, context)
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(key, crypto.Purpose.CONTENT, flip(blob, data), context)


@given(keys, texts, contexts, contexts)
def test_a_seal_opens_only_in_its_own_context(
    key: bytes, text: bytes, context: bytes, other: bytes
) -> None:
    blob = crypto.seal(key, crypto.Purpose.CONTENT, text, context)
    if other != context:
        with pytest.raises(crypto.CryptoError):
            crypto.open_sealed(key, crypto.Purpose.CONTENT, blob, other)


@given(keys, texts, st.sampled_from(crypto.Purpose), st.sampled_from(crypto.Purpose))
def test_a_seal_opens_only_for_its_own_purpose(
    key: bytes, text: bytes, purpose: crypto.Purpose, other: crypto.Purpose
) -> None:
    blob = crypto.seal(key, purpose, text, b"context")
    if other != purpose:
        with pytest.raises(crypto.CryptoError):
            crypto.open_sealed(key, other, blob, b"context")


def test_a_seal_does_not_open_under_another_key() -> None:
    blob = crypto.seal(crypto.new_key(), crypto.Purpose.SESSION, b"private key", b"c")
    with pytest.raises(crypto.CryptoError, match="authentication failed"):
        crypto.open_sealed(crypto.new_key(), crypto.Purpose.SESSION, blob, b"c")


def test_a_truncated_seal_fails() -> None:
    key = crypto.new_key()
    blob = crypto.seal(key, crypto.Purpose.CONTENT, b"", b"")
    with pytest.raises(crypto.CryptoError, match="too short"):
        crypto.open_sealed(key, crypto.Purpose.CONTENT, blob[:-1], b"")


def test_a_seal_of_an_unknown_version_fails() -> None:
    key = crypto.new_key()
    blob = crypto.seal(key, crypto.Purpose.CONTENT, b"text", b"")
    with pytest.raises(crypto.CryptoError, match="unknown format version"):
        crypto.open_sealed(key, crypto.Purpose.CONTENT, b"\x02" + blob[1:], b"")


def test_keys_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        crypto.seal(b"short", crypto.Purpose.CONTENT, b"text", b"")
    with pytest.raises(ValueError, match="32 bytes"):
        crypto.open_sealed(b"short", crypto.Purpose.CONTENT, b"", b"")


def test_the_plaintext_is_not_in_the_seal() -> None:
    text = b"marker " * 20
    assert b"marker" not in crypto.seal(crypto.new_key(), crypto.Purpose.CONTENT, text, b"")


def test_two_seals_of_the_same_text_differ() -> None:
    key = crypto.new_key()
    first = crypto.seal(key, crypto.Purpose.CONTENT, b"same", b"")
    assert first != crypto.seal(key, crypto.Purpose.CONTENT, b"same", b"")


# --------------------------------------------------------------- reader wraps


@given(keys, contexts)
@settings(max_examples=50)
def test_reader_wrap_round_trips(data_key: bytes, context: bytes) -> None:
    reader = crypto.new_key_pair()
    blob = crypto.wrap_for_reader(data_key, reader.public, context)
    assert crypto.unwrap_for_reader(blob, reader.private, context) == data_key


@given(st.data())
@settings(max_examples=100)
def test_any_flipped_bit_of_a_reader_wrap_fails(data: st.DataObject) -> None:
    reader = crypto.new_key_pair()
    blob = crypto.wrap_for_reader(crypto.new_key(), reader.public, b"item")
    with pytest.raises(crypto.CryptoError):
        crypto.unwrap_for_reader(flip(blob, data), reader.private, b"item")


def test_a_reader_wrap_opens_only_for_its_reader() -> None:
    reader, other = crypto.new_key_pair(), crypto.new_key_pair()
    blob = crypto.wrap_for_reader(crypto.new_key(), reader.public, b"item")
    with pytest.raises(crypto.CryptoError):
        crypto.unwrap_for_reader(blob, other.private, b"item")


def test_a_reader_wrap_opens_only_for_its_item() -> None:
    reader = crypto.new_key_pair()
    blob = crypto.wrap_for_reader(crypto.new_key(), reader.public, b"item one")
    with pytest.raises(crypto.CryptoError):
        crypto.unwrap_for_reader(blob, reader.private, b"item two")


def test_a_reader_wrap_does_not_contain_the_data_key() -> None:
    reader = crypto.new_key_pair()
    data_key = crypto.new_key()
    assert data_key not in crypto.wrap_for_reader(data_key, reader.public, b"")


def test_a_low_order_public_key_is_refused() -> None:
    with pytest.raises(crypto.CryptoError, match="unusable public key"):
        crypto.wrap_for_reader(crypto.new_key(), bytes(32), b"")
    reader = crypto.new_key_pair()
    forged = b"\x01" + bytes(32) + bytes(60)
    with pytest.raises(crypto.CryptoError, match="unusable public key"):
        crypto.unwrap_for_reader(forged, reader.private, b"")


def test_malformed_reader_wraps_are_refused() -> None:
    reader = crypto.new_key_pair()
    blob = crypto.wrap_for_reader(crypto.new_key(), reader.public, b"")
    with pytest.raises(crypto.CryptoError, match="unknown format version"):
        crypto.unwrap_for_reader(b"\x09" + blob[1:], reader.private, b"")
    with pytest.raises(crypto.CryptoError, match="too short"):
        crypto.unwrap_for_reader(blob[:20], reader.private, b"")
    with pytest.raises(ValueError, match="32 bytes"):
        crypto.wrap_for_reader(crypto.new_key(), b"short", b"")


def test_an_authentic_wrap_of_a_short_key_is_refused() -> None:
    # Only code holding the wrapping key could make one; the check keeps a wrong-sized
    # key from ever reaching the content layer.
    reader = crypto.new_key_pair()
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(reader.public))
    wrapping_key = crypto._reader_wrapping_key(shared, ephemeral_public, reader.public)
    associated = crypto._associated_data(b"reader-wrap", ephemeral_public, reader.public, b"")
    blob = b"\x01" + ephemeral_public + crypto._seal(wrapping_key, b"short", associated)
    with pytest.raises(crypto.CryptoError, match="wrong key length"):
        crypto.unwrap_for_reader(blob, reader.private, b"")


def test_public_key_matches_its_private_key() -> None:
    pair = crypto.new_key_pair()
    assert crypto.public_key_of(pair.private) == pair.public
    assert pair.private.hex() not in repr(pair)


# ------------------------------------------------------------ key derivation


def test_passphrase_key_depends_on_secret_salt_and_cost() -> None:
    salt = crypto.new_salt()
    key = crypto.derive_passphrase_key(b"secret", salt, FAST)
    assert len(key) == 32
    assert key == crypto.derive_passphrase_key(b"secret", salt, FAST)
    assert key != crypto.derive_passphrase_key(b"Secret", salt, FAST)
    assert key != crypto.derive_passphrase_key(b"secret", crypto.new_salt(), FAST)
    slower = crypto.KdfParameters(time_cost=2, memory_cost=8, parallelism=1)
    assert key != crypto.derive_passphrase_key(b"secret", salt, slower)


def test_running_out_of_memory_in_argon2_is_a_crypto_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def exhausted(**kwargs: object) -> bytes:
        raise HashingError("MEMORY_ALLOCATION_ERROR")

    monkeypatch.setattr(crypto, "hash_secret_raw", exhausted)
    with pytest.raises(crypto.CryptoError, match="derivation failed"):
        crypto.derive_passphrase_key(b"secret", crypto.new_salt(), FAST)


def test_a_short_salt_is_refused() -> None:
    with pytest.raises(ValueError, match="salt"):
        crypto.derive_passphrase_key(b"secret", b"short", FAST)


@pytest.mark.parametrize(
    ("time_cost", "memory_cost", "parallelism", "message"),
    [(0, 64, 1, "time_cost"), (1, 64, 0, "parallelism"), (1, 15, 2, "memory_cost")],
)
def test_unsafe_kdf_parameters_are_refused(
    time_cost: int, memory_cost: int, parallelism: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        crypto.KdfParameters(time_cost, memory_cost, parallelism)


def test_production_cost_is_memory_hard() -> None:
    assert crypto.PRODUCTION_KDF.memory_cost >= 64 * 1024
    assert crypto.PRODUCTION_KDF.time_cost >= 3


def test_recovery_key_derivation_depends_on_key_and_salt() -> None:
    _, raw = crypto.new_recovery_key()
    salt = crypto.new_salt()
    key = crypto.derive_recovery_key(raw, salt)
    assert key == crypto.derive_recovery_key(raw, salt)
    assert key != crypto.derive_recovery_key(raw, crypto.new_salt())
    with pytest.raises(ValueError, match="20 bytes"):
        crypto.derive_recovery_key(b"short", salt)


# ------------------------------------------------------------ recovery keys


@given(st.binary(min_size=20, max_size=20))
def test_recovery_key_text_round_trips(raw: bytes) -> None:
    text = crypto.format_recovery_key(raw)
    assert len(text.split(" ")) == 8
    assert crypto.parse_recovery_key(text) == raw
    assert crypto.parse_recovery_key(text.lower().replace(" ", "-")) == raw
    assert crypto.parse_recovery_key(text.replace(" ", "")) == raw


def test_recovery_key_forgives_look_alike_characters() -> None:
    raw = base64.b32decode("OIBA" * 8)
    assert crypto.parse_recovery_key("01BA " * 8) == raw
    assert crypto.parse_recovery_key("o18a" * 8) == raw


@pytest.mark.parametrize("text", ["", "ABCD", "ABCD" * 9, "ABC!" * 8, "é" * 32])
def test_malformed_recovery_keys_are_refused(text: str) -> None:
    with pytest.raises(crypto.CryptoError):
        crypto.parse_recovery_key(text)


def test_new_recovery_keys_differ() -> None:
    assert crypto.new_recovery_key()[1] != crypto.new_recovery_key()[1]


# ------------------------------------------------------------ server keyring


def test_keyring_reads_the_setting_format() -> None:
    entry = crypto.generate_keyring_entry("k2")
    ring = crypto.Keyring.parse(f"{entry}, k1:{base64.urlsafe_b64encode(bytes(32)).decode()}")
    assert [key.key_id for key in ring.keys] == ["k2", "k1"]
    assert ring.newest.key_id == "k2"
    assert ring.get("k1").secret == bytes(32)


def test_keyring_repr_hides_the_keys() -> None:
    ring = keyring("k1")
    assert repr(ring.newest.secret) not in repr(ring)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "key-id:base64url-key"),
        ("k1", "key-id:base64url-key"),
        ("k1:abcde", "not valid base64url"),
        ("k1:" + base64.urlsafe_b64encode(bytes(16)).decode(), "not 32 bytes"),
        ("bad id:" + base64.urlsafe_b64encode(bytes(32)).decode(), "key id"),
        ("k1:{0},k1:{0}".format(base64.urlsafe_b64encode(bytes(32)).decode()), "repeats"),
    ],
)
def test_bad_keyrings_are_refused(text: str, message: str) -> None:
    with pytest.raises(crypto.KeyringError, match=message):
        crypto.Keyring.parse(text)


def test_an_empty_keyring_is_refused() -> None:
    with pytest.raises(crypto.KeyringError, match="empty"):
        crypto.Keyring(())


def test_generating_an_entry_with_a_bad_id_is_refused() -> None:
    with pytest.raises(crypto.KeyringError):
        crypto.generate_keyring_entry("no spaces allowed")


def test_an_unknown_key_id_is_an_error() -> None:
    with pytest.raises(crypto.CryptoError, match="not in the keyring"):
        keyring("k1").get("k0")


@given(texts, contexts)
@settings(max_examples=50)
def test_server_seal_round_trips(text: bytes, context: bytes) -> None:
    ring = keyring("k1")
    blob = crypto.server_seal(ring, text, context)
    assert crypto.server_key_id(blob) == "k1"
    assert crypto.server_open(ring, blob, context) == text


@given(texts, st.data())
@settings(max_examples=100)
def test_any_flipped_bit_of_a_server_seal_fails(text: bytes, data: st.DataObject) -> None:
    ring = keyring("k1")
    blob = crypto.server_seal(ring, text, b"row")
    with pytest.raises(crypto.CryptoError):
        crypto.server_open(ring, flip(blob, data), b"row")


def test_a_server_seal_opens_only_in_its_own_context() -> None:
    ring = keyring("k1")
    blob = crypto.server_seal(ring, b"wrapped key", b"row one")
    with pytest.raises(crypto.CryptoError):
        crypto.server_open(ring, blob, b"row two")


def test_relabelling_a_server_seal_with_another_key_id_fails() -> None:
    ring = keyring("k1", "k2")
    blob = crypto.server_seal(ring, b"text", b"")
    relabelled = blob[:4] + b"k2" + blob[6:]
    with pytest.raises(crypto.CryptoError):
        crypto.server_open(ring, relabelled, b"")


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"", "not a vault blob"),
        (b"XX\x01\x02k1", "not a vault blob"),
        (b"AV\x02\x02k1", "unknown format version"),
        (b"AV\x01", "too short"),
        (b"AV\x01\x05k1", "too short"),
        (b"AV\x01\x01\xff", "malformed key id"),
    ],
)
def test_malformed_server_blobs_are_refused(blob: bytes, message: str) -> None:
    with pytest.raises(crypto.CryptoError, match=message):
        crypto.server_key_id(blob)


def test_rotation_moves_a_blob_to_the_newest_key() -> None:
    old = keyring("k1")
    blob = crypto.server_seal(old, b"text", b"ctx")
    rotated = crypto.Keyring((crypto.ServerKey("k2", crypto.new_key()), *old.keys))
    moved = crypto.server_rewrap(rotated, blob, b"ctx")
    assert crypto.server_key_id(moved) == "k2"
    assert crypto.server_open(crypto.Keyring(rotated.keys[:1]), moved, b"ctx") == b"text"
    assert crypto.server_rewrap(rotated, moved, b"ctx") is moved


def test_rotation_refuses_a_damaged_current_blob() -> None:
    ring = keyring("k1")
    blob = bytearray(crypto.server_seal(ring, b"text", b"ctx"))
    blob[-1] ^= 1
    with pytest.raises(crypto.CryptoError):
        crypto.server_rewrap(ring, bytes(blob), b"ctx")
