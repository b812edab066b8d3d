"""The demo's cases: seeded through the real actions, reachable with the documented logins."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.cases import demo
from amends.cases.models import Case
from amends.cases.stages import Stage
from amends.members.demo import DemoLogin
from amends.testing.personas import logged_in_with_handle

pytestmark = pytest.mark.django_db


def log_in(login: DemoLogin) -> Client:
    return logged_in_with_handle(login.handle, login.passphrase)


def test_the_demo_cases_need_the_demo_setting(settings: SettingsWrapper) -> None:
    settings.AMENDS_DEMO_LOGINS = False
    with pytest.raises(CommandError):
        call_command("seed_demo_cases")
    assert not Case.objects.exists()


def test_the_demo_has_cases_at_different_stages_and_its_logins_work(
    settings: SettingsWrapper,
) -> None:
    settings.AMENDS_DEMO_LOGINS = True
    call_command("seed_demo_cases")
    call_command("seed_demo_cases")  # a second run adds nothing
    stages = sorted(Case.objects.values_list("stage", flat=True))
    assert stages == sorted([Stage.ENCOUNTER, Stage.REFERRAL, Stage.SCREENING, Stage.DANGER])
    caseload = log_in(demo.FACILITATOR).get("/cases/caseload/").content.decode()
    assert "Encounter" in caseload and "not taken" in caseload
    encounter = Case.objects.get(stage=Stage.ENCOUNTER)
    harmed_page = log_in(demo.HARMED).get(f"/cases/{encounter.id}/").content.decode()
    assert "A letter passed on to you" in harmed_page
    co_page = log_in(demo.CO_FACILITATOR).get(f"/cases/{encounter.id}/")
    assert co_page.status_code == 200 and demo.IMPACT[:40] in co_page.content.decode()
    responsible_page = log_in(demo.RESPONSIBLE).get(f"/cases/{encounter.id}/").content.decode()
    assert demo.IMPACT[:40] not in responsible_page
