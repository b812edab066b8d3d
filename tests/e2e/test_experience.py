"""A member's experience at 1280 px and 390 px, with JavaScript on and off: support at
hand, pages that look finished, and a coach that fits a phone."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 390}
LEAVE_URL = "https://www.wikipedia.org/"


@pytest.fixture(
    params=[(w, js) for w in WIDTHS for js in (True, False)],
    ids=lambda p: f"{p[0]}-{'js' if p[1] else 'no-js'}",
)
def visitor(request, browser, live_server):
    width, javascript = request.param
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": WIDTHS[width], "height": 860}
    )
    page = context.new_page()
    origin = urlparse(live_server.url).netloc
    foreign: list[str] = []
    # "Leave quickly" is the one link to another site: answer it here, so that the test
    # reaches no network, and note any other request that leaves this server.
    page.route(
        LEAVE_URL + "**",
        lambda route: route.fulfill(body="<title>Neutral</title>Neutral", content_type="text/html"),
    )
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).netloc not in (origin, "") and not r.url.startswith(LEAVE_URL)
            else None
        ),
    )
    yield page, width, javascript, live_server.url
    assert foreign == [], foreign
    context.close()


def fits_the_width(page: Page) -> None:
    """Nothing is wider than the screen: no sideways scrolling on a phone."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, overflow


def sign_up(page: Page, base: str) -> None:
    page.goto(base + "/sign-up/")
    page.locator("#id_codename-understood").check()
    page.get_by_role("button", name="Give me a codename").click()
    page.get_by_role("link", name="I have written them down").click()


@pytest.mark.parametrize("path", ["/", "/your-data/", "/no-such-page/"])
def test_every_page_has_leave_quickly_at_the_top_and_the_footer_links(visitor, path) -> None:
    page, _width, javascript, base = visitor
    page.goto(base + path)
    leave = page.get_by_role("link", name="Leave quickly").first
    expect(leave).to_be_visible()
    assert leave.bounding_box()["y"] < 80
    footer = page.locator("footer.site")
    for name in ("Support", "What happens to my data", "About"):
        expect(footer.get_by_role("link", name=name, exact=True)).to_have_count(1)
    if javascript:  # scrollWidth needs script; without it the layout is the same CSS
        fits_the_width(page)


def test_leave_quickly_leaves_and_with_javascript_takes_the_page_out_of_history(visitor) -> None:
    page, _width, javascript, base = visitor
    page.goto(base + "/")
    page.goto(base + "/support/")
    page.get_by_role("link", name="Leave quickly").first.click()
    page.wait_for_url(LEAVE_URL)
    expect(page.get_by_text("Neutral")).to_be_visible()
    page.go_back()
    # With JavaScript the support page was replaced in the history; without it, Back
    # returns to it, as the support page says.
    expected = "/" if javascript else "/support/"
    assert urlparse(page.url).path == expected


def test_the_support_page_and_the_library_content_note(visitor, screenshot_dir) -> None:
    page, width, javascript, base = visitor
    page.goto(base + "/")
    expect(page.get_by_role("note")).to_contain_text("Content note")
    page.get_by_role("note").get_by_role("link", name="support").click()
    expect(page.get_by_role("heading", name="For people who were harmed")).to_be_visible()
    expect(page.get_by_text("Fictional demo entry").first).to_be_visible()
    if width == "desktop" and javascript:
        page.screenshot(path=str(screenshot_dir / "support.png"), full_page=True)


