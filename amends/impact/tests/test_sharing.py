"""Sharing an impact statement: exactly the facilitators named, read-only, taken back at once.

Every role is tried through HTTP: the author, another member, a facilitator of the
institution it is shared with, a facilitator of another institution, a moderator,
the institution's admin, an operator, and someone logged out.
"""

from __future__ import annotations

import pytest

from amends.core.audit import AuditEvent, AuditEventType
from amends.impact import access, actions
from amends.impact.models import ImpactShare, ImpactShareReader, ImpactVersion
from amends.impact.tests.helpers import TEXT, share_form, share_with, write
from amends.institutions import actions as institution_actions
from amends.institutions.models import Institution, Role, RoleKind
from amends.testing import personas
from amends.testing.personas import Persona
from amends.vault import api as vault

pytestmark = pytest.mark.django_db

SECRET_SENTENCE = "I left the choir because he was still in it"


@pytest.fixture
def shared(harmed: Persona, facilitator: Persona, institution: Institution) -> ImpactShare:
    url = write(harmed)
    share_with(harmed, url, institution)
    return ImpactShare.objects.get()


def reads(persona_client, share: ImpactShare) -> tuple[int, str]:
    response = persona_client.get(f"/impact/shared/{share.id}/")
    return response.status_code, response.content.decode()


def test_the_facilitator_it_is_shared_with_reads_it(
    shared: ImpactShare, facilitator: Persona
) -> None:
    status, page = reads(facilitator.client, shared)
    assert status == 200
    assert SECRET_SENTENCE in page
    listing = facilitator.client.get("/impact/shared/").content.decode()
    assert f"/impact/shared/{shared.id}/" in listing


def test_the_facilitator_reads_only_and_cannot_change_or_share_it(
    shared: ImpactShare, facilitator: Persona
) -> None:
    url = f"/impact/{shared.statement_id}/"
    assert facilitator.client.get(url).status_code == 404
    assert facilitator.client.post(url, {"text": "Changed by a facilitator."}).status_code == 404
    assert facilitator.client.post(url + "autosave/", {"text": "Changed."}).status_code == 404
    assert facilitator.client.get(url + "versions/1/").status_code == 404
    assert facilitator.client.post(url + "versions/1/receipt/").status_code == 404
    assert facilitator.client.post(f"/impact/shared/{shared.id}/revoke/").status_code == 404
    assert ImpactVersion.objects.count() == 1
    assert ImpactShare.objects.filter(revoked=None).count() == 1


@pytest.mark.parametrize(
    "who", ["outsider", "other_facilitator", "moderator", "institution_admin", "operator"]
)
def test_nobody_else_can_read_it(shared: ImpactShare, who: str, request) -> None:
    persona: Persona = request.getfixturevalue(who)
    status, page = reads(persona.client, shared)
    assert status == 404
    assert SECRET_SENTENCE not in page
    assert SECRET_SENTENCE not in persona.client.get("/impact/shared/").content.decode()
    assert persona.client.post(f"/impact/shared/{shared.id}/revoke/").status_code == 404


def test_someone_logged_out_is_sent_to_log_in(shared: ImpactShare, reader) -> None:
    response = reader.get(f"/impact/shared/{shared.id}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/log-in/")


@pytest.mark.parametrize(
    "who",
    ["outsider", "facilitator", "other_facilitator", "moderator", "institution_admin", "operator"],
)
def test_nobody_but_the_author_reaches_the_statement_itself(
    harmed: Persona, who: str, request
) -> None:
    url = write(harmed)
    persona: Persona = request.getfixturevalue(who)
    for suffix in ("", "versions/", "versions/1/", "versions/1/text/", "sharing/", "delete/"):
        response = persona.client.get(url + suffix)
        assert response.status_code == 404, suffix
        assert SECRET_SENTENCE not in response.content.decode()
    for suffix in ("", "autosave/", "versions/1/restore/", "versions/1/receipt/", "delete/"):
        data = {"text": "Overwritten.", "confirm": "on"}
        assert persona.client.post(url + suffix, data).status_code == 404, suffix
    assert ImpactVersion.objects.count() == 1


def test_a_facilitator_appointed_later_cannot_read_it_until_shared_again(
    harmed: Persona, shared: ImpactShare, institution_admin: Persona, institution: Institution
) -> None:
    newcomer = personas.facilitator(institution_admin, institution)
    status, page = reads(newcomer.client, shared)
    assert status == 404 and SECRET_SENTENCE not in page
    # And the vault agrees: no key was ever wrapped for them.
    assert newcomer.member.pk not in vault.readers_of(shared.version.content)

    share_with(harmed, f"/impact/{shared.statement_id}/", institution)
    status, page = reads(newcomer.client, shared)
    assert status == 200 and SECRET_SENTENCE in page


