"""The coach's panel: dismissing is a decision, and the panel explains itself."""

from __future__ import annotations

import re
from typing import Any

import pytest

from amends.coaching.actions import DISMISS_REASONS
from amends.testing.personas import Persona
from amends.testing.writing import drafted, statement_form

pytestmark = pytest.mark.django_db

NAMED = "I pressured Priya after the party. It was just a bit of fun."


def coach_url(url: str, action: str) -> str:
    """The live panel (statements:coach_panel) or dismissal (statements:coach_dismiss)."""
    return url + ("coach/" if action == "panel" else "coach/dismiss/")


def keys_in(html: str, family: str) -> list[str]:
    return re.findall(rf'name="dismiss" value="({family}:[^"]+)"', html)


def dismissed_count(persona: Persona, url: str) -> int:
    found = re.search(r"Dismissed \((\d+)\)", persona.client.get(url).content.decode())
    return int(found.group(1)) if found else 0


def menu_for(html: str, key: str) -> str:
    return html.split(f'name="reason-{key}"')[1].split("</select>")[0]


def test_every_dismiss_menu_starts_on_no_reason(responsible: Persona) -> None:
    html = responsible.client.get(drafted(responsible, what_i_did=NAMED)).content.decode()
    keys = keys_in(html, "detail") + keys_in(html, "pattern")
    assert keys
    for key in keys:
        first = re.search(r"<option[^>]*>", menu_for(html, key))
        assert first is not None and 'value=""' in first.group(0) and "selected" in first.group(0)


def test_each_menu_offers_only_the_reasons_that_fit_the_family(responsible: Persona) -> None:
    html = responsible.client.get(drafted(responsible, what_i_did=NAMED)).content.decode()
    detail, pattern = keys_in(html, "detail")[0], keys_in(html, "pattern")[0]
    assert "a placeholder I made up" in menu_for(html, detail)
    assert "I reject it in the next sentence" not in menu_for(html, detail)
    assert "I reject it in the next sentence" in menu_for(html, pattern)
    assert "a placeholder I made up" not in menu_for(html, pattern)


def test_a_dismissal_without_a_reason_is_refused_and_the_finding_stays_open(
    responsible: Persona,
) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    key = keys_in(responsible.client.get(url).content.decode(), "detail")[0]
    data = statement_form(what_i_did=NAMED, known_impact="Typed just before pressing Dismiss.")
    data["dismiss"] = key
    response = responsible.client.post(coach_url(url, "dismiss"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose why you are dismissing it" in page
    assert "Typed just before pressing Dismiss." in page
    assert dismissed_count(responsible, url) == 0


def dismiss_the_pattern(persona: Persona, url: str, reason: str, note: str = "") -> Any:
    """Dismiss the draft's failure pattern through the live panel, as htmx does."""
    key = keys_in(persona.client.get(url).content.decode(), "pattern")[0]
    data = statement_form(what_i_did=NAMED)
    data.update({"dismiss": key, f"reason-{key}": reason, f"note-{key}": note})
    return persona.client.post(coach_url(url, "dismiss"), data, HTTP_HX_REQUEST="true")


def test_a_reason_from_another_family_is_refused(responsible: Persona) -> None:
    """One click on a placeholder reason must not wave away minimising."""
    url = drafted(responsible, what_i_did=NAMED)
    response = dismiss_the_pattern(responsible, url, "placeholder")
    assert response.status_code == 400
    assert "Choose why you are dismissing it" in response.content.decode()
    assert dismissed_count(responsible, url) == 0


def test_a_made_up_family_is_refused(responsible: Persona) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    data = statement_form(what_i_did=NAMED)
    data.update({"dismiss": "anything:x:0", "reason-anything:x:0": "placeholder"})
    assert responsible.client.post(coach_url(url, "dismiss"), data).status_code == 400
    assert dismissed_count(responsible, url) == 0


def test_disagreeing_needs_a_note_and_keeps_it(responsible: Persona) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    refused = dismiss_the_pattern(responsible, url, "disagree")
    assert refused.status_code == 400
    assert "Say in the note why you disagree" in refused.content.decode()
    note = "I quote what I told myself, to show it was a lie."
    accepted = dismiss_the_pattern(responsible, url, "disagree", note)
    assert accepted.status_code == 200
    assert "I disagree, and here is why. I quote what I told myself" in accepted.content.decode()


@pytest.mark.parametrize("family", sorted(DISMISS_REASONS))
def test_every_family_has_reasons_that_each_read_as_a_sentence(family: str) -> None:
    reasons = DISMISS_REASONS[family]
    assert len(reasons) >= 2
    for text in reasons.values():
        assert text[0].isupper() and text.endswith("."), text


def test_the_summary_comes_first_with_counts_risk_and_what_highlights_mean(
    responsible: Persona,
) -> None:
    html = responsible.client.get(drafted(responsible, what_i_did=NAMED)).content.decode()
    panel = html.split('id="coach-panel"')[1]
    summary = panel.split('data-testid="coach-summary"')[1].split("</div>")[0]
    assert "1 detail that could identify someone" in summary
    assert "1 way of writing that shrinks or shifts the harm" in summary
    assert "Risk that someone could be identified: <strong>high</strong>" in summary
    assert "Yellow</mark> marks a detail" in summary and "Blue</mark> marks" in summary
    # The summary is above the first finding.
    assert panel.index('data-testid="coach-summary"') < panel.index("finding-item")


def test_findings_are_grouped_under_their_section(responsible: Persona) -> None:
    url = drafted(responsible, known_impact="Priya stopped coming to the choir.")
    panel = responsible.client.get(url).content.decode().split('id="coach-panel"')[1]
    section = panel.split('id="coach-known_impact"')[1].split("</section>")[0]
    assert "Its impact, as far as I know it" in section and "Priya" in section
    assert 'id="coach-what_i_did"' not in panel


def test_each_box_says_how_much_the_coach_raises_there_and_links_to_it(
    responsible: Persona,
) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    html = responsible.client.get(url).content.decode()
    count = html.split('id="coach-count-what_i_did"')[1].split("</p>")[0]
    assert 'href="#coach-what_i_did"' in count
    assert "The coach raises 1 detail and 1 pattern in this part." in count
    # The box comes before the panel in the page: the count is beside the box.
    assert html.index('id="coach-count-what_i_did"') < html.index('id="coach-panel"')
    # The live panel updates the counts beside the boxes too.
    live = responsible.client.post(
        coach_url(url, "panel"),
        statement_form(what_i_did="I pressured her."),
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert re.search(r'id="coach-count-what_i_did"[^>]*hx-swap-oob="true"', live)


def test_an_empty_draft_shows_no_findings(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    panel = responsible.client.get(url).content.decode().split('id="coach-panel"')[1]
    assert "Nothing to raise yet" in panel
    assert "finding-item" not in panel and "Not there yet" not in panel
    assert "Risk that" not in panel


def test_dismissing_a_detail_updates_the_risk_shown(responsible: Persona) -> None:
    url = drafted(responsible, what_i_did="I pressured Priya after the party.")
    html = responsible.client.get(url).content.decode()
    assert "Risk that someone could be identified: <strong>high</strong>" in html
    key = keys_in(html, "detail")[0]
    data = statement_form(what_i_did="I pressured Priya after the party.")
    data.update({"dismiss": key, f"reason-{key}": "placeholder"})
    panel = responsible.client.post(
        coach_url(url, "dismiss"), data, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Risk that someone could be identified: <strong>low</strong>" in panel
    assert "which identify someone directly" not in panel
