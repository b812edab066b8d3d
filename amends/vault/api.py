"""The vault's Django-facing API: the only way other apps touch private text.

Reading private text needs a Keyholder, which exists only for a request whose member
unlocked their key at login (unlock) and still holds the session cookie that opens
it (keyholder_for), or briefly in code that was given the member's secret
(open_keyholder). Nothing else in Amends, the admin and a shell included, can turn
what the database holds into text. docs/threat-model.md says what that protects.
"""

from __future__ import annotations

import base64
import binascii
import functools
import logging
import uuid
from collections.abc import Iterable
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest

from amends.vault import crypto
from amends.vault.models import Binding, MemberKey, PrivateText, ReaderKey

__all__ = [
    "Binding",
    "DecryptionFailed",
    "Keyholder",
    "NotAReader",
    "NotProvisioned",
    "PrivateText",
    "VaultError",
    "VaultLocked",
    "WrongSecret",
    "change_secret",
    "cookie_name",
    "destroy_text",
    "erase_member",
    "grant",
    "keyholder_for",
    "lock",
    "normalise_recovery_key",
    "open_keyholder",
    "open_text",
    "provision_member",
    "readers_of",
    "recover",
    "reseal_text",
    "revoke",
    "seal_text",
    "unlock",
]

logger = logging.getLogger("amends.vault")

# Whoever holds keys: the vault needs only an account's primary key and knows nothing
# else about it (members sits above the vault and is never imported here).
Account = AbstractBaseUser

SESSION_ENTRY = "amends.vault"
STATE_ATTRIBUTE = "_amends_vault"


class VaultError(Exception):
    """Base of every vault error. Messages are written to be shown to the member."""


class VaultLocked(VaultError):
    """This request has no unlocked key: logged out, idle timeout or no cookie."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "Your private writing is locked. Log in again to open it; "
            "for your safety it locks after a period without activity."
        )


class DecryptionFailed(VaultError):
    """A key or a text could not be opened. Nothing of the ciphertext is in the message."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "This text could not be decrypted, so it is not shown. It may have been "
            "damaged or altered. Nothing else of yours is affected."
        )


class NotAReader(DecryptionFailed):
    """The keyholder holds no wrapped key for this item."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "You do not hold a key to this text.")


class WrongSecret(VaultError):
    """A passphrase, codename or recovery key does not open the member's key."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "That does not open this account's key.")