def test_stopping_sharing_takes_every_key_away(
    harmed: Persona,
    shared: ImpactShare,
    facilitator: Persona,
    institution_admin: Persona,
    institution: Institution,
) -> None:
    second = personas.facilitator(institution_admin, institution)
    share_with(harmed, f"/impact/{shared.statement_id}/", institution)
    item = shared.version.content
    assert set(vault.readers_of(item)) == {
        harmed.member.pk,
        facilitator.member.pk,
        second.member.pk,
    }

    response = harmed.client.post(f"/impact/shared/{shared.id}/revoke/")
    assert response.status_code == 302
    assert vault.readers_of(item) == [harmed.member.pk]
    for persona in (facilitator, second):
        status, page = reads(persona.client, shared)
        assert status == 404 and SECRET_SENTENCE not in page
        # Even holding the key of their own account, the vault now refuses them.
        with pytest.raises(vault.NotAReader):
            access.read_shared(persona.holder(), shared)
    assert (
        "You have not shared it with anyone."
        in harmed.client.get(f"/impact/{shared.statement_id}/sharing/").content.decode()
    )


def test_each_grant_and_revocation_is_audited_without_any_text(
    harmed: Persona,
    shared: ImpactShare,
    facilitator: Persona,
    institution: Institution,
    institution_admin: Persona,
) -> None:
    granted = AuditEvent.objects.get(event_type=AuditEventType.SHARE_GRANTED)
    grant = ImpactShareReader.objects.get()
    assert granted.actor_id == harmed.member.pk
    assert granted.institution_id == institution.id
    assert (granted.target_type, granted.target_id) == ("impact.ImpactShareReader", str(grant.id))
    assert grant.reader_id == facilitator.member.pk

    harmed.client.post(f"/impact/shared/{shared.id}/revoke/")
    revoked = AuditEvent.objects.get(event_type=AuditEventType.SHARE_REVOKED)
    assert revoked.reason == "withdrawn_by_author"
    assert revoked.target_id == str(grant.id)

    # The institution's admin sees both in its log, and nothing of what was written.
    log = institution_admin.client.get(f"/institutions/{institution.slug}/audit/")
    page = log.content.decode()
    assert "private text shared" in page and "private text no longer shared" in page
    for line in TEXT.splitlines():
        assert line not in page
    for event in AuditEvent.objects.all():
        assert "choir" not in " ".join(str(v) for v in vars(event).values())


def test_sharing_fixes_the_version_so_later_writing_does_not_reach_facilitators(
    harmed: Persona, shared: ImpactShare, facilitator: Persona
) -> None:
    url = f"/impact/{shared.statement_id}/"
    harmed.client.post(
        url + "autosave/", {"text": "Words I am not ready to share."}, HTTP_HX_REQUEST="true"
    )
    harmed.client.post(url, {"text": "More words I keep for myself."})
    status, page = reads(facilitator.client, shared)
    assert status == 200
    assert SECRET_SENTENCE in page
    assert "not ready to share" not in page and "keep for myself" not in page


def test_sharing_again_moves_the_facilitators_to_the_newest_version(
    harmed: Persona, shared: ImpactShare, facilitator: Persona, institution: Institution
) -> None:
    url = f"/impact/{shared.statement_id}/"
    old_item = shared.version.content
    harmed.client.post(url, {"text": "A newer version I now want them to read."})
    share_with(harmed, url, institution)
    status, page = reads(facilitator.client, shared)
    assert status == 200
    assert "A newer version I now want them to read." in page
    assert facilitator.member.pk not in vault.readers_of(old_item)


def test_a_facilitator_whose_role_ends_loses_the_key(
    shared: ImpactShare, facilitator: Persona, institution_admin: Persona
) -> None:
    role = Role.objects.get(member=facilitator.member, kind=RoleKind.FACILITATOR)
    institution_actions.do_revoke_role(institution_admin.member, role)
    assert facilitator.member.pk not in vault.readers_of(shared.version.content)
    status, _ = reads(facilitator.client, shared)
    assert status == 404
    event = AuditEvent.objects.get(event_type=AuditEventType.SHARE_REVOKED)
    assert event.reason == "facilitator_role_ended" and event.actor_id is None


def test_sharing_with_an_institution_without_facilitators_says_so(
    harmed: Persona, operator: Persona
) -> None:
    lonely = personas.institution(operator, name="Hillside Community Garden")
    personas.publish_profile(personas.institution_admin(operator, lonely), lonely)
    url = write(harmed)
    response = harmed.client.post(url + "sharing/", share_form(harmed, url, lonely))
    assert response.status_code == 400
    assert "has no facilitators yet" in response.content.decode()
    assert not ImpactShare.objects.exists()


