"""A lockout lasts the window the settings state, on the cache Amends really uses.

The clock is moved with time-machine, which moves it for the database cache's
expiry checks too. Redis keeps its own clock, so on Redis the window is checked
with a short real one.
"""

from __future__ import annotations

import datetime
import os
import time

import pytest
import time_machine
from django.test import override_settings

from amends.testing.personas import Persona, handle_sign_up_form, new_client

pytestmark = pytest.mark.django_db


def log_in(persona: Persona, passphrase: str) -> int:
    response = new_client().post(
        "/log-in/",
        {"way": "handle", "handle-handle": persona.handle, "handle-passphrase": passphrase},
    )
    return response.status_code


def lock_out(persona: Persona, allowed: int) -> None:
    for _ in range(allowed):
        assert log_in(persona, "a wrong guess at the passphrase") == 400
    assert log_in(persona, persona.secret) == 429


@override_settings(AMENDS_LOGIN_FAILURES_ALLOWED=5, AMENDS_LOGIN_WINDOW_SECONDS=15 * 60)
def test_a_login_lockout_on_the_database_cache_lasts_the_whole_window(
    database_cache: None, handle_member: Persona
) -> None:
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        lock_out(handle_member, 5)
        # Past the cache's default timeout of five minutes, well inside fifteen.
        clock.shift(datetime.timedelta(minutes=6))
        assert log_in(handle_member, handle_member.secret) == 429
        clock.shift(datetime.timedelta(minutes=8))
        assert log_in(handle_member, handle_member.secret) == 429
        clock.shift(datetime.timedelta(minutes=2))
        assert log_in(handle_member, handle_member.secret) == 302


@override_settings(AMENDS_SIGN_UPS_ALLOWED=1)
def test_a_sign_up_limit_on_the_database_cache_lasts_the_whole_window(
    settings, database_cache: None, handle_member: Persona
) -> None:
    form = handle_sign_up_form(handle_member.handle, handle_member.secret)
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        assert new_client().post("/sign-up/", form).status_code == 429
        clock.shift(datetime.timedelta(seconds=settings.AMENDS_SIGN_UP_WINDOW_SECONDS - 60))
        assert new_client().post("/sign-up/", form).status_code == 429
        clock.shift(datetime.timedelta(seconds=120))
        assert new_client().post("/sign-up/", form).status_code == 200


@pytest.mark.skipif(not os.environ.get("AMENDS_REDIS_URL"), reason="runs where Redis is the cache")
@override_settings(AMENDS_LOGIN_FAILURES_ALLOWED=3, AMENDS_LOGIN_WINDOW_SECONDS=2)
def test_a_login_lockout_on_redis_ends_with_its_window(handle_member: Persona) -> None:
    # A window shorter than the cache's default timeout: a counter written back with
    # the default (300 s) would keep the member locked out for minutes.
    lock_out(handle_member, 3)
    time.sleep(2.5)
    assert log_in(handle_member, handle_member.secret) == 302
