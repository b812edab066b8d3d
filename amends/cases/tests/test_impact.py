"""The harmed party shares their impact statement with the facilitators on their case.

Read-only, for exactly the facilitators on the case, never for the responsible party
(G1), after the confidentiality notice (G5), taken back in one step at any time, and
audited. Every role tries to read it through HTTP.
"""

from __future__ import annotations

import pytest

from amends.cases.stages import Stage
from amends.cases.tests.conftest import Walk, post
from amends.core.audit import AuditEvent, AuditEventType
from amends.impact.models import ImpactShare
from amends.impact.tests.helpers import write
from amends.institutions.models import Institution
from amends.testing import personas
from amends.testing.personas import Persona
from amends.vault import api as vault

pytestmark = pytest.mark.django_db

WORDS = "I stopped going to the library after that term, and I still take the long way round."


def statement_id(url: str) -> str:
    return url.strip("/").split("/")[-1]


def share(walk: Walk, url: str, status: int = 302):
    data = {"statement": statement_id(url), "understood": "on"}
    return post(walk.harmed.client, walk.url + "impact/", data, status)


def shared(walk: Walk) -> ImpactShare:
    return ImpactShare.objects.get(case_id=walk.case.id, revoked=None)


def reads_on_case(persona: Persona, walk: Walk) -> bool:
    return WORDS in persona.client.get(walk.url).content.decode()


def reads_directly(persona: Persona, share: ImpactShare) -> bool:
    response = persona.client.get(f"/impact/shared/{share.id}/")
    return response.status_code == 200 and WORDS in response.content.decode()


def test_the_facilitator_on_the_case_reads_it_and_nobody_else_does(
    walk: Walk,
    institution_admin: Persona,
    institution: Institution,
    other_facilitator: Persona,
    outsider: Persona,
    operator: Persona,
) -> None:
    walk.to_offer()
    colleague = personas.facilitator(institution_admin, institution)  # not on the case
    url = write(walk.harmed, WORDS)
    share(walk, url)
    found = shared(walk)
    assert reads_on_case(walk.facilitator, walk)
    assert reads_directly(walk.facilitator, found)
    assert set(vault.readers_of(found.version.content)) == {
        walk.harmed.member.id,
        walk.facilitator.member.id,
    }
    # G1: the responsible party sees nothing of it, anywhere they can look.
    for page in (walk.url, walk.url + "support/", "/cases/", "/me/", "/impact/shared/"):
        assert WORDS not in walk.responsible.client.get(page).content.decode(), page
    assert not reads_directly(walk.responsible, found)
    for persona in (colleague, other_facilitator, outsider, institution_admin, operator):
        assert not reads_on_case(persona, walk)
        assert not reads_directly(persona, found)
    # Nobody but the harmed party shares for the case or stops it.
    for persona in (walk.responsible, walk.facilitator, other_facilitator, outsider):
        data = {"statement": statement_id(url), "understood": "on"}
        assert persona.client.post(walk.url + "impact/", data).status_code == 404
        stop = f"{walk.url}impact/{found.id}/stop/"
        assert persona.client.post(stop).status_code == 404
    assert shared(walk).readers.filter(revoked=None).count() == 1


def test_stopping_takes_the_key_away_at_once_in_one_step(walk: Walk) -> None:
    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    found = shared(walk)
    post(walk.harmed.client, f"{walk.url}impact/{found.id}/stop/")
    assert not reads_on_case(walk.facilitator, walk)
    assert not reads_directly(walk.facilitator, found)
    assert vault.readers_of(found.version.content) == [walk.harmed.member.id]
    with pytest.raises(vault.NotAReader):
        found.version.read(walk.facilitator.holder())
    page = walk.harmed.client.get(walk.url).content.decode()
    assert "Share it with the facilitators on this case" in page


