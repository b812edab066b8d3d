"""The main story, in a real browser, once with JavaScript and once without.

Sign up with a codename, reflect, write a statement, publish it, find it in the
library by search. Every request the page makes must go to Amends itself.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WHAT_I_DID = "I kept pushing a partner to have sex after she told me she wanted to wait."


def sections(unique: str) -> dict[str, str]:
    return {
        "what_i_did": WHAT_I_DID,
        "known_impact": f"She told me she felt unsafe in her own home. {unique}",
        "responsibility": "I am sorry. The choice to keep pushing was mine alone.",
        "repair": "I offered, through someone she trusts, to pay for counselling if she wants it.",
        "change": "I see a therapist weekly and a men's group checks on me every month.",
    }


def run_story(browser, live_server, *, javascript: bool, unique: str, screenshots=None) -> None:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    origin = urlparse(live_server.url).netloc
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlparse(request.url).netloc not in (origin, "")
            and not request.url.startswith("data:")
            else None
        ),
    )

    def shot(name: str) -> None:
        if screenshots is not None:
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)

    if screenshots is not None:
        from django.core.management import call_command

        call_command("seed_demo")
    page.goto(live_server.url + "/")
    shot("library")
    page.get_by_role("link", name="Sign up").click()
    shot("sign-up")
    page.locator("#id_codename-understood").check()
    page.get_by_role("button", name="Give me a codename").click()
    codename = page.get_by_test_id("codename").inner_text().strip()
    assert len(codename.split()) == 7
    assert page.get_by_test_id("recovery-key").inner_text().strip()
    shot("codename")
    page.get_by_role("link", name="I have written them down").click()

    # Reflect privately.
    page.get_by_role("link", name="Start reflecting").click()
    page.get_by_label("Have I kept asking, sulking or bargaining").fill(
        "Yes. I kept asking until she gave in."
    )
    page.get_by_role("button", name="Save my reflection").click()
    assert "Your reflection is saved" in page.content()

    # Log out and back in with the codename: the reflection opens again.
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").click()
    page.locator("#id_codename-codename").fill(codename)
    show = page.get_by_role("button", name="Show the codename")
    if javascript:
        # The masked box can show the seven words, to check them before logging in.
        show.click()
        expect(page.locator("#id_codename-codename")).to_have_attribute("type", "text")
        expect(page.get_by_role("button", name="Hide the codename")).to_be_visible()
    else:
        expect(show).to_be_hidden()
    page.locator("form:has(#id_codename-codename) button[type=submit]").click()
    page.goto(live_server.url + "/reflection/")
    assert "I kept asking until she gave in." in page.content()

    # Write the statement.
    page.goto(live_server.url + "/me/")
    page.get_by_role("button", name="Start a new statement").click()
    for key, text in sections(unique).items():
        page.locator(f"#id_{key}").fill(text)
    if javascript:
        # The autosave reports back without a click, and the coach reads along.
        expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=15000)
        page.locator("#id_known_impact").fill(
            sections(unique)["known_impact"] + " It was in 2019, in Leeds."
        )
        expect(page.locator("#coach-panel")).to_contain_text("Leeds", timeout=15000)
        expect(page.locator("#coach-panel mark").first).to_be_visible()
        shot("coach")
        page.locator("#id_known_impact").fill(sections(unique)["known_impact"])
        expect(page.locator("#coach-panel")).not_to_contain_text("Leeds", timeout=15000)
    shot("editor")
    page.get_by_role("button", name="Save and preview").click()
    assert "Preview" in page.content()
    page.get_by_label("Relationship").check()
    page.get_by_label("Pressure").check()
    # Whatever the coach still raises is confirmed or acknowledged one by one.
    for box in page.locator("fieldset.identifying input, fieldset.concerns input").all():
        box.check()
    page.locator("#id_confirm").check()
    shot("preview")
    page.get_by_role("button", name="Publish to the library").click()
    assert "published in the library" in page.content()

    # A reader finds it by search.
    reader = browser.new_context(java_script_enabled=javascript).new_page()
    reader.goto(live_server.url + "/")
    reader.get_by_label("Search the library").fill(unique)
    reader.get_by_role("button", name="Search").click()
    assert "1 statement found" in reader.content()
    reader.get_by_role("link", name="I kept pushing a partner").first.click()
    assert unique in reader.content()
    assert "A statement by" in reader.content()
    if screenshots is not None:
        reader.screenshot(path=str(screenshots / "statement.png"), full_page=True)
    assert foreign == [], foreign
    context.close()


def test_the_whole_story_with_javascript(browser, live_server, screenshot_dir) -> None:
    run_story(
        browser,
        live_server,
        javascript=True,
        unique="I think of it every morning and every evening.",
        screenshots=screenshot_dir,
    )


def test_the_whole_story_without_javascript(browser, live_server) -> None:
    run_story(
        browser,
        live_server,
        javascript=False,
        unique="It weighs on me every morning and every night.",
    )


def test_a_failed_autosave_keeps_the_text_and_says_so(browser, live_server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/sign-up/")
    page.locator("#id_codename-understood").check()
    page.get_by_role("button", name="Give me a codename").click()
    page.get_by_role("link", name="I have written them down").click()
    page.get_by_role("button", name="Start a new statement").click()
    # The session ends behind the member's back (another tab logged out, or it timed out).
    context.clear_cookies()
    page.locator("#id_what_i_did").fill("Text typed after the session ended.")
    expect(page.locator("#save-status")).to_contain_text("Not saved", timeout=15000)
    assert page.locator("#id_what_i_did").input_value() == "Text typed after the session ended."
    context.close()


def test_keyboard_users_can_skip_to_the_content(browser, live_server) -> None:
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_member_dismisses_a_finding_with_a_reason_and_keeps_their_text(
    browser, live_server, javascript
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(live_server.url + "/sign-up/")
    page.locator("#id_codename-understood").check()
    page.get_by_role("button", name="Give me a codename").click()
    page.get_by_role("link", name="I have written them down").click()
    page.get_by_role("button", name="Start a new statement").click()
    page.locator("#id_what_i_did").fill("I pressured a colleague after the conference in Leeds.")
    page.get_by_role("button", name="Save draft").click()
    panel = page.locator("#coach-panel")
    expect(panel).to_contain_text("Leeds")
    # Typed after the last save: dismissing must not lose it.
    page.locator("#id_known_impact").fill("She left the team soon after.")
    item = panel.locator("li.finding-item", has_text="Leeds").first
    # Dismissing without choosing a reason is refused, and nothing typed is lost.
    item.get_by_role("button", name="Dismiss").click()
    expect(page.get_by_text("Choose why you are dismissing it")).to_be_visible(timeout=15000)
    assert page.locator("#id_known_impact").input_value() == "She left the team soon after."
    item = panel.locator("li.finding-item", has_text="Leeds").first
    item.locator("select").select_option("public")
    item.get_by_role("button", name="Dismiss").click()
    expect(panel).to_contain_text("Dismissed (1)", timeout=15000)
    expect(panel.locator("details.dismissed")).to_contain_text("It is public and already known")
    assert page.locator("#id_known_impact").input_value() == "She left the team soon after."
    # With JavaScript the panel alone is replaced; without it the page reloads and says so.
    noted = page.get_by_text("Noted. The coach will not raise it again")
    expect(noted).to_have_count(0 if javascript else 1)
    context.close()
