"""A whole case, start to finish, through HTTP: the path every gate test starts from."""

from __future__ import annotations

import pytest

from amends.cases.models import Letter
from amends.cases.stages import Stage
from amends.cases.tests.conftest import CLEAN_LETTER, Walk

pytestmark = pytest.mark.django_db


def test_a_case_walks_from_referral_to_closure(walk: Walk) -> None:
    walk.to_encounter()
    assert walk.refresh().stage == Stage.ENCOUNTER
    letter_id = walk.write(walk.responsible, CLEAN_LETTER)
    assert Letter.objects.get(pk=letter_id).status == Letter.Status.WITH_FACILITATOR
    walk.relay(letter_id, "pass_on")
    page = walk.harmed.client.get(f"/cases/letters/{letter_id}/")
    assert page.status_code == 200
    assert "The choice to keep pushing was mine" in page.content.decode()
    walk.move("repair_plan")
    walk.move("follow_up")
    walk.move("closed", "completed")
    assert walk.refresh().stage == Stage.CLOSED
    for persona in (walk.facilitator, walk.responsible, walk.harmed):
        assert persona.client.get(walk.url).status_code == 200