def test_sharing_needs_an_informed_yes(harmed: Persona, facilitator: Persona, institution) -> None:
    url = write(harmed)
    form = share_form(harmed, url, institution)
    del form["understood"]
    response = harmed.client.post(url + "sharing/", form)
    assert response.status_code == 400
    assert not ImpactShare.objects.exists()


# G5: the confidentiality notice comes before any disclosure ----------------------------


def test_only_institutions_with_a_confidentiality_notice_are_offered(
    harmed: Persona, facilitator: Persona, institution: Institution, operator: Persona
) -> None:
    silent = personas.institution(operator, name="Hillside Community Garden")
    silent_facilitator = personas.facilitator(personas.institution_admin(operator, silent), silent)
    url = write(harmed)
    page = harmed.client.get(url + "sharing/").content.decode()
    assert institution.name in page and silent.name not in page
    # Asking for it by its id, or posting to it anyway, shares nothing.
    page = harmed.client.get(url + "sharing/", {"institution": str(silent.id)}).content.decode()
    assert "keeps confidential" not in page
    form = {**share_form(harmed, url, institution), "institution": str(silent.id)}
    assert harmed.client.post(url + "sharing/", form).status_code == 400
    assert not ImpactShare.objects.exists()
    assert (
        "/impact/shared/" not in silent_facilitator.client.get("/impact/shared/").content.decode()
    )
    # The action refuses it too, whatever a caller claims the member read.
    statement = access.impact_statement_for(harmed.member, url.strip("/").split("/")[-1])
    with pytest.raises(actions.ShareRefused, match="confidentiality notice"):
        actions.do_share_impact_statement(
            harmed.holder(), statement, silent, notice_acknowledged=True
        )


def test_the_notice_is_shown_and_acknowledged_before_sharing(
    harmed: Persona, facilitator: Persona, institution: Institution
) -> None:
    url = write(harmed)
    page = harmed.client.get(url + "sharing/", {"institution": str(institution.id)})
    html = page.content.decode()
    assert personas.NOTICE in html and personas.DUTIES in html
    form = share_form(harmed, url, institution)
    del form["notice_acknowledged"]
    response = harmed.client.post(url + "sharing/", form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "tick this box before you share" in html and personas.NOTICE in html
    assert not ImpactShare.objects.exists()


def test_a_notice_changed_after_it_was_shown_is_read_again(
    harmed: Persona, facilitator: Persona, institution: Institution, institution_admin: Persona
) -> None:
    url = write(harmed)
    form = share_form(harmed, url, institution)
    institution_actions.do_update_profile(
        institution_admin.member,
        institution,
        confidentiality_notice="A new notice: notes are kept for seven years.",
    )
    response = harmed.client.post(url + "sharing/", form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "changed its confidentiality notice" in html and "seven years" in html
    assert not ImpactShare.objects.exists()
    institution.refresh_from_db()
    share_with(harmed, url, institution)
    assert ImpactShare.objects.count() == 1


def test_a_case_can_share_with_its_own_facilitators_only(
    harmed: Persona,
    facilitator: Persona,
    other_facilitator: Persona,
    institution_admin: Persona,
    institution: Institution,
) -> None:
    """The cases app passes its institution, its facilitators and its id."""
    import uuid

    not_on_case = personas.facilitator(institution_admin, institution)
    url = write(harmed)
    statement = access.impact_statement_for(harmed.member, url.strip("/").split("/")[-1])
    case_id = uuid.uuid4()

    def share_for_case(reader: Persona) -> ImpactShare:
        return actions.do_share_impact_statement(
            harmed.holder(),
            statement,
            institution,
            notice_acknowledged=True,
            readers=[reader.member],
            case_id=case_id,
        )

    with pytest.raises(actions.ShareRefused):
        share_for_case(other_facilitator)
    share = share_for_case(facilitator)
    assert access.shared_with(facilitator.member, case_id=case_id) == [share]
    assert access.shared_with(not_on_case.member, case_id=case_id) == []
    assert reads(not_on_case.client, share)[0] == 404
    # Only the author can share: a facilitator holding a key cannot pass it on.
    from django.http import Http404

    with pytest.raises(Http404):
        actions.do_share_impact_statement(
            facilitator.holder(), statement, institution, notice_acknowledged=True
        )


def test_the_facilitators_pages_are_labelled_and_well_structured(
    shared: ImpactShare, facilitator: Persona
) -> None:
    from tests.test_accessibility import assert_accessible

    for path in ("/impact/shared/", f"/impact/shared/{shared.id}/"):
        response = facilitator.client.get(path)
        assert response.status_code == 200
        assert_accessible(path, response.content.decode())
        assert "no-store" in response["Cache-Control"]
