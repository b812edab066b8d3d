"""A whole restorative case in a real browser, by three people, with and without
JavaScript: a facilitator refers it and hands out codes, the responsible party
acknowledges responsibility, the harmed party opts in and makes their choices, the
coach holds a letter with a name in it, and the facilitator passes on its revision.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from amends.cases.tests.conftest import CLEAN_LETTER, NAMED_LETTER, open_profile
from amends.institutions import actions as institution_actions
from amends.institutions.models import RoleKind
from amends.testing import personas

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def people(suffix: str) -> dict[str, tuple[str, str]]:
    operator = personas.operator()
    institution = personas.institution(operator)
    admin = personas.institution_admin(operator, institution)
    open_profile(admin, institution)
    logins = {
        "facilitator": (f"facilitator-{suffix}", "a kettle hums in the staff room"),
        "responsible": (f"responsible-{suffix}", "the river keeps running under bridges"),
        "harmed": (f"harmed-{suffix}", "small boats rest in a quiet harbour"),
    }
    for who, (handle, passphrase) in logins.items():
        persona = personas.sign_up_with_handle(handle, passphrase)
        if who == "facilitator":
            _, code = institution_actions.do_issue_invitation(
                admin.member, RoleKind.FACILITATOR, institution
            )
            institution_actions.do_redeem_invitation(persona.member, code)
    return logins


def run_case(browser, live_server, *, javascript: bool, suffix: str, screenshots=None) -> None:
    origin = urlparse(live_server.url).netloc
    foreign: list[str] = []
    pages = {}
    for who, (handle, passphrase) in people(suffix).items():
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1200, "height": 900}
        )
        page = context.new_page()
        page.on(
            "request",
            lambda request: (
                foreign.append(request.url)
                if urlparse(request.url).netloc not in (origin, "")
                and not request.url.startswith("data:")
                else None
            ),
        )
        page.goto(live_server.url + "/log-in/")
        page.locator("#id_handle-handle").fill(handle)
        page.locator("#id_handle-passphrase").fill(passphrase)
        page.locator("form:has(#id_handle-handle) button").click()
        pages[who] = page
    facilitator, responsible, harmed = pages["facilitator"], pages["responsible"], pages["harmed"]

    def shot(page, name: str) -> None:
        if screenshots is not None:
            page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)

    def click(page, name: str) -> None:
        page.get_by_role("button", name=name).click()

    # The facilitator refers the case and hands the responsible party a code.
    facilitator.goto(live_server.url + "/cases/caseload/")
    click(facilitator, "Open the case")
    case_url = facilitator.url
    click(facilitator, "A code for the responsible party")
    code = facilitator.get_by_test_id("party-code").inner_text().strip()

    # The responsible party joins, reads the notice, acknowledges responsibility.
    responsible.goto(live_server.url + "/cases/join/")
    responsible.locator("#id_code").fill(code)
    click(responsible, "Join the case")
    expect(responsible.get_by_text("must act if someone is in danger")).to_be_visible()
    click(responsible, "I have read what is kept confidential")
    responsible.get_by_role("link", name="Write it").click()
    responsible.locator("#id_text").fill(
        "I kept pushing her after she said no. It was my choice and my responsibility."
    )
    click(responsible, "Give it to my facilitator")

    # The facilitator screens, prepares, checks readiness, and makes the one approach.
    facilitator.goto(case_url)
    click(facilitator, "To: Safety screening")
    click(facilitator, "Record the screening")
    click(facilitator, "To: Preparing the responsible party")
    click(facilitator, "The responsible party is ready")
    click(facilitator, "To: Offer to and preparation of the harmed party")
    click(facilitator, "A code for the harmed party")
    code = facilitator.get_by_test_id("party-code").inner_text().strip()

    # The harmed party joins, opts in, and chooses how.
    harmed.goto(live_server.url + "/cases/join/")
    harmed.locator("#id_code").fill(code)
    click(harmed, "Join the case")
    expect(harmed.get_by_role("link", name="Leave quickly")).to_be_visible()
    click(harmed, "I have read what is kept confidential")
    shot(harmed, "case-harmed")
    click(harmed, "Yes, I want contact through my facilitator")
    harmed.get_by_role("link", name="Your choices").click()
    harmed.get_by_label("letters relayed by the facilitator").check()
    harmed.get_by_label("a friend or family member").check()
    harmed.get_by_label("I speak first").check()
    harmed.get_by_label("one step at a time, when I say so").check()
    harmed.get_by_label("an apology").check()
    shot(harmed, "case-choices")
    click(harmed, "Save my choices")
    expect(harmed.get_by_text("Your choices are saved")).to_be_visible()

    # The facilitator records the reporting decision, decides go, opens the encounter.
    facilitator.goto(case_url)
    facilitator.get_by_label("no reporting duty applies").check()
    click(facilitator, "Record the reporting decision")
    click(facilitator, "To: Go/no-go decision")
    click(facilitator, "Decide: go")
    click(facilitator, "To: Encounter")
    expect(facilitator.locator(".stage-path .current")).to_have_text("Encounter")

    # A letter with a name in it is held by the coach; its revision goes through.
    responsible.goto(case_url)
    responsible.get_by_role("link", name="Write a letter to your facilitator").click()
    responsible.locator("#id_text").fill(NAMED_LETTER)
    click(responsible, "Give it to my facilitator")
    expect(responsible.get_by_text("The coach is holding this letter")).to_be_visible()
    shot(responsible, "case-letter-held")
    responsible.locator("#id_text").fill(CLEAN_LETTER)
    click(responsible, "Save and give it to my facilitator")
    expect(responsible.get_by_text("With the facilitator")).to_be_visible()

    # The facilitator reads it and passes it on; the harmed party reads it.
    facilitator.goto(case_url)
    expect(facilitator.get_by_text("The choice to keep pushing was mine")).to_be_visible()
    shot(facilitator, "case-facilitator")
    click(facilitator, "Pass it on")
    facilitator.goto(live_server.url + "/cases/caseload/")
    shot(facilitator, "case-caseload")
    harmed.goto(case_url)
    harmed.get_by_role("link", name="A letter passed on to you").click()
    expect(harmed.get_by_text("The choice to keep pushing was mine")).to_be_visible()
    shot(harmed, "case-letter")
    harmed.goto(case_url)
    assert "Holloway" not in harmed.content()
    assert foreign == [], foreign
    for page in pages.values():
        page.context.close()


def test_a_whole_case_with_javascript(browser, live_server, screenshot_dir) -> None:
    run_case(browser, live_server, javascript=True, suffix="js", screenshots=screenshot_dir)


def test_a_whole_case_without_javascript(browser, live_server) -> None:
    run_case(browser, live_server, javascript=False, suffix="nojs")
