"""The codename word list: long enough for 90 bits, and free of words that hurt or point."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from amends.members import codenames

CATEGORIES = Path(codenames.WORDLIST).parent / "categories"


def category(name: str) -> set[str]:
    lines = (CATEGORIES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return {word for line in lines if not line.startswith("#") for word in line.split()}


def test_the_list_keeps_at_least_7776_words_and_90_bits() -> None:
    words = codenames.words()
    assert len(words) >= 7776 and len(set(words)) == len(words)
    assert codenames.codename_bits() >= 90


def test_every_word_is_short_plain_lower_case_and_no_prefix_of_another() -> None:
    words = sorted(codenames.words())
    assert all(re.fullmatch(r"[a-z]{4,8}", word) for word in words)
    assert not [a for a, b in itertools.pairwise(words) if b.startswith(a)]


@pytest.mark.parametrize(
    "name", ["faiths", "nationalities", "illness", "violence", "names", "relations", "crime"]
)
def test_no_word_belongs_to_an_excluded_category(name: str) -> None:
    listed = category(name)
    assert len(listed) >= 40
    assert sorted(listed & set(codenames.words())) == []


def test_the_words_once_reported_are_gone() -> None:
    reported = {"ireland", "judaism", "muslim", "salomon", "dobson", "amnio", "tyrant"}
    assert reported.isdisjoint(codenames.words())


def test_a_codename_has_seven_words_from_the_list() -> None:
    codename = codenames.generate_codename()
    assert len(codename.split()) == 7 and codenames.looks_like_codename(codename)


@pytest.mark.django_db
def test_the_log_in_page_offers_to_show_the_codename_without_inline_script(reader) -> None:
    html = reader.get("/log-in/").content.decode()
    button = re.search(
        r"<button[^>]*data-reveal=\"id_codename-codename\"[^>]*>([^<]*)</button>", html
    )
    assert button is not None and button.group(1) == "Show the codename"
    # Hidden until amends.js (a file, not inline code) shows and runs it.
    assert " hidden" in button.group(0) and 'aria-pressed="false"' in button.group(0)
    assert (
        "data-reveal"
        in Path(codenames.__file__).parents[1].joinpath("static", "amends", "amends.js").read_text()
    )