class NotProvisioned(VaultError):
    """The member has no vault key (for example a staff account made with createsuperuser)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "This account has no key for private writing.")


_CONSTRUCTION = object()


class Keyholder:
    """A member's unlocked private key, for the length of one request or one action.

    It cannot be pickled, so it never lands in a session, a cache or a task queue
    by accident; its repr never shows the key.
    """

    __slots__ = ("_private_key", "member_id", "public_key")

    def __init__(self, member_id: uuid.UUID, private_key: bytes, token: object) -> None:
        if token is not _CONSTRUCTION:
            raise TypeError("a Keyholder comes from unlock, keyholder_for or open_keyholder")
        self.member_id = member_id
        self._private_key = private_key
        self.public_key = crypto.public_key_of(private_key)

    def __repr__(self) -> str:
        return f"<Keyholder member {str(self.member_id)[:8]}>"

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Keyholder must not be pickled")


# ------------------------------------------------------------------ settings


@functools.lru_cache(maxsize=4)
def _parse_keyring(text: str) -> crypto.Keyring:
    return crypto.Keyring.parse(text)


def keyring() -> crypto.Keyring:
    """The server keyring from settings.AMENDS_VAULT_KEYRING (never SECRET_KEY)."""
    return _parse_keyring(settings.AMENDS_VAULT_KEYRING)


def kdf_parameters() -> crypto.KdfParameters:
    """Argon2id cost for new wraps: settings.AMENDS_VAULT_KDF, else production values."""
    configured: dict[str, int] | None = getattr(settings, "AMENDS_VAULT_KDF", None)
    if configured is None:
        return crypto.PRODUCTION_KDF
    try:
        return crypto.KdfParameters(**configured)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(f"AMENDS_VAULT_KDF: {exc}") from None


def cookie_name() -> str:
    return "__Host-amends-vault" if settings.SECURE_COOKIES else "amends-vault"


# ------------------------------------------------------------------ contexts
#
# Each stored blob's associated data names what it is and where it lives, at both
# the inner layer and the server layer, so a blob copied to another row fails twice.


def _text_context(item_id: uuid.UUID, binding: Binding) -> bytes:
    return crypto.encode_context("text", str(item_id), binding.model, binding.row, binding.field)


def text_server_context(item_id: uuid.UUID) -> bytes:
    return crypto.encode_context("text", str(item_id))


def reader_context(item_id: uuid.UUID, reader_id: uuid.UUID) -> bytes:
    return crypto.encode_context("reader", str(item_id), str(reader_id))


def _member_context(member_id: uuid.UUID, public_key: bytes, wrap: str, *extra: bytes) -> bytes:
    return crypto.encode_context("member", str(member_id), public_key, wrap, *extra)


def member_server_context(member_id: uuid.UUID, wrap: str) -> bytes:
    return crypto.encode_context("member", str(member_id), wrap)


def _session_context(member_id: uuid.UUID) -> bytes:
    return crypto.encode_context("session", str(member_id))


def _secret(secret: bytes) -> bytes:
    # The caller (members) normalises a secret in the one form Django's hasher sees
    # too, and hands over bytes: a str here would be a secret nobody normalised. An
    # empty secret would wrap a key under nothing at all, whatever a form let through.
    if not isinstance(secret, bytes):
        raise TypeError("a vault secret is the member's normalised secret, as bytes")
    if not secret:
        raise ValueError("a member's key is never wrapped under an empty secret")
    return secret


# ------------------------------------------------------------ member keys


def _passphrase_wrap(member_id: uuid.UUID, private_key: bytes, secret: bytes) -> dict[str, Any]:
    """Fields of MemberKey for the private key wrapped under a new salt and current cost."""
    parameters = kdf_parameters()
    salt = crypto.new_salt()
    kek = crypto.derive_passphrase_key(secret, salt, parameters)
    public_key = crypto.public_key_of(private_key)
    context = _member_context(member_id, public_key, "passphrase", parameters.encode())
    inner = crypto.seal(kek, crypto.Purpose.PASSPHRASE_WRAP, private_key, context)
    return {
        "kdf_time_cost": parameters.time_cost,
        "kdf_memory_cost": parameters.memory_cost,
        "kdf_parallelism": parameters.parallelism,
        "passphrase_salt": salt,
        "passphrase_wrap": crypto.server_seal(
            keyring(), inner, member_server_context(member_id, "passphrase")
        ),
    }


def _recovery_wrap(member_id: uuid.UUID, private_key: bytes) -> tuple[str, dict[str, Any]]:
    """A new recovery key, and the MemberKey fields that it alone opens."""
    text, raw = crypto.new_recovery_key()
    salt = crypto.new_salt()
    kek = crypto.derive_recovery_key(raw, salt)
    public_key = crypto.public_key_of(private_key)
    context = _member_context(member_id, public_key, "recovery")
    inner = crypto.seal(kek, crypto.Purpose.RECOVERY_WRAP, private_key, context)
    fields = {
        "recovery_salt": salt,
        "recovery_wrap": crypto.server_seal(
            keyring(), inner, member_server_context(member_id, "recovery")
        ),
    }
    return text, fields


def _member_key(member: Account, *, for_update: bool = False) -> MemberKey:
    keys = MemberKey.objects.select_for_update() if for_update else MemberKey.objects
    try:
        return keys.get(member_id=member.pk)
    except MemberKey.DoesNotExist:
        raise NotProvisioned from None


def _open_with_secret(member_key: MemberKey, secret: bytes) -> bytes:
    member_id = member_key.member_id
    public_key = bytes(member_key.public_key)
    parameters = member_key.kdf_parameters
    try:
        inner = crypto.server_open(
            keyring(),
            bytes(member_key.passphrase_wrap),
            member_server_context(member_id, "passphrase"),
        )
    except crypto.CryptoError as exc:
        logger.warning("vault: member key %s: %s", str(member_id)[:8], exc)
        raise DecryptionFailed("Your key could not be opened on this server.") from None
    kek = crypto.derive_passphrase_key(secret, bytes(member_key.passphrase_salt), parameters)
    context = _member_context(member_id, public_key, "passphrase", parameters.encode())
    try:
        return crypto.open_sealed(kek, crypto.Purpose.PASSPHRASE_WRAP, inner, context)
    except crypto.CryptoError:
        raise WrongSecret from None


def _open_with_recovery_key(member_key: MemberKey, recovery_key: str) -> bytes:
    member_id = member_key.member_id
    try:
        raw = crypto.parse_recovery_key(recovery_key)
    except crypto.CryptoError:
        raise WrongSecret("A recovery key is 32 letters and digits, in groups of four.") from None
    try:
        inner = crypto.server_open(
            keyring(),
            bytes(member_key.recovery_wrap),
            member_server_context(member_id, "recovery"),
        )
    except crypto.CryptoError as exc:
        logger.warning("vault: member key %s: %s", str(member_id)[:8], exc)
        raise DecryptionFailed("Your key could not be opened on this server.") from None
    kek = crypto.derive_recovery_key(raw, bytes(member_key.recovery_salt))
    context = _member_context(member_id, bytes(member_key.public_key), "recovery")
    try:
        return crypto.open_sealed(kek, crypto.Purpose.RECOVERY_WRAP, inner, context)
    except crypto.CryptoError:
        raise WrongSecret from None


def normalise_recovery_key(text: str) -> str:
    """A typed recovery key in the form it was shown (eight groups of four capitals).

    The vault forgives case, hyphens and the look-alikes 0/1/8; pass the result to
    members.identity.recovery_lookup so that the lookup forgives the same things.
    Raises WrongSecret if it cannot be a recovery key.
    """
    try:
        return crypto.format_recovery_key(crypto.parse_recovery_key(text))
    except crypto.CryptoError:
        raise WrongSecret("A recovery key is 32 letters and digits, in groups of four.") from None


def provision_member(member: Account, secret: bytes) -> str:
    """Give a new member their key pair; return their recovery key, to be shown once.

    The private key is stored wrapped under Argon2id(secret) and under the recovery
    key. Neither the secret nor the recovery key is stored anywhere.
    """
    secret = _secret(secret)
    if MemberKey.objects.filter(member_id=member.pk).exists():
        raise VaultError("This account already has a key.")
    pair = crypto.new_key_pair()
    recovery_text, recovery_fields = _recovery_wrap(member.pk, pair.private)
    MemberKey.objects.create(
        member_id=member.pk,
        public_key=pair.public,
        key_id=keyring().newest.key_id,
        format_version=crypto.FORMAT_VERSION,
        **_passphrase_wrap(member.pk, pair.private, secret),
        **recovery_fields,
    )
    return recovery_text


def open_keyholder(member: Account, secret: bytes) -> Keyholder:
    """The member's Keyholder from their secret, without a session.

    For actions that are given the secret anyway (tests, the benchmark, a future
    export). It is what unlock does before it stores anything.
    """
    member_key = _member_key(member)
    private_key = _open_with_secret(member_key, _secret(secret))
    return Keyholder(member.pk, private_key, _CONSTRUCTION)


def change_secret(member: Account, old_secret: bytes, new_secret: bytes) -> None:
    """Re-wrap the member's private key under a new passphrase or codename.

    The key pair stays the same, so every item and every share keeps working.
    """
    old_secret, new_secret = _secret(old_secret), _secret(new_secret)
    with transaction.atomic():
        member_key = _member_key(member, for_update=True)
        private_key = _open_with_secret(member_key, old_secret)
        _store_passphrase_wrap(member_key, private_key, new_secret)


def _store_passphrase_wrap(member_key: MemberKey, private_key: bytes, secret: bytes) -> None:
    fields = _passphrase_wrap(member_key.member_id, private_key, secret)
    # The recovery wrap must move to the same server key, since key_id covers both.
    try:
        fields["recovery_wrap"] = crypto.server_rewrap(
            keyring(),
            bytes(member_key.recovery_wrap),
            member_server_context(member_key.member_id, "recovery"),
        )
    except crypto.CryptoError as exc:
        logger.warning("vault: member key %s: %s", str(member_key.member_id)[:8], exc)
        raise DecryptionFailed("Your key could not be opened on this server.") from None
    for name, value in fields.items():
        setattr(member_key, name, value)
    member_key.key_id = keyring().newest.key_id
    member_key.save(update_fields=[*fields, "key_id"])


def recover(member: Account, recovery_key: str, new_secret: bytes) -> str:
    """Open the member's key with their recovery key and wrap it under new_secret.

    Returns a new recovery key; the one just used stops working.
    """
    new_secret = _secret(new_secret)
    with transaction.atomic():
        member_key = _member_key(member, for_update=True)
        private_key = _open_with_recovery_key(member_key, recovery_key)
        recovery_text, recovery_fields = _recovery_wrap(member.pk, private_key)
        fields = {
            **_passphrase_wrap(member.pk, private_key, new_secret),
            **recovery_fields,
            "key_id": keyring().newest.key_id,
        }
        for name, value in fields.items():
            setattr(member_key, name, value)
        member_key.save(update_fields=list(fields))
    return recovery_text


# ----------------------------------------------------------------- sessions


class VaultState:
    """What the middleware and the API share about one request."""

    __slots__ = ("cookie_key", "forget_cookie", "holder", "new_cookie_key")

    def __init__(self, cookie_value: str | None) -> None:
        self.cookie_key = _decode_cookie(cookie_value)
        self.new_cookie_key: bytes | None = None
        self.forget_cookie = False
        self.holder: Keyholder | None = None


def _decode_cookie(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        key = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == crypto.KEY_BYTES else None


def encode_cookie(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode().rstrip("=")


def _state(request: HttpRequest) -> VaultState:
    state = getattr(request, STATE_ATTRIBUTE, None)
    if not isinstance(state, VaultState):
        raise ImproperlyConfigured(
            "amends.vault.middleware.vault_middleware must be in MIDDLEWARE "
            "after AuthenticationMiddleware"
        )
    return state


def unlock(request: HttpRequest, member: Account, secret: bytes) -> Keyholder:
    """Open the member's key at login and keep it, for this session only, under a
    random key that the member's browser alone holds (in an HttpOnly cookie).

    Call after django.contrib.auth.login(), which replaces the session.
    Raises WrongSecret if the secret does not open the key.
    """
    state = _state(request)
    member_key = _member_key(member)
    secret_bytes = _secret(secret)
    private_key = _open_with_secret(member_key, secret_bytes)
    if member_key.kdf_parameters != kdf_parameters():
        # The cost was raised (or changed) since this member last set their secret:
        # now, holding the secret, is the only moment the key can be re-wrapped.
        with transaction.atomic():
            _store_passphrase_wrap(_member_key(member, for_update=True), private_key, secret_bytes)
    session_key = crypto.new_key()
    inner = crypto.seal(
        session_key, crypto.Purpose.SESSION, private_key, _session_context(member.pk)
    )
    blob = crypto.server_seal(keyring(), inner, _session_context(member.pk))
    request.session[SESSION_ENTRY] = {
        "member": str(member.pk),
        "key": base64.b64encode(blob).decode(),
    }
    state.cookie_key = session_key
    state.new_cookie_key = session_key
    state.forget_cookie = False
    state.holder = Keyholder(member.pk, private_key, _CONSTRUCTION)
    return state.holder


def keyholder_or_none(request: HttpRequest) -> Keyholder | None:
    """The Keyholder, or None when nobody is logged in or their vault is locked: for
    views that must give a member's text back rather than redirect and lose it."""
    try:
        return keyholder_for(request)
    except VaultLocked:
        return None


