"""An operator with a shell, the ORM, the code and the settings (server keyring
included) but not the member's secret cannot read private text.

This is the "curious operator" of docs/threat-model.md, and, with the keyring
removed, the "database thief".
"""

from __future__ import annotations

import base64
import io
import itertools
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from amends.testing.personas import Persona
from amends.vault import api, crypto
from amends.vault.models import MemberKey, PrivateText, ReaderKey

pytestmark = pytest.mark.django_db

MARKERS = [
    "marker-reflection-zanzibar-quokka",
    "marker-draft-xylophone-meridian",
    "marker-impact-lighthouse-obsidian",
]


@pytest.fixture
def private_texts(responsible: Persona, harmed: Persona, facilitator: Persona):
    writer = responsible.holder()
    survivor = harmed.holder()
    api.seal_text(writer, api.Binding("reflections.Answer", str(uuid.uuid4()), "text"), MARKERS[0])
    draft = api.seal_text(
        writer, api.Binding("statements.StatementVersion", str(uuid.uuid4()), "content"), "x"
    )
    api.reseal_text(writer, draft, MARKERS[1])
    impact = api.seal_text(
        survivor, api.Binding("statements.ImpactStatement", str(uuid.uuid4()), "text"), MARKERS[2]
    )
    api.grant(survivor, impact, facilitator.member)


def every_stored_value() -> list[bytes]:
    """Every column of every table, as a database dump would have it."""
    values: list[bytes] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    # PostgreSQL returns bytea as memoryview, SQLite as bytes.
                    is_binary = isinstance(value, bytes | memoryview)
                    values.append(bytes(value) if is_binary else str(value).encode())
    return values


def variants(marker: str) -> list[bytes]:
    raw = marker.encode()
    return [raw, raw.hex().encode(), base64.b64encode(raw)[:16], marker.encode("utf-16-le")]


def test_no_table_holds_any_marker(private_texts: None) -> None:
    values = every_stored_value()
    for marker, value in itertools.product(MARKERS, values):
        for form in variants(marker):
            assert form not in value


def test_dumpdata_holds_no_marker(private_texts: None) -> None:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    dump = out.getvalue()
    assert "vault.privatetext" in dump
    for marker in MARKERS:
        assert marker not in dump


def test_the_server_layer_opens_only_to_more_ciphertext(private_texts: None) -> None:
    # The operator holds the keyring and strips the server layer off everything;
    # what remains is the members' own encryption.
    opened = [
        crypto.server_open(api.keyring(), bytes(item.ciphertext), api.text_server_context(item.pk))
        for item in PrivateText.objects.all()
    ]
    opened += [
        crypto.server_open(
            api.keyring(), bytes(key.wrapped_key), api.reader_context(key.item_id, key.reader_id)
        )
        for key in ReaderKey.objects.all()
    ]
    for member_key in MemberKey.objects.all():
        for wrap in ("passphrase", "recovery"):
            opened.append(
                crypto.server_open(
                    api.keyring(),
                    bytes(getattr(member_key, f"{wrap}_wrap")),
                    api.member_server_context(member_key.member_id, wrap),
                )
            )
    for marker, blob in itertools.product(MARKERS, opened):
        assert marker.encode() not in blob


def test_without_the_secret_no_api_opens_a_member_key(
    private_texts: None, responsible: Persona
) -> None:
    for guess in [b"password", responsible.vault_secret.upper(), b"quiet rivers"]:
        with pytest.raises(api.WrongSecret):
            api.open_keyholder(responsible.member, guess)
    with pytest.raises(TypeError):
        api.Keyholder(responsible.member.pk, crypto.new_key(), None)


def test_an_operators_own_key_opens_no_members_text(
    private_texts: None, facilitator: Persona, outsider: Persona
) -> None:
    # A staff member who is also a member (here: the outsider) reads only what was
    # shared with them.
    holder = outsider.holder()
    for item in PrivateText.objects.all():
        with pytest.raises(api.NotAReader):
            api.open_text(holder, item, item.binding)
    shared = [
        item for item in PrivateText.objects.all() if facilitator.member.pk in api.readers_of(item)
    ]
    assert [api.open_text(facilitator.holder(), item, item.binding) for item in shared] == [
        MARKERS[2]
    ]
