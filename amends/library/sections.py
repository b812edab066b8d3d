"""The structure of an accountability statement and the guide beside each part.

It lives in the library, the lower of the two apps: statements drafts in these
sections and the library publishes them, and the library must not import the
drafting app (the layers in tests/test_structure.py).

The guides are written for Amends from the #bymetoo protocol (seed 000): admit
plainly, apologise without asking for anything back, never reveal the person
harmed, not even through hints, and do not parade as brave, innocent, likable,
the real victim or a guilt-ridden monster.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    guide: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "what_i_did",
        "What I did",
        (
            'Say it in the first person and the active voice: "I pressured her", not "things happened".',
            "Name the behaviour plainly. Leave out anything that would let someone who knows you "
            "work out who the other person is: names, places, dates, roles, unusual details.",
            'No reasons here, and no softening words like "only" or "just".',
        ),
    ),
    # Keyed known_impact, never plain "impact": Amends also has impact statements,
    # which harmed people write themselves (amends.impact). This section is the
    # author's account of what they did to someone, as far as they know it.
    Section(
        "known_impact",
        "Its impact, as far as I know it",
        (
            "Describe what it did to the other person, as far as you know or can honestly infer.",
            "Do not speak for them or claim to know more than you do. Say what you do not know.",
            "Keep your own feelings for later; this part is about them.",
        ),
    ),
    Section(
        "responsibility",
        "The responsibility I take",
        (
            'Apologise without conditions: no "if", no "but", no "sorry you felt".',
            "Do not ask for forgiveness or for anything else from the person you harmed.",
            "Drink, the times, stress or mixed signals are not part of this: the choice was yours.",
        ),
    ),
    Section(
        "repair",
        "What I have done and will do to repair",
        (
            "Concrete steps, such as paying for their therapy if they want that, without "
            "making contact they have not asked for.",
            "Repair is shaped by what they need, not by what makes you feel better.",
        ),
    ),
    Section(
        "change",
        "What I am changing, and how that is checked",
        (
            "What you are doing differently: therapy, a group, how you handle drink, power, a no.",
            "Who or what holds you to it, and how someone other than you could tell if you slipped.",
        ),
    ),
)

SECTION_KEYS = tuple(section.key for section in SECTIONS)
# Keys that versions written under an earlier name still carry, read as their new key.
FORMER_KEYS = {"impact": "known_impact"}
SECTION_TITLES = tuple((section.key, section.title) for section in SECTIONS)
MAX_SECTION_LENGTH = 20_000
