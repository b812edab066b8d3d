"""Real writing is not tidy prose: formatting must never read as an identifying detail.

Seed 000 is a real post that names nobody (it only ever says "A"); the other texts are
ours, in the shapes of press statements, bulleted posts and threads.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amends.coach import Coach
from amends.coach.layout import normalise_layout
from amends.coach.tests.helpers import details, kinds_at

# Our own post in the shape of seed 000: headings, bullets, a hashtag, capitals for
# emphasis and at every opening, quantities, and a person who is only ever "A".
NAMES_NOBODY = """Speaking up is where repair starts — and it is overdue.

While #metoo fills the Western press, there is total radio silence from the people who \
did the harm. Plenty of harm, and no one who did it? So here is my part of #bymetoo.

What I did wrong:

  • I stayed over at a friend's place (I'll call them A) and in the night I started \
something sexual.
  • I stopped within four seconds, but I never said sorry, not then and not the next day.
  • Hardly a week went by when I did not think of it, and still I said NOTHING.

What I did afterwards:

  1. Afterwards I took therapy on it. A lot of therapy.
  2. I told myself it lasted four seconds max. For A it was not over when it was over.
  3. When we met again I said: “I am sorry for what I did.”
  4. Doing this was my responsibility, not a (guilt-ridden) favour.
  5. Now, 20+ years on, I have never done anything like it again.

Note: our goal should NEVER be:

  • To parade as brave,
  • To parade as a “real” victim.

Tomorrow part 2, the rest. #bymetoo 1/3
"""


def _seed_000() -> str | None:
    """Seed 000 itself, where this machine keeps the project's seeds (AMENDS_SEEDS, or a
    shared/seeds folder above the checkout). It is a real post, so it is read where it
    lies and never copied into the repository."""
    here = Path(__file__).resolve()
    folders = [Path(os.environ["AMENDS_SEEDS"])] if os.environ.get("AMENDS_SEEDS") else []
    folders += [parent / "shared" / "seeds" for parent in here.parents]
    for folder in folders:
        found = sorted(folder.glob("000_*.txt"))
        if found:
            return found[0].read_text(encoding="utf-8")
    return None


def test_a_post_that_names_nobody_raises_no_identifying_detail(coach: Coach) -> None:
    review = coach.review(NAMES_NOBODY)
    assert [f.text for f in review.of_family("detail")] == []
    assert review.risk == "low"


def test_seed_000_raises_no_identifying_detail(coach: Coach) -> None:
    text = _seed_000()
    if text is None:
        pytest.skip("seed 000 is not on this machine")
    review = coach.review(text)
    assert [f.text for f in review.of_family("detail")] == []
    assert review.risk == "low"


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "What I did wrong:\n\n  • Hardly anyone is a monster.\n  • Afterwards, I said nothing.",
            "Hardly",
        ),
        (
            "What I did wrong:\n\n  • Hardly anyone is a monster.\n  • Afterwards, I said nothing.",
            "Afterwards",
        ),
        ("1. Now I see what I did.\n2. Doing nothing was a choice.", "Doing"),
        (
            "“Repairing trust takes time,” he said in a statement. “Clearly I failed her.”",
            "Repairing",
        ),
        (
            "“Repairing trust takes time,” he said in a statement. “Clearly I failed her.”",
            "Clearly",
        ),
        ("She asked for patience and grace, and I gave her neither.", "grace"),
        ("I will NEVER do this again. I am NOT the victim here.", "NEVER"),
        (
            "I stopped within four seconds, but it lasted four seconds max and that was enough.",
            "seconds",
        ),
        (
            "I stopped within four seconds, but it lasted four seconds max and that was enough.",
            "max",
        ),
        ("We must not parade as a (guilt-ridden) monster.", "ridden"),
        ("I am one more voice in #bymetoo and I know it.", "bymetoo"),
        ("Now, 30+ years on, I admit what I did.", "30"),
        ("More tomorrow.\n\nTomorrow part 2, the rest of it.", "2"),
        (
            "The majority of our effort should go to people we wronged, saying sorry, paying for "
            "their therapy.",
            "paying",
        ),
    ],
)
def test_formatting_and_sentence_openings_are_not_details(
    coach: Coach, text: str, word: str
) -> None:
    assert kinds_at(coach, text, word) == set()


def test_a_name_at_the_start_of_a_list_item_is_still_a_name(coach: Coach) -> None:
    text = "What happened:\n\n  • Morag had told me no.\n  • I went on anyway."
    assert kinds_at(coach, text, "Morag") == {"name"}


def test_a_name_after_an_opening_quote_is_still_a_name(coach: Coach) -> None:
    text = "“Callum trusted me,” he said in a statement. “I broke that trust.”"
    assert kinds_at(coach, text, "Callum") == {"name"}


def test_a_press_statement_still_names_its_author_and_employer(coach: Coach) -> None:
    text = (
        "“I am sorry for what I did,” Dominic Ashgrove said in a statement released "
        "through Ashgrove Hospitality on Thursday."
    )
    found = {f.text for f in details(coach, text)}
    assert "Dominic Ashgrove" in found
    assert any("Ashgrove Hospitality" in t for t in found)


def test_the_layout_keeps_every_offset() -> None:
    text = "“Sorry,” he said.\n  • I was WRONG.\n2. *really* wrong\nour victim(s) #bymetoo 1/3"
    layout = normalise_layout(text)
    assert len(layout.text) == len(text)
    assert layout.text.startswith('"Sorry," he said.')
    assert "•" not in layout.text and "*" not in layout.text
    assert "I was wrong." in layout.text
    assert "victims  " in layout.text
    start = text.index("#bymetoo")
    assert layout.is_formatting(start, start + 8)


def test_findings_quote_the_text_as_typed(coach: Coach) -> None:
    text = "“I’m sorry, Imani,” I wrote. I had messaged her at 2am."
    for f in coach.review(text).findings:
        if f.start is not None and f.end is not None:
            assert text[f.start : f.end] == f.text


def test_a_hashtag_that_names_a_place_or_a_group_is_still_read(coach: Coach) -> None:
    text = "It happened at the afterparty for #Harbourfest, run by #StMarrowCollege. #bymetoo"
    found = {f.text for f in details(coach, text)}
    assert any("Harbourfest" in t for t in found)
    assert any("StMarrowCollege" in t for t in found)
    assert not any("bymetoo" in t for t in found)


def test_emoji_bullets_are_list_markers() -> None:
    text = "What it cost me:\n➡️ Twelve years of work.\n📌 Sorry for all of it."
    layout = normalise_layout(text)
    assert "➡" not in layout.text and "📌" not in layout.text
    assert len(layout.text) == len(text)
