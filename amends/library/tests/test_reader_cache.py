"""The readers' cache, through HTTP: one rendering for every anonymous reader, never a
member's page, and every change to the library seen at once."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client

from amends.core.reader_cache import ALIAS
from amends.library.models import Publication
from amends.library.tests.test_library import publish as publish_directly
from amends.testing.personas import Persona, new_client
from amends.testing.writing import drafted, publish

pytestmark = pytest.mark.django_db

PRIVACY_HEADERS = (
    "Content-Security-Policy",
    "Referrer-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "Vary",
)


def behind_the_cache(publication: Publication, title: str) -> None:
    """Change a statement's card without any action: only a page rendered afresh shows it."""
    Publication.objects.filter(pk=publication.pk).update(title=title)


def test_an_anonymous_page_is_rendered_once_and_served_to_every_reader(reader: Client) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    assert "I pressured my partner" in reader.get("/").content.decode()
    behind_the_cache(publication, "A title written behind the cache")
    for client in (reader, new_client()):
        page = client.get("/").content.decode()
        assert "I pressured my partner" in page and "behind the cache" not in page
    # A different address (search, tag, order, page) is a different page.
    assert "behind the cache" in reader.get("/?q=pressured").content.decode()


def test_a_page_rendered_while_the_library_changed_is_never_served_after_it(
    reader: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from amends.library import access

    publish_directly("I pressured my partner repeatedly.")
    listing = access.listing

    def a_statement_is_published_meanwhile(*args: object, **kwargs: object) -> access.Listing:
        read = listing(*args, **kwargs)  # type: ignore[arg-type]
        publish_directly("Published while the page was rendered.")
        return read

    monkeypatch.setattr(access, "listing", a_statement_is_published_meanwhile)
    assert "while the page was rendered" not in reader.get("/").content.decode()
    monkeypatch.setattr(access, "listing", listing)
    assert "while the page was rendered" in reader.get("/").content.decode()


def test_cached_and_rendered_answers_carry_the_same_headers(reader: Client) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    for address in ("/", "/?q=pressured", f"/library/{publication.public_id}/"):
        rendered = reader.get(address)
        cached = new_client().get(address)
        assert rendered.content == cached.content
        assert rendered["ETag"] == cached["ETag"]
        for header in PRIVACY_HEADERS:
            assert rendered.get(header) == cached.get(header), (address, header)
        assert rendered["Content-Security-Policy"] and rendered["Referrer-Policy"]
        assert "no-store" not in rendered.get("Cache-Control", "")


def test_a_returning_reader_revalidates_with_the_etag(reader: Client) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    address = f"/library/{publication.public_id}/"
    etag = reader.get(address)["ETag"]
    again = reader.get(address, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Content-Security-Policy"]
    publish_directly("Someone else's statement.")  # the cache is forgotten
    assert reader.get(address, headers={"If-None-Match": etag}).status_code == 304
    assert reader.get(address, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_member_never_gets_a_cached_page_nor_fills_the_cache(
    reader: Client, outsider: Persona
) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    mine = outsider.client.get("/")
    assert "Log out" in mine.content.decode() and "no-store" in mine["Cache-Control"]
    assert "ETag" not in mine
    # The member's page (with their menu) was not stored for readers.
    anonymous = reader.get("/").content.decode()
    assert "Log out" not in anonymous and "Log in" in anonymous
    # And a page stored for readers is not served to the member.
    behind_the_cache(publication, "A title written behind the cache")
    assert "behind the cache" not in reader.get("/").content.decode()
    assert "behind the cache" in outsider.client.get("/").content.decode()
    statement = outsider.client.get(f"/library/{publication.public_id}/")
    assert "Log out" in statement.content.decode() and "no-store" in statement["Cache-Control"]


def test_publishing_unpublishing_and_deleting_show_at_once(
    reader: Client, responsible: Persona
) -> None:
    assert "No statement matches" in reader.get("/").content.decode()
    url = drafted(responsible)
    publish(responsible.client, url)
    publication = Publication.objects.get()
    address = f"/library/{publication.public_id}/"
    assert publication.public_id in reader.get("/").content.decode()
    assert reader.get(address).status_code == 200
    responsible.client.post(url + "unpublish/")
    assert publication.public_id not in reader.get("/").content.decode()
    assert reader.get(address).status_code == 410

    publish(responsible.client, url)
    again = Publication.objects.get()
    assert again.public_id in reader.get("/").content.decode()
    assert reader.get(f"/library/{again.public_id}/").status_code == 200
    responsible.client.post(url + "delete/", {"confirm": "on"})
    assert again.public_id not in reader.get("/").content.decode()
    assert reader.get(f"/library/{again.public_id}/").status_code == 410


def test_an_operator_take_down_shows_at_once(reader: Client, operator: Persona) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    address = f"/library/{publication.public_id}/"
    assert reader.get(address).status_code == 200
    assert publication.public_id in reader.get("/?q=pressured").content.decode()
    operator.client.post(
        f"/{settings.ADMIN_URL}library/publication/{publication.pk}/delete/", {"post": "yes"}
    )
    assert reader.get(address).status_code == 410
    assert publication.public_id not in reader.get("/?q=pressured").content.decode()


def test_hiding_and_restoring_show_at_once(
    reader: Client, harmed: Persona, moderator: Persona
) -> None:
    publication = publish_directly("I pressured my partner repeatedly.")
    address = f"/library/{publication.public_id}/"
    assert reader.get(address).status_code == 200
    assert publication.public_id in reader.get("/").content.decode()
    harmed.client.post(f"/library/{publication.public_id}/identifies/")
    assert reader.get(address).status_code == 404
    assert publication.public_id not in reader.get("/").content.decode()
    moderator.client.post(
        f"/moderation/statements/{publication.public_id}/", {"outcome": "restore"}
    )
    assert reader.get(address).status_code == 200
    assert publication.public_id in reader.get("/").content.decode()


def stored_pages() -> int:
    readers = caches[ALIAS]
    if hasattr(readers, "_table"):
        with connection.cursor() as cursor:
            table = readers._table
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE cache_key LIKE %s", ["%page:%"])  # noqa: S608
            return int(cursor.fetchone()[0])
    client = readers._cache.get_client(None)  # type: ignore[attr-defined]
    return len(list(client.scan_iter(match=readers.make_key("page:*"))))


def test_a_withdrawal_deletes_the_stored_pages_not_only_hides_them(
    reader: Client, operator: Persona
) -> None:
    """A withdrawn statement's words must not stay in the cache's table or in Redis."""
    publication = publish_directly("I pressured my partner at the quillmarsh choir.")
    reader.get(f"/library/{publication.public_id}/")
    reader.get("/?q=quillmarsh")
    assert stored_pages() == 2
    operator.client.post(
        f"/{settings.ADMIN_URL}library/publication/{publication.pk}/delete/", {"post": "yes"}
    )
    assert stored_pages() == 0