def keyholder_for(request: HttpRequest) -> Keyholder:
    """The Keyholder of the request's member, or VaultLocked."""
    state = _state(request)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        raise VaultLocked
    if state.holder is not None:
        if state.holder.member_id == user.pk:
            return state.holder
        raise VaultLocked
    entry = request.session.get(SESSION_ENTRY)
    if not isinstance(entry, dict) or entry.get("member") != str(user.pk):
        raise VaultLocked
    if state.cookie_key is None:
        raise VaultLocked
    try:
        blob = base64.b64decode(entry["key"], validate=True)
        inner = crypto.server_open(keyring(), blob, _session_context(user.pk))
        private_key = crypto.open_sealed(
            state.cookie_key, crypto.Purpose.SESSION, inner, _session_context(user.pk)
        )
    except (KeyError, TypeError, ValueError, crypto.CryptoError):
        # A cookie from another session, or an altered session: the key stays locked.
        raise VaultLocked from None
    if crypto.server_key_id(blob) != keyring().newest.key_id:
        # The server keyring rotated while this member was logged in: move their
        # session to the new key so that the old one can be retired once idle
        # sessions have expired, without logging active members out.
        entry["key"] = base64.b64encode(
            crypto.server_seal(keyring(), inner, _session_context(user.pk))
        ).decode()
        request.session.modified = True
    state.holder = Keyholder(user.pk, private_key, _CONSTRUCTION)
    return state.holder


