"""The admin shows operators metadata only, and changes nothing."""

from __future__ import annotations

import base64
import uuid

import pytest
from django.conf import settings

from amends.testing.personas import Persona
from amends.vault import api
from amends.vault.models import MemberKey, PrivateText, ReaderKey

pytestmark = pytest.mark.django_db

MARKER = "marker-impact-statement-i-stopped-sleeping"
BINDING = api.Binding(model="statements.ImpactStatement", row=str(uuid.uuid4()), field="text")


def admin_url(path: str) -> str:
    return f"/{settings.ADMIN_URL}vault/{path}"


def forms_of(blob: bytes) -> list[str]:
    """Ways a page could show a blob: hex, base64, Python's repr."""
    return [blob.hex()[:32], base64.b64encode(blob).decode()[:32], repr(blob)[2:34]]


def test_admin_pages_show_no_text_and_no_ciphertext(
    operator: Persona, harmed: Persona, facilitator: Persona
) -> None:
    holder = harmed.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    api.grant(holder, item, facilitator.member)
    member_key = MemberKey.objects.get(member=harmed.member)
    reader_key = ReaderKey.objects.filter(item=item).first()
    assert reader_key is not None
    blobs = [
        bytes(item.ciphertext),
        bytes(reader_key.wrapped_key),
        bytes(member_key.passphrase_wrap),
        bytes(member_key.recovery_wrap),
        bytes(member_key.passphrase_salt),
        bytes(member_key.public_key),
    ]
    pages = [
        admin_url("privatetext/"),
        admin_url(f"privatetext/{item.pk}/change/"),
        admin_url("readerkey/"),
        admin_url(f"readerkey/{reader_key.pk}/change/"),
        admin_url("memberkey/"),
        admin_url(f"memberkey/{harmed.member.pk}/change/"),
    ]
    for page in pages:
        response = operator.client.get(page)
        assert response.status_code == 200, page
        content = response.content.decode()
        assert MARKER not in content
        for blob in blobs:
            for form in forms_of(blob):
                assert form not in content, page
    detail = operator.client.get(admin_url(f"privatetext/{item.pk}/change/")).content.decode()
    assert BINDING.model in detail
    assert str(len(item.ciphertext)) in detail


@pytest.mark.parametrize("model", ["privatetext", "readerkey", "memberkey"])
def test_admin_cannot_add_change_or_delete(operator: Persona, harmed: Persona, model: str) -> None:
    item = api.seal_text(harmed.holder(), BINDING, MARKER)
    pk = {
        "privatetext": item.pk,
        "readerkey": ReaderKey.objects.get(item=item).pk,
        "memberkey": harmed.member.pk,
    }[model]
    assert operator.client.get(admin_url(f"{model}/add/")).status_code == 403
    assert operator.client.post(admin_url(f"{model}/{pk}/change/"), {}).status_code == 403
    assert (
        operator.client.post(admin_url(f"{model}/{pk}/delete/"), {"post": "yes"}).status_code == 403
    )
    assert PrivateText.objects.filter(pk=item.pk).exists()
