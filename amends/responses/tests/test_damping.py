"""Pile-on damping with a moved clock: the member's rate limit, the statement's
velocity, and slow mode switching itself on and off."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import override_settings

from amends.library.models import Publication
from amends.responses import damping
from amends.responses.models import Response, ResponseSettings, Status
from amends.responses.tests.conftest import ANGER, INSULT, respond, thread_url, trust
from amends.testing import personas
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def distinct(n: int) -> str:
    """Responses that differ enough for the repeat check to let each through."""
    words = ["river", "lantern", "harbour", "orchard", "meadow", "ridge", "willow", "ember"]
    return f"Response {n}: reading this about {words[n % 8]} and {words[(n * 3) % 8]} made me think hard about consent {n}."


@override_settings(AMENDS_RESPONSES_ALLOWED=3, AMENDS_RESPONSE_WINDOW_SECONDS=600)
def test_a_member_past_their_rate_limit_waits_the_window_and_keeps_the_text(
    database_cache: None, statement: Publication, outsider: Persona
) -> None:
    trust(outsider)
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for n in range(3):
            assert respond(outsider.client, statement, distinct(n)).status_code == 302
        refused = respond(outsider.client, statement, distinct(3))
        assert refused.status_code == 429
        assert distinct(3) in refused.content.decode()
        assert b'data-testid="too-fast"' in refused.content
        assert Response.objects.filter(publication=statement).count() == 3
        clock.shift(datetime.timedelta(minutes=9))
        assert respond(outsider.client, statement, distinct(3)).status_code == 429
        clock.shift(datetime.timedelta(minutes=2))
        assert respond(outsider.client, statement, distinct(3)).status_code == 302
    assert Response.objects.filter(publication=statement).count() == 4


@override_settings(AMENDS_STATEMENT_VELOCITY_ALLOWED=3, AMENDS_STATEMENT_VELOCITY_SECONDS=900)
def test_past_the_velocity_new_responses_are_held_and_the_page_says_so(
    database_cache: None, statement: Publication, reader
) -> None:
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        readers = [personas.outsider() for _ in range(4)]
        for persona in readers:
            trust(persona)
        for n, persona in enumerate(readers[:3]):
            assert b'data-testid="busy-notice"' not in reader.get(thread_url(statement)).content
            respond(persona.client, statement, distinct(n))
        statuses = Response.objects.filter(publication=statement).values_list("status", flat=True)
        assert set(statuses) == {Status.PUBLISHED}
        # Three within the window: the page says that the next ones wait.
        assert b'data-testid="busy-notice"' in reader.get(thread_url(statement)).content
        respond(readers[3].client, statement, distinct(3))
        held = Response.objects.filter(publication=statement).latest("id")
        assert (held.status, held.reason) == (Status.HELD, damping.VELOCITY_REASON)
        assert b'data-testid="busy-notice"' in reader.get(thread_url(statement)).content
        clock.shift(datetime.timedelta(minutes=16))
        assert b'data-testid="busy-notice"' not in reader.get(thread_url(statement)).content
        respond(readers[0].client, statement, distinct(9))
        assert (
            Response.objects.filter(publication=statement).latest("id").status == Status.PUBLISHED
        )


def test_slow_mode_needs_a_rising_share_to_switch_on_and_a_falling_one_to_switch_off() -> None:
    assert damping.next_slow_mode(False, None) is False
    assert damping.next_slow_mode(False, 0.4) is False
    assert damping.next_slow_mode(False, 0.5) is True
    assert damping.next_slow_mode(True, 0.3) is True  # between the thresholds: as it was
    assert damping.next_slow_mode(True, 0.2) is False


@override_settings(AMENDS_SLOW_MODE_SECONDS=600)
def test_slow_mode_switches_itself_on_limits_each_member_and_switches_off(
    database_cache: None, statement: Publication, moderator: Persona, reader
) -> None:
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        calm = [personas.outsider() for _ in range(3)]
        angry = [personas.outsider() for _ in range(3)]
        for persona in calm + angry:
            trust(persona)
        for n, persona in enumerate(calm):
            respond(persona.client, statement, distinct(n))
        for persona in angry:
            respond(persona.client, statement, INSULT, send_anyway="on")
        settings = ResponseSettings.objects.get(publication=statement)
        assert settings.slow_mode, "three of six held as attacks"
        assert b'data-testid="slow-mode-notice"' in reader.get(thread_url(statement)).content
        # Each member may now respond once per window: those who just did must wait.
        assert respond(calm[0].client, statement, distinct(10)).status_code == 429
        newcomer = personas.outsider()
        trust(newcomer)
        assert respond(newcomer.client, statement, distinct(20)).status_code == 302
        refused = respond(newcomer.client, statement, distinct(21))
        assert refused.status_code == 429 and b"Slow mode is on" in refused.content
        assert distinct(21) in refused.content.decode()
        clock.shift(datetime.timedelta(minutes=11))
        # Moderators approve what was held after a second look: the share falls.
        for held in Response.objects.filter(publication=statement, status=Status.HELD):
            moderator.client.post(
                f"/moderation/responses/{held.pk}/", {"status": "published", "reason": "approved"}
            )
        settings.refresh_from_db()
        assert not settings.slow_mode
        assert respond(calm[0].client, statement, distinct(12)).status_code == 302
        assert respond(calm[0].client, statement, distinct(13)).status_code == 302


def test_anger_does_not_switch_slow_mode_on(statement: Publication) -> None:
    for _ in range(7):
        persona = personas.outsider()
        trust(persona)
        respond(persona.client, statement, ANGER)
    assert not ResponseSettings.objects.get(publication=statement).slow_mode
