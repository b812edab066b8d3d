"""The library at scale: keyset pages, relevance order, capped counts, narrow reads."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from amends.library import access
from amends.library.models import Publication
from amends.library.tests.test_library import publish

pytestmark = pytest.mark.django_db


def links(page: str) -> dict[str, str]:
    found = re.findall(r'<a rel="(prev|next)" href="([^"]+)"', page)
    return {rel: href.replace("&amp;", "&") for rel, href in found}


def titles(page: str) -> list[str]:
    return re.findall(r"Statement number (\d+)\b", page)


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=3)
def test_older_and_newer_links_walk_the_whole_library_without_javascript(reader) -> None:
    for n in range(8):
        publish(f"Statement number {n} about pressure.", month=datetime.date(2026, 1 + n % 3, 1))
    seen: list[str] = []
    page = reader.get("/").content.decode()
    pages = [page]
    while "next" in links(page):
        page = reader.get("/" + links(page)["next"]).content.decode()
        pages.append(page)
    for page in pages:
        seen += titles(page)
    expected = [
        str(p.what_i_did.split()[2])
        for p in Publication.objects.order_by("-published_month", "-id")
    ]
    assert seen == expected and len(seen) == 8
    assert "Page 3" in pages[-1] and "Page 1" in pages[0]
    # And back again, newer, from the last page to the first.
    back = pages[-1]
    for earlier in reversed(pages[:-1]):
        back = reader.get("/" + links(back)["prev"]).content.decode()
        assert titles(back) == titles(earlier)
    assert "prev" not in links(back)


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
def test_a_deep_page_reads_as_few_rows_and_queries_as_the_first(reader) -> None:
    for n in range(12):
        publish(f"Statement number {n} about pressure.")
    page = reader.get("/").content.decode()
    for _ in range(4):
        page = reader.get("/" + links(page)["next"]).content.decode()
    deep_link = "/" + links(page)["next"]
    with CaptureQueriesContext(connection) as first:
        access.listing()
    cursor = access.Cursor.parse(dict(p.split("=") for p in deep_link[2:].split("&"))["before"])
    with CaptureQueriesContext(connection) as deep:
        listing = access.listing(before=cursor, number=6)
    assert len(deep.captured_queries) == len(first.captured_queries)
    assert all("OFFSET" not in q["sql"] for q in deep.captured_queries)
    assert len(listing.publications) == 2
    assert titles(reader.get(deep_link).content.decode()) == ["1", "0"]


def test_a_listing_reads_the_card_columns_and_never_the_sections(reader) -> None:
    publish("I pressured my partner repeatedly. Then I told friends it was nothing.")
    with CaptureQueriesContext(connection) as queries:
        page = reader.get("/?q=pressured").content.decode()
    listing_sql = " ".join(
        q["sql"] for q in queries.captured_queries if "library_publication" in q["sql"]
    )
    for column in (
        "what_i_did",
        "known_impact",
        "responsibility",
        "repair",
        "change",
        "search_document",
    ):
        assert f'"library_publication"."{column}"' not in listing_sql, column
    assert "I pressured my partner repeatedly." in page
    assert "Then I told friends it was nothing." in page  # the stored excerpt


def test_search_orders_by_relevance_or_newest_as_the_reader_chooses(reader) -> None:
    publish("Pressure, pressure, pressure: I pressured her.", month=datetime.date(2025, 1, 1))
    publish("Once I applied pressure at work.", month=datetime.date(2026, 6, 1))
    relevance = reader.get("/?q=pressure").content.decode()
    assert relevance.index("Pressure, pressure") < relevance.index("Once I applied")
    assert 'aria-current="true">best match first' in relevance
    newest_link = re.search(r'<a href="([^"]+)">newest first</a>', relevance)
    assert newest_link
    newest = reader.get("/" + newest_link.group(1).replace("&amp;", "&")).content.decode()
    assert newest.index("Once I applied") < newest.index("Pressure, pressure")


def test_tags_combine_with_a_search(reader) -> None:
    publish("At work I applied pressure.", tags=("workplace", "pressure"))
    publish("At a party I applied pressure.", tags=("party", "pressure"))
    publish("At work I sent messages.", tags=("workplace",))
    page = reader.get("/", {"q": "pressure", "tag": ["workplace"]}).content.decode()
    assert "At work I applied" in page
    assert "At a party" not in page and "At work I sent" not in page
    assert "1 statement found" in page


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
def test_an_expensive_count_is_capped_and_says_so(reader, monkeypatch) -> None:
    monkeypatch.setattr(access, "COUNT_CAP", 3)
    for n in range(5):
        publish(f"Statement number {n} about pressure.")
    page = reader.get("/?q=pressure").content.decode()
    assert "More than 3 statements found" in page
    assert "Page 1 of" not in page and "Page 1" in page
    exact = reader.get("/?q=pressure&tag=workplace").content.decode()
    assert "0 statements found" in exact


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
@pytest.mark.parametrize(
    "query",
    [
        "page=2",
        "page=999999",
        "page=-4",
        "page=x",
        "before=nonsense",
        "after=2026-13.1",
        "before=2026-01.notanumber",
        "n=-3&before=2026-01.1",
        "order=elsewhere&q=pressure",
    ],
)
def test_old_and_edited_page_links_give_a_page(reader, query) -> None:
    for n in range(5):
        publish(f"Statement number {n} about pressure.")
    response = reader.get("/?" + query)
    assert response.status_code == 200
    assert "The library" in response.content.decode()


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
def test_an_old_numbered_link_carries_on_with_keyset_links(reader) -> None:
    for n in range(6):
        publish(f"Statement number {n} about pressure.")
    second = reader.get("/?page=2").content.decode()
    assert titles(second) == ["3", "2"]
    assert titles(reader.get("/" + links(second)["next"]).content.decode()) == ["1", "0"]
    assert titles(reader.get("/" + links(second)["prev"]).content.decode()) == ["5", "4"]


def test_hidden_statements_are_never_listed_nor_found(reader) -> None:
    from amends.library.actions import do_hide_pending_review

    hidden = publish("I pressured someone at the choir.")
    publish("I pressured someone at the club.")
    do_hide_pending_review(hidden, "identifies_someone")
    for query in ("", "?q=pressured", "?q=pressured&order=newest", "?q=choir"):
        assert "at the choir" not in reader.get("/" + query).content.decode(), query


def test_relevance_is_ranked_among_the_newest_matches_only(reader, monkeypatch) -> None:
    from amends.library import search

    monkeypatch.setattr(search, "RELEVANCE_MATCHES", 2)
    monkeypatch.setattr(access, "COUNT_CAP", 2)
    publish("Pressure, pressure, pressure: the oldest and best match.")
    publish("Once I applied pressure at work.")
    publish("Later I applied pressure at home.")
    page = reader.get("/?q=pressure").content.decode()
    assert "Once I applied" in page and "Later I applied" in page
    assert "the oldest and best match" not in page
    assert "Best matches among the 2 newest" in page
    newest = reader.get("/?q=pressure&order=newest").content.decode()
    assert "the oldest and best match" in newest  # newest first reads every match


@pytest.mark.parametrize("tag", ["", "&tag=workplace"])
def test_relevance_ranks_the_newest_matches_not_the_newest_statements(
    reader, monkeypatch, tag
) -> None:
    from amends.library import search

    monkeypatch.setattr(search, "RELEVANCE_MATCHES", 2)
    monkeypatch.setattr(access, "COUNT_CAP", 2)
    workplace = ("workplace",)
    publish("Pressure, pressure, pressure: the oldest and best match.", tags=workplace)
    publish("Once I applied pressure at work, twice over: pressure.", tags=workplace)
    publish("Later I applied pressure at home.", tags=workplace)
    for n in range(3):
        publish(f"A newer statement, number {n}, without the word.", tags=workplace)
    page = reader.get("/?q=pressure" + tag).content.decode()
    # Newer statements without the word do not push the matches out of the window.
    assert "Best matches among the 2 newest matches" in page
    assert "the oldest and best match" not in page
    assert page.index("Once I applied") < page.index("Later I applied")  # best first
    assert "without the word" not in page


@pytest.mark.parametrize(
    ("matches", "heading"),
    [(3, ">3 statements found<"), (4, ">More than 3 statements found<")],
)
def test_a_capped_count_counts_exactly_up_to_the_cap(reader, monkeypatch, matches, heading) -> None:
    monkeypatch.setattr(access, "COUNT_CAP", 3)
    for n in range(matches):
        publish(f"Statement number {n} about pressure.")
    publish("A statement about something else.")
    for order in ("", "&order=newest"):
        assert heading in reader.get("/?q=pressure" + order).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search vector")
def test_on_postgresql_a_search_by_relevance_reads_its_matches_once(reader) -> None:
    for n in range(4):
        publish(f"Statement number {n} about pressure.")
    with CaptureQueriesContext(connection) as queries:
        page = reader.get("/?q=pressure").content.decode()
    # Counting and ranking are one walk down the listed-order index, not two.
    assert [q["sql"].count("@@") for q in queries.captured_queries if "@@" in q["sql"]] == [1]
    assert ">4 statements found<" in page and len(titles(page)) == 4
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'library_publication'::regclass"
            " AND attname = 'search_vector'"
        )
        # Kept in the row ('m'ain), so that each @@ reads no out-of-line TOAST pages.
        assert cursor.fetchone() == ("m",)


@pytest.mark.parametrize(
    ("tags", "heading"),
    [
        ("?tag=workplace&tag=pressure", ">2 statements found<"),
        ("?tag=workplace", ">3 statements found<"),
        ("?tag=pressure&tag=workplace&tag=party", ">0 statements found<"),
    ],
)
def test_a_tag_filter_counts_only_listed_statements_with_every_tag(reader, tags, heading) -> None:
    from amends.library.actions import do_hide_pending_review

    publish("At work I applied pressure.", tags=("workplace", "pressure"))
    publish("At work I applied pressure again.", tags=("pressure", "workplace"))
    hidden = publish("At work, under review.", tags=("workplace", "pressure"))
    do_hide_pending_review(hidden, "identifies_someone")
    publish("At work I sent messages.", tags=("workplace",))
    publish("At a party I applied pressure.", tags=("party", "pressure"))
    page = reader.get("/" + tags).content.decode()
    assert heading in page
    assert "under review" not in page


def test_the_tag_filter_ticks_what_the_reader_chose_and_nothing_else(reader) -> None:
    def ticked(query: str) -> list[str]:
        page = reader.get("/" + query).content.decode()
        return sorted(re.findall(r'name="tag" value="([\w-]+)" checked', page))

    assert ticked("") == []
    assert ticked("?tag=workplace&tag=pressure") == ["pressure", "workplace"]
    # The form for one choice is rendered once and kept: it must not leak into another.
    assert ticked("?tag=party") == ["party"]
    assert ticked("?tag=<script>&tag=workplace") == ["workplace"]
    assert ticked("") == []


def test_a_card_shows_its_tags_from_one_query(reader) -> None:
    publish("At work I applied pressure.", tags=("workplace", "pressure", "not-a-tag"))
    publish("Online I kept messaging.", tags=())
    with CaptureQueriesContext(connection) as queries:
        page = reader.get("/").content.decode()
    reads = [q["sql"] for q in queries.captured_queries if '"library_' in q["sql"]]
    assert len(reads) == 1, reads  # the cards, tags included: no join, no second read
    cards = re.findall(r'<li class="card">(.*?)</li>\s*(?=<li class="card">|</ol>)', page, re.S)
    assert len(cards) == 2
    tags_of = {
        card.split("</a>")[0].rsplit(">", 1)[1]: re.findall(r"<li>([^<]+)</li>", card)
        for card in cards
    }
    assert tags_of == {
        "At work I applied pressure.": ["Pressure", "Workplace"],
        "Online I kept messaging.": [],
    }


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_statements_their_card_tags() -> None:
    from django.db.migrations.executor import MigrationExecutor

    before = [("library", "0007_hidden_ids_and_inline_vectors")]
    after = [("library", "0008_publication_card_tags")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    publication_model = apps.get_model("library", "Publication")
    tag_model = apps.get_model("library", "Tag")
    published, _ = (
        publication_model._base_manager.create(
            public_id=f"migrated{n}",
            pseudonym="Quiet Heron",
            published_month=datetime.date(2024, 5, 1),
            search_document="x",
            **dict.fromkeys(
                ("what_i_did", "known_impact", "responsibility", "repair", "change"), "x"
            ),
        )
        for n in (1, 2)
    )
    published.tags.set(tag_model.objects.filter(slug__in=["workplace", "pressure", "party"]))
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    stored = dict(Publication._base_manager.values_list("public_id", "card_tags"))
    # Back to the latest schema, which the rest of the suite runs on.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert stored == {"migrated1": "pressure party workplace", "migrated2": ""}


def test_a_statement_page_links_its_tags_from_its_own_row(reader) -> None:
    publication = publish("At work I applied pressure.", tags=("workplace", "pressure"))
    with CaptureQueriesContext(connection) as queries:
        page = reader.get(f"/library/{publication.public_id}/").content.decode()
    reads = [q["sql"] for q in queries.captured_queries if '"library_' in q["sql"]]
    assert len(reads) == 1, reads
    assert re.findall(r'href="/\?tag=([\w-]+)">([^<]+)</a>', page) == [
        ("pressure", "Pressure"),
        ("workplace", "Workplace"),
    ]


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
def test_a_common_search_newest_first_pages_through_every_match_in_order(
    reader, monkeypatch
) -> None:
    monkeypatch.setattr(access, "COUNT_CAP", 3)  # six matches: "more than 3", a common query
    for n in range(8):
        what = "about pressure" if n % 4 != 3 else "about something else"
        publish(f"Statement number {n} {what}.", month=datetime.date(2026, 1 + n % 3, 1))
    expected = [
        p.what_i_did.split()[2]
        for p in Publication.objects.order_by("-published_month", "-id")
        if "pressure" in p.what_i_did
    ]
    with CaptureQueriesContext(connection) as queries:
        page = reader.get("/?q=pressure&order=newest").content.decode()
    assert "More than 3 statements found" in page
    if connection.vendor == "sqlite":
        # The listed-order walk, not a join that reads and sorts every match.
        assert any("+library_publication.id IN" in q["sql"] for q in queries.captured_queries)
    seen = titles(page)
    while "next" in links(page):
        page = reader.get("/" + links(page)["next"]).content.decode()
        seen += titles(page)
    assert seen == expected and len(seen) == 6


@override_settings(AMENDS_LIBRARY_PAGE_SIZE=2)
@pytest.mark.parametrize("cap", [3, 1000])
def test_a_tag_filter_pages_through_every_match_newest_first(reader, monkeypatch, cap) -> None:
    # With the cap at 3 the five matches are "more than 3" (read down the listed order);
    # at 1,000 they are few (read from the tags table, then ordered).
    monkeypatch.setattr(access, "COUNT_CAP", cap)
    for n in range(9):
        tags = ("workplace", "pressure") if n % 2 == 0 else ("workplace",)
        publish(
            f"Statement number {n} at work.", tags=tags, month=datetime.date(2026, 1 + n % 4, 1)
        )
    expected = [
        p.what_i_did.split()[2]
        for p in Publication.objects.order_by("-published_month", "-id")
        if int(p.what_i_did.split()[2]) % 2 == 0
    ]
    page = reader.get("/?tag=workplace&tag=pressure").content.decode()
    seen = titles(page)
    while "next" in links(page):
        page = reader.get("/" + links(page)["next"]).content.decode()
        seen += titles(page)
    assert seen == expected and len(seen) == 5
    back = reader.get("/" + links(page)["prev"]).content.decode()
    assert titles(back) == expected[2:4]


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("q=pressure&tag=workplace", ">2 statements found<"),
        ("q=!!!&tag=workplace", ">3 statements found<"),
    ],
)
def test_a_search_with_tags_counts_listed_matches_only(reader, query, heading) -> None:
    from amends.library.actions import do_hide_pending_review

    publish("At work I applied pressure.", tags=("workplace",))
    publish("At work I applied pressure again.", tags=("workplace",))
    hidden = publish("At work, pressure, under review.", tags=("workplace",))
    do_hide_pending_review(hidden, "identifies_someone")
    publish("At work I sent messages.", tags=("workplace",))
    publish("At a party I applied pressure.", tags=("party",))
    page = reader.get("/?" + query).content.decode()
    assert heading in page
    assert "under review" not in page


def test_a_tag_filter_reads_its_rarest_tag_first_and_finds_the_same(reader, monkeypatch) -> None:
    from amends.library import pages

    monkeypatch.setattr(pages, "_sizes", (-pages._SIZES_SECONDS, {}))  # sizes read afresh
    for n in range(3):
        publish(f"Statement number {n} at work.", tags=("workplace",))
    publish("Statement number 3 at a work party.", tags=("workplace", "party"))
    assert pages.rarest_first(["workplace", "party", "sport"]) == ["sport", "party", "workplace"]
    for query in ("?tag=workplace&tag=party", "?tag=party&tag=workplace"):
        page = reader.get("/" + query).content.decode()
        assert ">1 statement found<" in page and titles(page) == ["3"], query


def test_relevance_ranks_in_the_recent_index_and_reaches_further_back_when_it_must(
    reader, monkeypatch
) -> None:
    from amends.library import search

    monkeypatch.setattr(search, "RECENT_STATEMENTS", 3)
    monkeypatch.setattr(search, "RELEVANCE_MATCHES", 2)
    monkeypatch.setattr(access, "COUNT_CAP", 2)
    publish("Statement number 0: a rare word, quillwort, and pressure.")
    publish("Statement number 1 about pressure, pressure and pressure.")
    for n in (2, 3, 4):
        publish(f"Statement number {n} about pressure.")
    # The newest two matches lie in the recent index: ranked there, and the same answer.
    page = reader.get("/?q=pressure").content.decode()
    assert titles(page) == ["4", "3"]
    assert "Best matches among the 2 newest matches" in page
    # The only match is older than the recent index holds: found in the whole index.
    assert titles(reader.get("/?q=quillwort").content.decode()) == ["0"]


def test_a_restored_statement_older_than_the_recent_index_is_found_all_the_same(
    reader, monkeypatch
) -> None:
    from amends.library import search
    from amends.library.actions import do_hide_pending_review, do_restore
    from amends.testing import personas

    monkeypatch.setattr(search, "RECENT_STATEMENTS", 2)
    oldest = publish("Statement number 0: pressure at the quillwort stall.")
    for n in (1, 2, 3):
        publish(f"Statement number {n}: pressure at the quillwort stall.")
    do_hide_pending_review(oldest, "identifies_someone")
    moderator = personas.moderator(personas.operator())
    do_restore(moderator.member, oldest, "identifies_nobody")
    if connection.vendor == "sqlite":  # PostgreSQL ranks the newest matches in its one index
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM library_search_recent ORDER BY rowid")
            assert [row[0] for row in cursor.fetchall()] == [
                p.pk for p in Publication.objects.order_by("id")[2:]
            ]  # the newest two only: the restored one is older than both
    page = reader.get("/?q=quillwort").content.decode()
    assert sorted(titles(page)) == ["0", "1", "2", "3"]