def lock(request: HttpRequest) -> None:
    """Forget the session's copy of the key and delete the cookie (at logout)."""
    state = _state(request)
    request.session.pop(SESSION_ENTRY, None)
    state.holder = None
    state.cookie_key = None
    state.new_cookie_key = None
    state.forget_cookie = True


# ------------------------------------------------------------------- items


def _server_open_or_fail(blob: bytes, context: bytes, item_id: uuid.UUID) -> bytes:
    try:
        return crypto.server_open(keyring(), blob, context)
    except crypto.CryptoError as exc:
        # The reason (unknown server key, altered bytes) is for operators; the
        # member only learns that it failed. Only ids are logged, never content.
        logger.warning("vault: item %s: %s", str(item_id)[:8], exc)
        raise DecryptionFailed from None


def _wrap_for(
    item_id: uuid.UUID, data_key: bytes, reader_id: uuid.UUID, public_key: bytes
) -> bytes:
    context = reader_context(item_id, reader_id)
    return crypto.server_seal(
        keyring(), crypto.wrap_for_reader(data_key, public_key, context), context
    )


def _data_key(holder: Keyholder, item: PrivateText) -> bytes:
    if item.destroyed:
        raise DecryptionFailed("This text was deleted.")
    reader_key = ReaderKey.objects.filter(item_id=item.pk, reader_id=holder.member_id).first()
    if reader_key is None:
        raise NotAReader
    context = reader_context(item.pk, holder.member_id)
    wrapped = _server_open_or_fail(bytes(reader_key.wrapped_key), context, item.pk)
    try:
        return crypto.unwrap_for_reader(wrapped, holder._private_key, context)
    except crypto.CryptoError as exc:
        logger.warning("vault: item %s: %s", str(item.pk)[:8], exc)
        raise DecryptionFailed from None


