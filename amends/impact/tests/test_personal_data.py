"""A harmed member takes their impact statements with them, and deleting the account is real."""

from __future__ import annotations

import json

import pytest

from amends.core.audit import AuditEvent, AuditEventType
from amends.impact.models import ImpactShare, ImpactShareReader, ImpactStatement, ImpactVersion
from amends.impact.tests.helpers import TEXT, share_with, write
from amends.institutions.models import Institution
from amends.testing.personas import Persona
from amends.vault import api as vault
from amends.vault.models import PrivateText, ReaderKey

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_version_and_what_is_shared(
    harmed: Persona, facilitator: Persona, institution: Institution, outsider: Persona
) -> None:
    url = write(harmed, "The first words.")
    harmed.client.post(url, {"text": TEXT})
    share_with(harmed, url, institution)
    document = json.loads(harmed.client.get("/me/export/").content)
    (statement,) = document["impact_statements"]
    assert [v["text"] for v in statement["versions"]] == ["The first words.", TEXT]
    assert statement["shared"][0]["with"] == f"facilitators of {institution.name}"
    assert statement["shared"][0]["version"] == 2
    # Nobody else's export holds it: not another member's, not the facilitator's.
    for other in (outsider, facilitator):
        theirs = json.loads(other.client.get("/me/export/").content)
        assert theirs["impact_statements"] == []
        assert "choir" not in json.dumps(theirs)


def test_the_readable_export_shows_each_version_newest_first(
    harmed: Persona, facilitator: Persona, institution: Institution
) -> None:
    url = write(harmed, "The first words.")
    harmed.client.post(url, {"text": TEXT})
    share_with(harmed, url, institution)
    page = harmed.client.get("/me/export/readable/").content.decode()
    assert "## Impact statements" in page
    assert f"version 2 with the facilitators of {institution.name}" in page
    assert page.index("#### Version 2") < page.index(TEXT) < page.index("#### Version 1")
    assert page.index("#### Version 1") < page.index("The first words.")


def test_deleting_the_account_destroys_impact_statements_and_every_share(
    harmed: Persona, facilitator: Persona, institution: Institution
) -> None:
    url = write(harmed)
    share_with(harmed, url, institution)
    share = ImpactShare.objects.get()
    item = share.version.content
    response = harmed.client.post(
        "/me/account/",
        {"action": "delete", "delete-current": harmed.secret, "delete-confirm": "on"},
    )
    assert response.status_code == 302
    assert ImpactStatement.objects.count() == 0
    assert ImpactVersion.objects.count() == 0
    assert ImpactShareReader.objects.count() == 0
    assert not PrivateText.objects.filter(pk=item.pk).exists()
    assert not ReaderKey.objects.filter(item_id=item.pk).exists()
    assert facilitator.client.get(f"/impact/shared/{share.id}/").status_code == 404
    assert facilitator.client.get("/impact/shared/").content.decode().count("/impact/shared/") == 0
    # The log keeps that it was shared and taken back, with no text.
    revoked = AuditEvent.objects.get(event_type=AuditEventType.SHARE_REVOKED)
    assert revoked.reason == "statement_deleted"


def test_deleting_a_facilitators_account_leaves_the_share_for_the_others(
    harmed: Persona, facilitator: Persona, institution: Institution, institution_admin: Persona
) -> None:
    from amends.testing import personas

    second = personas.facilitator(institution_admin, institution)
    url = write(harmed)
    share_with(harmed, url, institution)
    share = ImpactShare.objects.get()
    response = facilitator.client.post(
        "/me/account/",
        {"action": "delete", "delete-current": facilitator.secret, "delete-confirm": "on"},
    )
    assert response.status_code == 302
    assert set(vault.readers_of(share.version.content)) == {harmed.member.pk, second.member.pk}
    assert "I left the choir" in second.client.get(f"/impact/shared/{share.id}/").content.decode()