def test_sharing_and_stopping_are_in_the_cases_audit_log_without_a_word(walk: Walk) -> None:
    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    granted = AuditEvent.objects.get(event_type=AuditEventType.SHARE_GRANTED)
    assert granted.reason == "shared_for_case" and granted.actor_id == walk.harmed.member.id
    post(walk.harmed.client, f"{walk.url}impact/{shared(walk).id}/stop/")
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.SHARE_REVOKED, reason="withdrawn_by_author"
    ).exists()
    log = walk.facilitator.client.get(walk.url + "audit/").content.decode()
    assert "private text shared" in log and "private text no longer shared" in log
    assert WORDS not in log


def test_the_notice_comes_before_sharing_for_a_case(walk: Walk) -> None:
    """G5: a harmed party who has not acknowledged the notice as it now stands shares nothing."""
    walk.to_responsible_preparation()
    walk.take_responsibility()
    walk.ready()
    walk.move("harmed_preparation")
    walk.join(walk.harmed, "harmed")
    url = write(walk.harmed, WORDS)
    response = share(walk, url, status=409)
    assert "(G5)" in response.content.decode()
    assert not ImpactShare.objects.exists()
    # Without ticking that they understand who reads it, nothing is shared either.
    walk.acknowledge(walk.harmed)
    post(walk.harmed.client, walk.url + "impact/", {"statement": statement_id(url)}, 400)
    assert not ImpactShare.objects.exists()
    share(walk, url)
    assert reads_on_case(walk.facilitator, walk)


def test_a_cofacilitator_added_later_reads_it_only_once_shared_again(
    walk: Walk, institution_admin: Persona, institution: Institution
) -> None:
    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    colleague = personas.facilitator(institution_admin, institution)
    role = colleague.member.roles.get()
    post(walk.facilitator.client, walk.url + "cofacilitator/", {"role": str(role.id)})
    assert not reads_on_case(colleague, walk)
    page = walk.harmed.client.get(walk.url).content.decode()
    assert "1 facilitator joined your case since you shared it" in page
    share(walk, url)
    assert reads_on_case(colleague, walk) and reads_on_case(walk.facilitator, walk)


def test_a_case_that_ends_takes_back_what_was_shared_for_it(walk: Walk) -> None:
    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    found = shared(walk)
    page = walk.harmed.client.get(walk.url + "withdraw/").content.decode()
    assert "can no longer be read by them" in page
    response = walk.harmed.client.post(walk.url + "withdraw/")
    assert response.status_code == 200
    assert walk.refresh().stage == Stage.WITHDRAWN
    assert not reads_directly(walk.facilitator, found)
    assert walk.facilitator.member.id not in vault.readers_of(found.version.content)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.SHARE_REVOKED, reason="case_withdrawn"
    ).exists()
    # Their statement stays theirs, unchanged, in their space.
    assert WORDS in walk.harmed.client.get(url).content.decode()


def test_the_statements_own_sharing_page_shows_the_case_share(walk: Walk) -> None:
    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    page = walk.harmed.client.get(url + "sharing/").content.decode()
    assert "with the facilitators on your case at" in page and "Stop sharing" in page
    # Item 9: a harmed person can leave every one of these pages at once, without JavaScript.
    for each in (url, url + "sharing/", url + "versions/", walk.url):
        html = walk.harmed.client.get(each).content.decode()
        assert "data-leave-quickly" in html and "Leave quickly</a>" in html, each


def test_the_sharing_pages_are_labelled_and_well_structured(
    walk: Walk, institution: Institution
) -> None:
    from tests.test_accessibility import assert_accessible

    walk.to_offer()
    url = write(walk.harmed, WORDS)
    share(walk, url)
    pages = [
        (walk.harmed, walk.url),
        (walk.facilitator, walk.url),
        (walk.harmed, url + "sharing/"),
        (walk.harmed, f"{url}sharing/?institution={institution.id}"),
    ]
    for persona, page in pages:
        response = persona.client.get(page)
        assert response.status_code == 200, page
        assert_accessible(page, response.content.decode())
