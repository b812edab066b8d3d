"""The unlocked key lives in the session only under a key held by the member's cookie."""

from __future__ import annotations

import base64
import datetime
import uuid

import pytest
from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.testing.personas import Persona
from amends.vault import api, crypto
from amends.vault.models import PrivateText

pytestmark = [pytest.mark.django_db, pytest.mark.urls("amends.vault.tests.urls")]

MARKER = "marker-draft-what-I-took-from-her"


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings: SettingsWrapper) -> None:
    # As in development over http; the __Host- form has its own test below.
    settings.SECURE_COOKIES = False


COOKIE = "amends-vault"


def log_in(client: Client, persona: Persona) -> None:
    response = client.post(
        "/log-in/", {"member": persona.member.pk, "secret": persona.vault_secret.decode()}
    )
    assert response.status_code == 200


def write(client: Client, text: str = MARKER) -> tuple[str, str]:
    row = str(uuid.uuid4())
    response = client.post("/write/", {"row": row, "text": text})
    assert response.status_code == 200
    return response.content.decode(), row


def read(client: Client, item_id: str, row: str) -> tuple[int, str]:
    response = client.get(f"/read/{item_id}/{row}/")
    return response.status_code, response.content.decode()


def test_login_sets_an_httponly_browser_session_cookie(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    cookie = client.cookies[COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["max-age"]
    assert not cookie["expires"]
    assert not cookie["secure"]
    assert len(base64.urlsafe_b64decode(cookie.value + "=")) == 32


def test_secure_cookies_use_the_host_prefix(
    responsible: Persona, settings: SettingsWrapper
) -> None:
    settings.SECURE_COOKIES = True
    client = Client()
    log_in(client, responsible)
    cookie = client.cookies["__Host-amends-vault"]
    assert cookie["secure"]
    assert cookie["path"] == "/"
    assert not cookie["domain"]


def test_logged_in_member_reads_their_text(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    assert read(client, item_id, row) == (200, MARKER)


def test_wrong_secret_is_refused_at_login(responsible: Persona) -> None:
    response = Client().post("/log-in/", {"member": responsible.member.pk, "secret": "wrong"})
    assert response.status_code == 400


def test_session_holds_no_usable_key_without_the_cookie(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    del client.cookies[COOKIE]
    status, body = read(client, item_id, row)
    assert status == 403
    assert "locked" in body
    assert MARKER not in body


def test_a_cookie_from_another_session_does_not_open_the_key(
    responsible: Persona,
) -> None:
    first, second = Client(), Client()
    log_in(first, responsible)
    log_in(second, responsible)
    item_id, row = write(first)
    first.cookies[COOKIE] = second.cookies[COOKIE].value
    assert read(first, item_id, row)[0] == 403


def test_a_malformed_cookie_is_treated_as_locked(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    client.cookies[COOKIE] = "not base64!"
    assert read(client, item_id, row)[0] == 403


def test_after_logout_the_server_cannot_decrypt(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    cookie_value = client.cookies[COOKIE].value
    response = client.post("/log-out/")
    assert client.cookies[COOKIE].value == ""  # deleted
    # Even replaying the old cookie opens nothing: the session's copy is gone.
    client.cookies[COOKIE] = cookie_value
    assert read(client, item_id, row)[0] == 403
    assert response.status_code == 200
    assert not any(api.SESSION_ENTRY in s.get_decoded() for s in Session.objects.all())


def test_after_idle_timeout_the_server_cannot_decrypt(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    # Where sessions are cached (cached_db, with Redis), the cached copy is set to expire
    # after the same idle time as the row; let it lapse with the row.
    session_cache = caches[settings.SESSION_CACHE_ALIAS]
    for key in Session.objects.values_list("session_key", flat=True):
        session_cache.delete(cached_db.KEY_PREFIX + key)
    status, body = read(client, item_id, row)
    assert status == 403
    assert MARKER not in body


def test_expired_session_row_without_the_cookie_reveals_nothing(
    responsible: Persona,
) -> None:
    # What a database thief (or the server after expiry) holds: the session row and
    # the server keyring, but not the cookie. The private key stays sealed.
    client = Client()
    log_in(client, responsible)
    session = Session.objects.get()
    entry = session.get_decoded()[api.SESSION_ENTRY]
    blob = base64.b64decode(entry["key"])
    context = crypto.encode_context("session", str(responsible.member.pk))
    inner = crypto.server_open(api.keyring(), blob, context)
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(crypto.new_key(), crypto.Purpose.SESSION, inner, context)


def test_stale_cookie_is_deleted_for_a_logged_out_visitor(responsible: Persona) -> None:
    client = Client()
    client.cookies[COOKIE] = base64.urlsafe_b64encode(bytes(32)).decode()
    client.get("/nothing/")
    assert client.cookies[COOKIE].value == ""


def test_cookie_is_kept_while_the_session_holds_the_key(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    value = client.cookies[COOKIE].value
    response = client.get("/nothing/")
    assert COOKIE not in response.cookies
    assert client.cookies[COOKIE].value == value


def test_login_after_cycling_session_keeps_the_key(responsible: Persona) -> None:
    client = Client()
    log_in(client, responsible)
    log_in(client, responsible)  # login() cycles the session key again
    item_id, row = write(client)
    assert read(client, item_id, row) == (200, MARKER)


def test_another_member_logging_in_on_the_same_browser_cannot_read(
    responsible: Persona, outsider: Persona
) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    log_in(client, outsider)
    status, body = read(client, item_id, row)
    assert status == 409
    assert MARKER not in body
    assert PrivateText.objects.filter(pk=item_id).exists()


def test_active_session_moves_to_a_rotated_server_key(
    responsible: Persona, settings: SettingsWrapper
) -> None:
    client = Client()
    log_in(client, responsible)
    item_id, row = write(client)
    new_entry = crypto.generate_keyring_entry("dev2")
    settings.AMENDS_VAULT_KEYRING = f"{new_entry},{settings.AMENDS_VAULT_KEYRING}"
    assert read(client, item_id, row) == (200, MARKER)
    entry = Session.objects.get().get_decoded()[api.SESSION_ENTRY]
    assert crypto.server_key_id(base64.b64decode(entry["key"])) == "dev2"
    # The old key can now be retired without logging this member out.
    settings.AMENDS_VAULT_KEYRING = new_entry
    status, _ = read(client, item_id, row)
    assert status == 409  # the text itself is still under dev1 until rotate_vault_keys