def _content_fields(
    item_id: uuid.UUID, binding: Binding, text: str
) -> tuple[bytes, dict[str, Any]]:
    data_key = crypto.new_key()
    inner = crypto.seal(
        data_key, crypto.Purpose.CONTENT, text.encode(), _text_context(item_id, binding)
    )
    return data_key, {
        "ciphertext": crypto.server_seal(keyring(), inner, text_server_context(item_id)),
        "key_id": keyring().newest.key_id,
        "format_version": crypto.FORMAT_VERSION,
    }


def seal_text(holder: Keyholder, binding: Binding, text: str) -> PrivateText:
    """A new item of private text owned by the holder, readable by them alone."""
    item_id = uuid.uuid4()
    data_key, fields = _content_fields(item_id, binding, text)
    wrapped = _wrap_for(item_id, data_key, holder.member_id, holder.public_key)
    with transaction.atomic():
        item = PrivateText.objects.create(
            id=item_id,
            owner_id=holder.member_id,
            bound_model=binding.model,
            bound_row=binding.row,
            bound_field=binding.field,
            **fields,
        )
        ReaderKey.objects.create(
            item=item,
            reader_id=holder.member_id,
            wrapped_key=wrapped,
            key_id=keyring().newest.key_id,
        )
    return item


def reseal_text(holder: Keyholder, item: PrivateText, text: str) -> None:
    """Replace an item's text under a fresh data key, wrapped again for every reader.

    The holder must be one of its readers; who may edit is for the caller's access
    helpers to decide.
    """
    _data_key(holder, item)  # proves the holder is an entitled reader
    data_key, fields = _content_fields(item.pk, item.binding, text)
    with transaction.atomic():
        reader_keys = list(ReaderKey.objects.select_for_update().filter(item_id=item.pk))
        public_keys = dict(
            MemberKey.objects.filter(
                member_id__in=[key.reader_id for key in reader_keys]
            ).values_list("member_id", "public_key")
        )
        for reader_key in reader_keys:
            reader_key.wrapped_key = _wrap_for(
                item.pk, data_key, reader_key.reader_id, bytes(public_keys[reader_key.reader_id])
            )
            reader_key.key_id = keyring().newest.key_id
            reader_key.format_version = crypto.FORMAT_VERSION
            reader_key.save(update_fields=["wrapped_key", "key_id", "format_version"])
        for name, value in fields.items():
            setattr(item, name, value)
        item.save(update_fields=list(fields))