def test_a_missing_page_looks_like_amends(visitor) -> None:
    page, _width, _javascript, base = visitor
    response = page.goto(base + "/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="There is nothing at this address")).to_be_visible()
    expect(page.get_by_role("link", name="Go to the library")).to_be_visible()


def test_the_reflection_saves_itself_and_shows_progress(visitor, screenshot_dir) -> None:
    page, width, javascript, base = visitor
    sign_up(page, base)
    page.get_by_role("link", name="Start reflecting").click()
    expect(page.get_by_text("You have answered 0 of 10 questions.")).to_be_visible()
    # The text shows before the deferred script has bound its listeners; typing earlier
    # than that is kept by the Save button, but starts no autosave.
    page.wait_for_load_state("load")
    page.get_by_label("Have I kept asking, sulking or bargaining").fill("Yes, more than once.")
    if javascript:
        expect(page.locator("#save-status")).to_contain_text("Saved at", timeout=15000)
        expect(page.get_by_text("You have answered 1 of 10 questions.")).to_be_visible()
    else:
        page.get_by_role("button", name="Save my reflection").click()
        expect(page.get_by_text("You have answered 1 of 10 questions.")).to_be_visible()
    page.reload()
    assert page.get_by_label("Have I kept asking, sulking or bargaining").input_value() == (
        "Yes, more than once."
    )
    expect(
        page.locator("#q-next").get_by_role("link", name="Therapy and accountability groups")
    ).to_be_visible()
    if width == "desktop" and javascript:
        page.screenshot(path=str(screenshot_dir / "reflection.png"), full_page=False)


def test_on_a_phone_each_box_says_what_the_coach_raises_and_links_to_it(
    visitor, screenshot_dir
) -> None:
    page, width, javascript, base = visitor
    sign_up(page, base)
    page.get_by_role("button", name="Start a new statement").click()
    # Guides come before the box; Delete is apart, below everything.
    assert (
        page.locator("#guide-what_i_did").bounding_box()["y"]
        < page.locator("#id_what_i_did").bounding_box()["y"]
    )
    expect(page.locator("nav.actions").get_by_text("Delete")).to_have_count(0)
    expect(page.locator("#coach-panel")).to_contain_text("Nothing to raise yet")
    page.locator("#id_what_i_did").fill(
        "I pressured Priya after the party. It was just a bit of fun."
    )
    if not javascript:
        page.get_by_role("button", name="Save draft").click()
    count = page.locator("#coach-count-what_i_did")
    expect(count).to_contain_text(
        "The coach raises 1 detail and 1 pattern in this part.", timeout=15000
    )
    summary = page.get_by_test_id("coach-summary")
    expect(summary).to_contain_text("Risk that someone could be identified: high")
    count.get_by_role("link").click()
    expect(page.locator("#coach-what_i_did")).to_be_in_viewport()
    if width == "phone" and javascript:
        page.locator("#id_what_i_did").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_dir / "coach-phone.png"), full_page=False)
    if javascript:
        fits_the_width(page)


def test_publishing_asks_about_patterns_and_then_says_where_it_is_public(visitor) -> None:
    page, _width, _javascript, base = visitor
    sign_up(page, base)
    page.get_by_role("button", name="Start a new statement").click()
    texts = {
        "what_i_did": "I kept pushing a woman I was dating to have sex after she said no. It was just a bit of fun, I thought.",
        "known_impact": "She told me later that she stopped trusting her own judgement.",
        "responsibility": "I am sorry if she was upset. The choice was mine alone.",
        "repair": "I offered, through a friend she trusts, to pay for counselling if she wants it.",
        "change": "I see a therapist every week, and a men's group checks in with me.",
    }
    for key, text in texts.items():
        page.locator(f"#id_{key}").fill(text)
    page.get_by_role("button", name="Save and preview").click()
    concerns = page.get_by_test_id("concerns")
    expect(concerns).to_contain_text("I am sorry if she was upset")
    page.locator("#id_confirm").check()
    page.get_by_role("button", name="Publish to the library").click()
    expect(
        page.get_by_text("The coach still raises something about how the statement is written")
    ).to_be_visible()
    for box in page.locator("fieldset.concerns input, fieldset.identifying input").all():
        box.check()
    page.locator("#id_confirm").check()
    page.get_by_role("button", name="Publish to the library").click()
    notice = page.get_by_test_id("published-notice")
    expect(notice).to_contain_text("Your statement is public")
    expect(notice.get_by_role("button", name="Unpublish")).to_be_visible()
    public = notice.get_by_role("link", name="See it in the library").get_attribute("href")
    notice.get_by_role("button", name="Unpublish").click()
    response = page.goto(base + public)
    assert response.status == 410
    expect(page.get_by_role("heading", name="This statement was withdrawn")).to_be_visible()
