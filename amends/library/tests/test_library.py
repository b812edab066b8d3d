from __future__ import annotations

import datetime

import pytest
from django.test import Client, override_settings

from amends.library.actions import do_publish, do_withdraw
from amends.library.models import Publication
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def publish(
    what: str, *, tags: tuple[str, ...] = (), month: datetime.date | None = None
) -> Publication:
    publication = do_publish(
        {
            "what_i_did": what,
            "known_impact": "She stopped coming to the group for a long time.",
            "responsibility": "I am sorry. It was my doing.",
            "repair": "I left the group so that she could come back.",
            "change": "I see a counsellor and a friend checks in with me.",
        },
        list(tags),
    )
    if month:
        Publication.objects.filter(pk=publication.pk).update(published_month=month)
    return publication


def results(client, query: str = ""):
    return client.get("/" + query).content.decode()


def test_the_library_lists_newest_first(reader) -> None:
    publish("An older statement about pressure.", month=datetime.date(2026, 1, 1))
    publish("A newer statement about messages.", month=datetime.date(2026, 3, 1))
    publish("The newest statement, same month.", month=datetime.date(2026, 3, 1))
    page = results(reader)
    assert (
        page.index("The newest statement")
        < page.index("A newer statement")
        < page.index("An older statement")
    )


def test_search_finds_words_in_any_section_and_their_forms(reader) -> None:
    publish("I pressured my partner repeatedly.")
    publish("I sent messages she never asked for.")
    page = results(reader, "?q=pressure")
    assert "I pressured my partner" in page and "I sent messages" not in page
    assert "I sent messages" in results(reader, "?q=counsellor+messages")
    assert "1 statement found" in results(reader, "?q=MESSAGES")


def test_search_needs_every_word(reader) -> None:
    publish("I pressured my partner repeatedly.")
    assert "0 statements found" in results(reader, "?q=pressured+elephant")


@pytest.mark.parametrize(
    "query",
    ['"', "NEAR(", "a*", "pressure OR", "-", "'; DROP TABLE x; --", "^", "col:value", "\u00e9"],
)
def test_search_syntax_from_a_reader_never_breaks_the_page(reader, query) -> None:
    publish("I pressured my partner repeatedly.")
    response = reader.get("/", {"q": query})
    assert response.status_code == 200


def test_tags_filter_and_combine(reader) -> None:
    publish("At work I made remarks.", tags=("workplace", "objectifying"))
    publish("At a party I ignored a no.", tags=("party", "ignoring-a-no"))
    publish("At work I ignored a no.", tags=("workplace", "ignoring-a-no"))
    page = reader.get("/", {"tag": ["workplace"]}).content.decode()
    assert (
        "At work I made remarks." in page
        and "At work I ignored" in page
        and "At a party" not in page
    )
    both = reader.get("/", {"tag": ["workplace", "ignoring-a-no"]}).content.decode()
    assert "1 statement found" in both and "At work I ignored" in both
    unknown = reader.get("/", {"tag": ["made-up"]})
    assert unknown.status_code == 200


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
def test_pagination_keeps_the_search(reader) -> None:
    for n in range(5):
        publish(f"Statement number {n} about pressure.")
    first = reader.get("/", {"q": "pressure"}).content.decode()
    assert "Page 1 of 3" in first
    assert "q=pressure&amp;page=2" in first
    third = reader.get("/", {"q": "pressure", "page": 3}).content.decode()
    assert "Statement number 0" in third
    assert reader.get("/", {"page": "999"}).status_code == 200
    assert reader.get("/", {"page": "nonsense"}).status_code == 200


def test_a_withdrawn_statement_disappears_from_search(reader) -> None:
    publication = publish("I pressured my partner repeatedly.")
    do_withdraw(publication)
    assert "0 statements found" in results(reader, "?q=pressured")


def test_a_statement_page_is_readable_and_unknown_ones_are_404(reader) -> None:
    publication = publish("I pressured my partner repeatedly.", tags=("relationship",))
    page = reader.get(f"/library/{publication.public_id}/").content.decode()
    assert "<h1>A statement by " in page
    assert "What I did" in page and "Relationship" in page
    assert reader.get("/library/doesnotexist/").status_code == 404


def test_statement_text_is_escaped(reader) -> None:
    publication = publish("<script>alert(1)</script> I wrote this.")
    page = reader.get(f"/library/{publication.public_id}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_listing_card_escapes_what_the_author_wrote_and_links_to_the_statement(reader) -> None:
    publication = publish('<img src=x onerror="alert(1)"> I wrote this & more.', tags=("party",))
    page = results(reader)
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; I wrote this &amp; more." in page
    assert f'<a href="/library/{publication.public_id}/">' in page
    assert '<ul class="tags" aria-label="Tags"><li>Party or night out</li></ul>' in page
    assert f"{publication.published_month:%B %Y}</p>" in page


def test_demo_content_fills_an_empty_library_once(reader) -> None:
    from django.core.management import call_command

    call_command("seed_demo")
    count = Publication.objects.count()
    assert count >= 6
    call_command("seed_demo")
    assert Publication.objects.count() == count
    assert "Newest statements" in results(reader)


def test_a_withdrawn_statement_says_it_was_withdrawn_and_keeps_no_trace_of_it(
    responsible: Persona, reader: Client
) -> None:
    from amends.library.models import Withdrawal
    from amends.testing.writing import drafted, publish

    url = drafted(responsible)
    publish(responsible.client, url)
    public_id = Publication.objects.get().public_id
    responsible.client.post(url + "unpublish/")
    response = reader.get(f"/library/{public_id}/")
    assert response.status_code == 410
    assert "This statement was withdrawn" in response.content.decode()
    # What is kept says only that some address was withdrawn: no id, text, date or author.
    assert {f.name for f in Withdrawal._meta.get_fields()} == {"id", "public_id_digest"}
    assert not Withdrawal.objects.filter(public_id_digest__contains=public_id).exists()
    # An address that never existed is still simply not found.
    assert reader.get("/library/neverexisted/").status_code == 404


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("I pressured her.", "I pressured her."),
        (
            "I kept pushing a partner to have sex after she said she wanted to wait. "
            "I did it for weeks, every time we were alone, until she gave in and then "
            "stopped answering my messages for good.",
            "I kept pushing a partner to have sex after she said she wanted to wait.",
        ),
        (
            "I kept pushing a partner to have sex after she said she wanted to wait and "
            "I did it for weeks every time we were alone until she gave in and stopped "
            "answering my messages altogether and for good",
            "I kept pushing a partner to have sex after she said she wanted to wait and "
            "I did it for weeks every time we were alone until she gave in and stopped "
            "answering my messages\u2026",
        ),
    ],
)
def test_a_library_card_ends_at_a_sentence_or_a_whole_word(text: str, shown: str) -> None:
    from amends.library.cards import card_excerpt

    excerpt = card_excerpt(text)
    assert excerpt == shown
    stem = excerpt.rstrip("\u2026")
    assert text.startswith(stem) and (len(stem) == len(text) or text[len(stem)] in " .")
