"""Support at hand: resources as operator data, Leave quickly, and the data page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from amends.support import resources
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db

PAGES = ["/", "/sign-up/", "/log-in/", "/about/", "/support/", "/your-data/", "/no-such-page/"]


@pytest.fixture
def support_file(tmp_path: Path, settings: SettingsWrapper) -> Iterator[Path]:
    path = tmp_path / "support.toml"
    settings.AMENDS_SUPPORT_FILE = path
    resources.resources.cache_clear()
    yield path
    resources.resources.cache_clear()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_leave_quickly_link_that_needs_no_javascript(
    reader: Client, path: str
) -> None:
    html = reader.get(path).content.decode()
    link = re.search(r"<a [^>]*data-leave-quickly[^>]*>Leave quickly</a>", html)
    assert link is not None, path
    assert 'href="https://www.wikipedia.org/"' in link.group(0)
    # The other site is not told where the person came from.
    assert 'rel="noreferrer noopener"' in link.group(0)
    # It comes before the main navigation, so it is the first thing to reach.
    assert html.index("data-leave-quickly") < html.index('aria-label="Main"')


def test_leave_quickly_goes_where_the_operator_says(
    reader: Client, settings: SettingsWrapper
) -> None:
    settings.AMENDS_LEAVE_URL = "https://weather.example.com/"
    assert 'href="https://weather.example.com/"' in reader.get("/").content.decode()


@pytest.mark.parametrize("path", ["/", "/support/", "/reflection/"])
def test_the_footer_links_support_the_data_page_and_about(responsible: Persona, path: str) -> None:
    footer = responsible.client.get(path).content.decode().split('<footer class="site">')[1]
    for address in ('href="/support/"', 'href="/your-data/"', 'href="/about/"'):
        assert address in footer, (path, address)


def test_the_support_page_lists_each_group_and_marks_demo_entries(reader: Client) -> None:
    html = reader.get("/support/").content.decode()
    for heading in (
        "If you or someone else is in danger now",
        "For people who were harmed",
        "For people who caused harm: therapy and accountability groups",
    ):
        assert heading in html
    demo = [r for r in resources.resources() if r.fictional]
    assert demo and html.count("Fictional demo entry") == len(demo)
    # Every demo entry's address is a reserved example domain: it reaches nobody.
    assert all(r.url.startswith("https://") and ".example." in r.url for r in demo if r.url)


def test_the_operator_lists_their_own_resources(reader: Client, support_file: Path) -> None:
    support_file.write_text(
        '[[resource]]\ngroup = "caused_harm"\nname = "Northside Circle"\n'
        'description = "A weekly accountability group."\ncontact = "Thursdays, town hall"\n'
    )
    html = reader.get("/support/").content.decode()
    assert "Northside Circle" in html and "Thursdays, town hall" in html
    assert "Fictional demo entry" not in html
    assert "This site lists none yet" in html  # the groups with nothing in them


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ('group = "everyone"\nname = "X"\ndescription = "Y"', "group must be one of"),
        ('group = "crisis"\nname = ""\ndescription = "Y"', "name and description"),
        ('group = "crisis"\nname = "X"\ndescription = "Y"\nurl = "javascript:alert(1)"', "url"),
        ('group = "crisis"\nname = "X"\ndescription = "Y"\nphone = "1"', "unknown fields"),
    ],
)
def test_a_support_file_with_a_mistake_is_refused_with_the_reason(
    support_file: Path, entry: str, complaint: str
) -> None:
    support_file.write_text(f"[[resource]]\n{entry}\n")
    with pytest.raises(ImproperlyConfigured, match=complaint):
        resources.resources()


def test_the_data_page_says_what_is_never_kept_and_is_linked_from_sign_up(
    reader: Client,
) -> None:
    html = reader.get("/your-data/").content.decode()
    assert "What happens to my data" in html
    assert "internet address (IP)" in html and "30 minutes" in html
    assert 'href="/your-data/"' in reader.get("/sign-up/").content.decode().split("<footer")[0]


def test_the_library_opens_with_a_content_note(reader: Client) -> None:
    main = reader.get("/").content.decode().split('<main id="main"')[1]
    assert main.index("Content note:") < main.index("Search the library")
    assert 'href="/support/#harmed"' in main


def test_the_editor_links_to_support(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    assert 'href="/support/"' in responsible.client.get(url).content.decode().split("<footer")[0]