def open_text(holder: Keyholder, item: PrivateText, binding: Binding) -> str:
    """The item's text, if the holder is a reader and the binding is the one it was
    sealed with. Raises DecryptionFailed (NotAReader for a non-reader) otherwise;
    never returns ciphertext or a placeholder."""
    if item.binding != binding:
        logger.warning("vault: item %s: opened with another binding", str(item.pk)[:8])
        raise DecryptionFailed
    data_key = _data_key(holder, item)
    inner = _server_open_or_fail(bytes(item.ciphertext), text_server_context(item.pk), item.pk)
    try:
        plaintext = crypto.open_sealed(
            data_key, crypto.Purpose.CONTENT, inner, _text_context(item.pk, binding)
        )
        return plaintext.decode()
    except (crypto.CryptoError, UnicodeDecodeError) as exc:
        logger.warning("vault: item %s: %s", str(item.pk)[:8], type(exc).__name__)
        raise DecryptionFailed from None


def grant(holder: Keyholder, item: PrivateText, reader: Account) -> None:
    """Let reader open the item: wrap its data key to the reader's public key.

    The holder must be able to open it. Granting again replaces the reader's key.
    """
    data_key = _data_key(holder, item)
    public_key = bytes(_member_key(reader).public_key)
    wrapped = _wrap_for(item.pk, data_key, reader.pk, public_key)
    ReaderKey.objects.update_or_create(
        item_id=item.pk,
        reader_id=reader.pk,
        defaults={
            "wrapped_key": wrapped,
            "key_id": keyring().newest.key_id,
            "format_version": crypto.FORMAT_VERSION,
        },
    )


def revoke(item: PrivateText, reader: Account) -> None:
    """Take the reader's wrapped key away. The owner's own key cannot be revoked:
    destroy_text is the way to make an item unreadable for everyone."""
    if reader.pk == item.owner_id:
        raise VaultError("The owner of a text cannot be removed from its readers.")
    ReaderKey.objects.filter(item_id=item.pk, reader_id=reader.pk).delete()


def readers_of(item: PrivateText) -> list[uuid.UUID]:
    return list(
        ReaderKey.objects.filter(item_id=item.pk)
        .order_by("reader_id")
        .values_list("reader_id", flat=True)
    )


def destroy_text(item: PrivateText) -> None:
    """Crypto-erasure of one item: its wrapped keys and its ciphertext are deleted.

    If another row still points at the item with PROTECT or RESTRICT, the item stays
    as an empty shell marked destroyed (opening it says the text was deleted), and
    goes when that row does. Otherwise the row itself is deleted.
    """
    with transaction.atomic():
        ReaderKey.objects.filter(item_id=item.pk).delete()
        item.ciphertext = b""
        item.destroyed = True
        item.save(update_fields=["ciphertext", "destroyed"])
        try:
            with transaction.atomic():
                item.delete()
        except (ProtectedError, RestrictedError):
            pass


def erase_member(member: Account) -> None:
    """Crypto-erasure of a whole account, before the member row is deleted: every item
    they own, every key wrapped for them, and their own key pair."""
    with transaction.atomic():
        for item in _owned_items(member):
            destroy_text(item)
        ReaderKey.objects.filter(reader_id=member.pk).delete()
        MemberKey.objects.filter(member_id=member.pk).delete()


def _owned_items(member: Account) -> Iterable[PrivateText]:
    return list(PrivateText.objects.filter(owner_id=member.pk).only("id", "destroyed"))
