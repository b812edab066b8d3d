from __future__ import annotations

import pytest

from amends.library.models import Publication
from amends.testing.personas import Persona
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db

NAMED = "In 2019 I pressured Rebecca Holloway, the new intern in accounting, to go home with me."


def drafted(persona: Persona, **sections: str) -> str:
    url = persona.client.post("/statements/new/")["Location"]
    persona.client.post(url, statement_form(**sections))
    return url


def panel_url(url: str) -> str:
    statement_id = url.strip("/").split("/")[-1]
    return f"/statements/{statement_id}/coach/"


def dismiss_url(url: str) -> str:
    statement_id = url.strip("/").split("/")[-1]
    return f"/statements/{statement_id}/coach/dismiss/"


def test_the_coach_reviews_the_text_as_it_is_typed(responsible: Persona) -> None:
    url = drafted(responsible)
    response = responsible.client.post(
        panel_url(url), statement_form(what_i_did=NAMED), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rebecca Holloway" in html
    assert '<mark class="finding detail"' in html
    assert "Risk that someone could be identified: <strong>high</strong>" in html


def test_the_editor_shows_the_coach_beside_the_saved_draft_without_javascript(
    responsible: Persona,
) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    html = responsible.client.get(url).content.decode()
    assert 'id="coach-panel"' in html
    assert "Rebecca Holloway" in html.split('id="coach-panel"')[1]


def test_the_keep_out_list_is_always_flagged(responsible: Persona) -> None:
    response = responsible.client.post("/coach/keep-out/", {"items": "Harbourview\nTeddy"})
    assert response.status_code == 302
    assert "Harbourview" in responsible.client.get("/coach/keep-out/").content.decode()
    url = drafted(responsible, known_impact="She stopped going to harbourview after that.")
    html = responsible.client.get(url).content.decode().split('id="coach-panel"')[1]
    assert '<mark class="finding detail" title="' in html
    assert "harbourview</mark>" in html


def test_a_dismissed_finding_stays_dismissed_with_its_reason_and_can_be_raised_again(
    responsible: Persona,
) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    panel = responsible.client.post(
        panel_url(url), statement_form(what_i_did=NAMED)
    ).content.decode()
    key = panel.split('name="dismiss" value="')[1].split('"')[0]
    data = statement_form(what_i_did=NAMED)
    assert key.startswith("detail:")
    data.update({"dismiss": key, f"reason-{key}": "placeholder"})
    response = responsible.client.post(dismiss_url(url), data)
    assert response.status_code == 302
    html = responsible.client.get(url).content.decode()
    assert "Dismissed (1)" in html
    assert "It is a placeholder I made up, not a real detail." in html
    assert f'name="dismiss" value="{key}"' not in html
    data = statement_form(what_i_did=NAMED)
    data["restore"] = key
    responsible.client.post(dismiss_url(url), data)
    assert f'name="dismiss" value="{key}"' in responsible.client.get(url).content.decode()


def test_dismissing_without_javascript_saves_the_text_typed_so_far(responsible: Persona) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    panel = responsible.client.get(url).content.decode()
    key = panel.split('name="dismiss" value="')[1].split('"')[0]
    data = statement_form(
        what_i_did=NAMED, known_impact="A new sentence typed just before dismissing."
    )
    data.update({"dismiss": key, f"reason-{key}": "not_about_anyone"})
    responsible.client.post(dismiss_url(url), data)
    assert (
        "A new sentence typed just before dismissing."
        in responsible.client.get(url).content.decode()
    )


def test_publishing_asks_to_confirm_each_identifying_detail(responsible: Persona) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    preview = responsible.client.get(url + "preview/")
    details = preview.context["details"]
    assert len(details) >= 3
    refused = responsible.client.post(url + "preview/", {"confirm": "on"})
    assert refused.status_code == 400
    assert "Rebecca Holloway" in refused.context["form"].errors["confirmed_details"][0]
    assert Publication.objects.count() == 0
    some = [placed.key for placed in details[:-1]]
    partly = responsible.client.post(url + "preview/", {"confirm": "on", "confirmed_details": some})
    assert partly.status_code == 400
    everything = [placed.key for placed in details]
    concerns = [placed.key for placed in preview.context["concerns"]]
    published = responsible.client.post(
        url + "preview/",
        {"confirm": "on", "confirmed_details": everything, "acknowledged": concerns},
    )
    assert published.status_code == 302
    assert Publication.objects.count() == 1


def test_a_clean_statement_publishes_without_extra_confirmations(responsible: Persona) -> None:
    url = drafted(responsible)
    assert responsible.client.get(url + "preview/").context["details"] == []


@pytest.mark.parametrize("path", ["coach/", "coach/dismiss/"])
def test_another_member_cannot_use_the_coach_on_someone_elses_statement(
    responsible: Persona, outsider: Persona, path: str
) -> None:
    url = drafted(responsible, what_i_did=NAMED)
    statement_id = url.strip("/").split("/")[-1]
    data = statement_form(what_i_did="Overwritten.")
    data["dismiss"] = "detail:name:0000"
    response = outsider.client.post(f"/statements/{statement_id}/{path}", data)
    assert response.status_code == 404
    assert "Overwritten." not in responsible.client.get(url).content.decode()


def test_dismissing_with_text_too_long_to_save_gives_the_text_back(responsible: Persona) -> None:
    from amends.statements.sections import MAX_SECTION_LENGTH

    url = drafted(responsible, what_i_did=NAMED)
    too_long = "I kept going. " * (MAX_SECTION_LENGTH // 10)
    data = statement_form(what_i_did=NAMED, known_impact=too_long)
    data.update({"dismiss": "detail:place:0000", "reason-detail:place:0000": "public"})
    response = responsible.client.post(dismiss_url(url), data)
    assert response.status_code == 400
    assert "I kept going. I kept going." in response.content.decode()
    assert "Dismissed (" not in responsible.client.get(url).content.decode()
