"""Publishing checks the whole coach: details, failure patterns and missing elements."""

from __future__ import annotations

import pytest

from amends.library.models import Publication
from amends.statements import actions
from amends.statements.models import Statement
from amends.testing.personas import Persona
from amends.testing.writing import drafted, statement_form

pytestmark = pytest.mark.django_db

EXCUSING = {
    "what_i_did": "I kept pushing a woman I was dating to have sex after she said she "
    "wanted to wait. It was just a bit of fun at first.",
    "responsibility": "I am sorry if she was upset. It was my choice to keep pushing.",
}


def test_preview_lists_open_patterns_and_missing_elements_with_their_reasons(
    responsible: Persona,
) -> None:
    url = drafted(responsible, **EXCUSING)
    response = responsible.client.get(url + "preview/")
    kinds = {placed.finding.kind for placed in response.context["concerns"]}
    assert {"minimising", "conditional_apology", "apology"} <= kinds
    concerns = response.content.decode().split('data-testid="concerns"')[1].split("</fieldset>")[0]
    assert "It was just a bit of fun at first" in concerns
    assert "I am sorry if she was upset" in concerns
    for placed in response.context["concerns"]:
        assert placed.finding.reason in concerns


def test_publishing_is_refused_until_each_pattern_and_element_is_acknowledged(
    responsible: Persona,
) -> None:
    url = drafted(responsible, **EXCUSING)
    concerns = [p.key for p in responsible.client.get(url + "preview/").context["concerns"]]
    refused = responsible.client.post(url + "preview/", {"confirm": "on"})
    assert refused.status_code == 400
    assert "It was just a bit of fun at first" in refused.context["form"].errors["acknowledged"][0]
    partly = responsible.client.post(
        url + "preview/", {"confirm": "on", "acknowledged": concerns[:-1]}
    )
    assert partly.status_code == 400
    assert Publication.objects.count() == 0
    published = responsible.client.post(
        url + "preview/", {"confirm": "on", "acknowledged": concerns}
    )
    assert published.status_code == 302
    assert Publication.objects.count() == 1


def test_a_pattern_dismissed_with_a_reason_needs_no_acknowledgement(
    responsible: Persona,
) -> None:
    url = drafted(responsible, **EXCUSING)
    concerns = responsible.client.get(url + "preview/").context["concerns"]
    minimising = next(p for p in concerns if p.finding.kind == "minimising")
    data = statement_form(**EXCUSING)
    data.update({"dismiss": minimising.key, f"reason-{minimising.key}": "rejected_next"})
    responsible.client.post(url + "coach/dismiss/", data)
    left = responsible.client.get(url + "preview/").context["concerns"]
    assert minimising.key not in {p.key for p in left}
    assert len(left) == len(concerns) - 1


def test_the_publish_action_itself_refuses_what_was_not_acknowledged(
    responsible: Persona,
) -> None:
    """The check holds below the form: any caller of the action is held to it."""
    url = drafted(responsible, **EXCUSING)
    statement = Statement.objects.get(pk=url.strip("/").split("/")[-1])
    holder = responsible.holder()
    with pytest.raises(actions.NotReadyToPublish) as refused:
        actions.do_publish_statement(holder, statement, [], acknowledged=[])
    kinds = {placed.finding.kind for placed in refused.value.unacknowledged}
    assert {"minimising", "conditional_apology"} <= kinds
    assert Publication.objects.count() == 0


def test_acknowledging_keys_the_coach_never_raised_publishes_nothing(
    responsible: Persona,
) -> None:
    url = drafted(responsible, **EXCUSING)
    response = responsible.client.post(
        url + "preview/",
        {"confirm": "on", "acknowledged": ["pattern:minimising:0000000000000000"]},
    )
    assert response.status_code == 400
    assert Publication.objects.count() == 0
