"""The demo's responses: made through the real pipeline, judged by the demo moderator."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.library.models import Publication
from amends.members.demo import DemoLogin
from amends.responses import demo
from amends.responses.models import Response, Status
from amends.testing.personas import logged_in_with_handle

pytestmark = pytest.mark.django_db


def log_in(login: DemoLogin) -> Client:
    return logged_in_with_handle(login.handle, login.passphrase)


def test_the_demo_responses_need_the_demo_setting(settings: SettingsWrapper) -> None:
    settings.AMENDS_DEMO_LOGINS = False
    with pytest.raises(CommandError):
        call_command("seed_demo_responses")
    assert not Response.objects.exists()


def test_the_demo_moderator_finds_each_kind_of_response_where_it_belongs(
    settings: SettingsWrapper,
) -> None:
    settings.AMENDS_DEMO_LOGINS = True
    call_command("seed_demo")
    call_command("seed_demo_cases")
    call_command("seed_demo_responses")
    call_command("seed_demo_responses")  # a second run adds nothing
    assert Response.objects.count() == 2 + 2 + 4

    first = Publication.objects.order_by("-published_month", "-id").first()
    assert first is not None
    thread = Client().get(f"/library/{first.public_id}/responses/").content.decode()
    for text in demo.PUBLISHED:
        assert text in thread
    for text in (demo.FIRST_RESPONSE, demo.WITH_LINK, demo.ATTACK, demo.THREAT):
        assert text not in thread

    queue = log_in(demo.MODERATOR).get("/moderation/").content.decode()
    for text in (demo.FIRST_RESPONSE, demo.WITH_LINK, demo.ATTACK):
        assert Response.objects.get(text=text).status == Status.HELD
        # The queue marks the reason inside the text, so look for its opening words.
        assert text[:40] in queue
    assert Response.objects.get(text=demo.THREAT).status == Status.REJECTED
    # The readers' own logins work too.
    assert log_in(demo.READER).get(f"/library/{first.public_id}/").status_code == 200
