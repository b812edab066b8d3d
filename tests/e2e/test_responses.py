"""A reader's first response is held, a moderator approves it, and it appears: in a
real browser, once with JavaScript (the moderator uses the keyboard) and once without."""

from __future__ import annotations

import secrets

import pytest

from amends.institutions import actions as institution_actions
from amends.institutions.models import RoleKind
from amends.library.actions import do_publish
from amends.testing import personas
from amends.testing.writing import SECTIONS_EXAMPLE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RESPONSE = (
    "Reading this made me angry and sad. It happened to me too, and I am glad you wrote it down."
)


def moderator_handle() -> tuple[str, str]:
    operator = personas.operator()
    handle, passphrase = f"moderator-{secrets.token_hex(3)}", "moderators read every word carefully"
    moderator = personas.sign_up_with_handle(handle, passphrase)
    _, code = institution_actions.do_issue_invitation(operator.member, RoleKind.MODERATOR, None)
    institution_actions.do_redeem_invitation(moderator.member, code)
    return handle, passphrase


def story(browser, live_server, *, javascript: bool) -> None:
    publication = do_publish(dict(SECTIONS_EXAMPLE), [])
    handle, passphrase = moderator_handle()

    # A reader signs up and responds for the first time: it is held.
    responder = browser.new_context(java_script_enabled=javascript).new_page()
    responder.goto(live_server.url + "/sign-up/")
    responder.locator("#id_codename-understood").check()
    responder.get_by_role("button", name="Give me a codename").click()
    responder.goto(f"{live_server.url}/library/{publication.public_id}/")
    responder.get_by_test_id("responses-link").click()
    responder.get_by_label("Your response").fill(RESPONSE)
    responder.get_by_role("button", name="Send").click()
    assert "read by a moderator before they appear" in responder.content()
    assert responder.get_by_test_id("waiting").count() == 1

    reader = browser.new_context(java_script_enabled=javascript).new_page()
    reader.goto(f"{live_server.url}/library/{publication.public_id}/responses/")
    assert RESPONSE not in reader.content()

    # The moderator approves it from the queue.
    moderator = browser.new_context(java_script_enabled=javascript).new_page()
    moderator.goto(live_server.url + "/log-in/")
    moderator.locator("#id_handle-handle").fill(handle)
    moderator.locator("#id_handle-passphrase").fill(passphrase)
    moderator.locator("form:has(#id_handle-handle) button[type=submit]").click()
    moderator.goto(live_server.url + "/moderation/")
    item = moderator.get_by_test_id("queue-item")
    assert item.count() == 1 and RESPONSE in item.inner_text()
    if javascript:
        moderator.keyboard.press("a")
        moderator.wait_for_load_state()
    else:
        item.get_by_role("button", name="Approve").click()
    moderator.get_by_text("Nothing is waiting.").wait_for()

    reader.reload()
    assert RESPONSE in reader.content()
    for context in (responder.context, reader.context, moderator.context):
        context.close()


def test_a_held_first_response_is_approved_and_appears_with_javascript(
    browser, live_server
) -> None:
    story(browser, live_server, javascript=True)


def test_a_held_first_response_is_approved_and_appears_without_javascript(
    browser, live_server
) -> None:
    story(browser, live_server, javascript=False)
