from __future__ import annotations

import re

import pytest

from amends.library.models import Publication
from amends.members.models import Member
from amends.testing.personas import Persona
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db


def drafted(persona: Persona, **sections: str) -> str:
    url = persona.client.post("/statements/new/")["Location"]
    persona.client.post(url, statement_form(**sections))
    return url


def test_preview_shows_the_statement_as_readers_would_see_it(responsible: Persona) -> None:
    url = drafted(responsible)
    page = responsible.client.get(url + "preview/").content.decode()
    assert statement_form()["responsibility"] in page
    assert "Publish to the library" in page


def test_publishing_needs_every_section(responsible: Persona) -> None:
    url = drafted(responsible, repair="", change="  ")
    response = responsible.client.post(url + "preview/", {"confirm": "on"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "What I have done and will do to repair" in page and "Still empty" in page
    assert Publication.objects.count() == 0


def test_publishing_needs_the_identity_check(responsible: Persona) -> None:
    url = drafted(responsible)
    response = responsible.client.post(url + "preview/", {"tags": ["workplace"]})
    assert response.status_code == 400
    assert Publication.objects.count() == 0


def test_a_published_statement_carries_a_pseudonym_and_only_the_month(responsible: Persona) -> None:
    url = drafted(responsible)
    response = responsible.client.post(
        url + "preview/", {"confirm": "on", "tags": ["relationship", "pressure"]}
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.published_month.day == 1
    assert sorted(t.slug for t in publication.tags.all()) == ["pressure", "relationship"]
    page = responsible.client.get(f"/library/{publication.public_id}/").content.decode()
    assert publication.pseudonym in page
    assert "I see a therapist every week" in page
    # No day, no time: only "Month Year" dates appear on the page.
    assert not re.search(
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)",
        page,
    )
    assert not re.search(r"\d{1,2}:\d{2}", page)
    member = Member.objects.get(pk=responsible.member.pk)
    assert str(member.id) not in page and member.lookup not in page


def test_a_publication_stores_nothing_that_points_to_its_author(responsible: Persona) -> None:
    url = drafted(responsible)
    responsible.client.post(url + "preview/", {"confirm": "on"})
    fields = {field.name for field in Publication._meta.get_fields()}
    assert not fields & {"author", "member", "statement", "created", "updated"}


def test_unpublishing_removes_it_from_the_library_and_keeps_the_draft(
    responsible: Persona, reader
) -> None:
    url = drafted(responsible)
    responsible.client.post(url + "preview/", {"confirm": "on"})
    public_id = Publication.objects.get().public_id
    responsible.client.post(url + "unpublish/")
    gone = reader.get(f"/library/{public_id}/")
    assert gone.status_code == 410
    assert "This statement was withdrawn" in gone.content.decode()
    assert "pushing" not in reader.get("/?q=pushing").content.decode().split("found")[1]
    assert statement_form()["what_i_did"] in responsible.client.get(url).content.decode()


def test_publishing_again_replaces_the_copy_under_a_new_pseudonym(responsible: Persona) -> None:
    url = drafted(responsible)
    responsible.client.post(url + "preview/", {"confirm": "on"})
    first = Publication.objects.get()
    responsible.client.post(
        url, statement_form(what_i_did="I kept pressuring a partner to have sex.")
    )
    concerns = responsible.client.get(url + "preview/").context["concerns"]
    responsible.client.post(
        url + "preview/", {"confirm": "on", "acknowledged": [c.key for c in concerns]}
    )
    second = Publication.objects.get()
    assert second.pk != first.pk
    assert second.what_i_did == "I kept pressuring a partner to have sex."


def test_unknown_tags_are_refused(responsible: Persona) -> None:
    url = drafted(responsible)
    response = responsible.client.post(
        url + "preview/", {"confirm": "on", "tags": ["acme-corp-2019"]}
    )
    assert response.status_code == 400
    assert Publication.objects.count() == 0


def test_my_space_lists_statements_by_their_first_words(responsible: Persona) -> None:
    drafted(responsible)
    empty = responsible.client.post("/statements/new/")["Location"]
    assert empty
    home = responsible.client.get("/me/").content.decode()
    assert "\u201cI kept pushing a woman I was dating\u2026\u201d" in home
    assert "An empty statement" in home
    assert "Statement started" not in home


def test_the_versions_page_says_how_autosaves_are_kept(responsible: Persona) -> None:
    url = drafted(responsible)
    page = responsible.client.get(url + "versions/").content.decode()
    assert "keep updating one version for 10 minutes after it began" in page
    assert "within a few minutes of each other are kept as one" not in page


def test_the_editor_keeps_delete_apart_from_publishing_behind_a_confirmation(
    responsible: Persona,
) -> None:
    url = drafted(responsible)
    html = responsible.client.get(url).content.decode()
    nav = html.split('aria-label="Statement"')[1].split("</nav>")[0]
    assert "Preview and publish" in nav and "Delete" not in nav
    zone = html.split('class="card danger danger-zone"')[1].split("</section>")[0]
    assert f'href="{url}delete/"' in zone
    # Following the link deletes nothing: the next page asks first.
    assert "Delete this statement?" in responsible.client.get(url + "delete/").content.decode()
    assert responsible.client.post(url + "delete/", {}).status_code == 200
    assert responsible.client.get(url).status_code == 200


def test_each_guide_comes_before_its_box(responsible: Persona) -> None:
    html = responsible.client.get(drafted(responsible)).content.decode()
    for key in ("what_i_did", "known_impact", "responsibility", "repair", "change"):
        assert html.index(f'id="guide-{key}"') < html.index(f'id="id_{key}"'), key


def test_after_publishing_the_editor_says_where_and_how_to_withdraw(
    responsible: Persona,
) -> None:
    url = drafted(responsible)
    responsible.client.post(url + "preview/", {"confirm": "on"})
    publication = Publication.objects.get()
    notice = responsible.client.get(url).content.decode().split('data-testid="published-notice"')[1]
    notice = notice.split("</section>")[0]
    assert "Your statement is public" in notice
    assert publication.pseudonym in notice
    assert f'href="/library/{publication.public_id}/"' in notice
    assert "To withdraw it, unpublish it" in notice and f'action="{url}unpublish/"' in notice
