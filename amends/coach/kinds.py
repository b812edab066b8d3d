"""Every kind of finding the coach makes, in one place: its family, how the interface
names it, the reason and the suggestion a member reads, and its priority.

`Kind` is a `StrEnum`, so a kind is still the plain string the JSON interface and the
labelled sets use ("name", "sorry_but", "repair"), and nothing else in the code spells
these texts out. Reasons are sentences a person would say to the member; the tests check
the grammar of every one of them and of every sentence built from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    DETAIL = "detail"
    PATTERN = "pattern"
    MISSING = "missing"


@dataclass(frozen=True)
class About:
    family: Family
    label: str  # a heading in the coaching panel
    reason: str  # why it matters, said to the member
    suggestion: str  # what to do instead
    # Lower comes first: for details, which kind a span keeps when two rules read it
    # differently; for patterns and elements, the order the panel lists them in.
    priority: int
    noun: str = ""  # details: how a sentence about the risk names the kind


class Kind(StrEnum):
    NAME = "name"
    CONTACT = "contact"
    PLACE = "place"
    ORGANISATION = "organisation"
    DATE = "date"
    AGE = "age"
    ROLE = "role"
    RELATIONSHIP = "relationship"
    DISTINCTIVE = "distinctive"
    MINIMISING = "minimising"
    EXCUSING = "excusing"
    BLAMING = "blaming"
    FORGIVENESS_REQUEST = "forgiveness_request"
    CONDITIONAL_APOLOGY = "conditional_apology"
    SORRY_BUT = "sorry_but"
    EVASIVE_PASSIVE = "evasive_passive"
    MEMORY_DENIAL = "memory_denial"
    PARADE_BRAVE = "parade_brave"
    PARADE_INNOCENT = "parade_innocent"
    PARADE_VICTIM = "parade_victim"
    PARADE_MONSTER = "parade_monster"
    SELF_CENTRING = "self_centring"
    APOLOGY = "apology"
    ACCOUNT = "account"
    # The statement's known_impact section is missing; "impact" is the evaluation
    # schema's name for it. Not to be mistaken for impact statements (amends.impact).
    KNOWN_IMPACT = "impact"
    RESPONSIBILITY = "responsibility"
    REPAIR = "repair"
    CHANGE = "change"

    @property
    def about(self) -> About:
        return _ABOUT[self]

    @property
    def family(self) -> Family:
        return self.about.family

    @property
    def label(self) -> str:
        return self.about.label

    @property
    def reason(self) -> str:
        return self.about.reason

    @property
    def suggestion(self) -> str:
        return self.about.suggestion

    @property
    def priority(self) -> int:
        return self.about.priority

    @property
    def noun(self) -> str:
        return self.about.noun


_D, _P, _M = Family.DETAIL, Family.PATTERN, Family.MISSING
_ABOUT: dict[Kind, About] = {
    Kind.NAME: About(
        _D,
        "A name or initials",
        "A name, nickname or initial identifies someone to anyone who knows them.",
        "Leave it out, or introduce a letter of your own ('I'll call her A').",
        2,
        "a name",
    ),
    Kind.CONTACT: About(
        _D,
        "Contact details",
        "Contact details and profile links lead straight to a person.",
        "Remove it entirely.",
        1,
        "contact details",
    ),
    Kind.PLACE: About(
        _D,
        "A place",
        "A named place narrows down who was there.",
        "Use a general place: 'a bar', 'the town where we lived'.",
        4,
        "the place",
    ),
    Kind.ORGANISATION: About(
        _D,
        "An organisation",
        "A named employer, school, club or church narrows down who was there.",
        "Describe it without the name: 'the company where we both worked'.",
        3,
        "the organisation",
    ),
    Kind.DATE: About(
        _D,
        "A date",
        "A year or a dated event lets people match the story to a person.",
        "Use a vague time: 'some years ago'.",
        5,
        "the date",
    ),
    Kind.AGE: About(
        _D,
        "An age",
        "An exact age narrows down who it was.",
        "Give only what matters: 'an adult', 'younger than me'.",
        6,
        "the age",
    ),
    Kind.ROLE: About(
        _D,
        "A role that narrows someone down",
        "A job title or position can point to one person.",
        "Keep the power relation without the title: 'someone who worked under me'.",
        7,
        "the role",
    ),
    Kind.RELATIONSHIP: About(
        _D,
        "A relationship that narrows someone down",
        "This relationship lets people who know you work out who it is.",
        "Use a looser description: 'someone in my circle'.",
        8,
        "the relationship",
    ),
    Kind.DISTINCTIVE: About(
        _D,
        "A distinctive detail",
        "An event or trait like this singles a person out to those who know them.",
        "Leave out details that only fit one person.",
        9,
        "the distinctive detail",
    ),
    Kind.BLAMING: About(
        _P,
        "Blaming the person harmed",
        "This puts part of the responsibility on the person you harmed.",
        "Leave out what they did; describe what you did and what you should have done.",
        1,
    ),
    Kind.MINIMISING: About(
        _P,
        "Minimising",
        "This shrinks what happened or how much it weighed.",
        "Describe what you did plainly, without words like 'only' or 'just'.",
        2,
    ),
    Kind.EXCUSING: About(
        _P,
        "Excusing",
        "This offers a cause outside you, such as drink, the times, stress or signals, as "
        "a reason.",
        "Say what you chose to do; if you mention the context, say it is no excuse.",
        3,
    ),
    Kind.MEMORY_DENIAL: About(
        _P,
        "Disowning the memory",
        "Disputing or disowning the memory weakens the account.",
        "Say what you do remember and that you accept her account of the rest.",
        4,
    ),
    Kind.EVASIVE_PASSIVE: About(
        _P,
        "Hiding who did it",
        "This wording hides who did it.",
        "Put yourself as the subject: 'I did ...'.",
        5,
    ),
    Kind.CONDITIONAL_APOLOGY: About(
        _P,
        "A conditional apology",
        "This apology depends on a condition or on how they felt, not on what you did.",
        "Apologise for the act itself: 'I am sorry I ...'.",
        6,
    ),
    Kind.SORRY_BUT: About(
        _P,
        "\u201cSorry, but\u201d",
        "What follows the apology takes it back.",
        "End the apology where it ends; move what follows out, or drop it.",
        7,
    ),
    Kind.FORGIVENESS_REQUEST: About(
        _P,
        "Asking for forgiveness",
        "This asks for forgiveness, which puts a demand on the person you harmed.",
        "Remove it; forgiveness is theirs to give or not, unasked.",
        8,
    ),
    Kind.PARADE_VICTIM: About(
        _P,
        "Parading as the real victim",
        "This presents you as the one who was wronged.",
        "Keep the consequences you faced out, or state them briefly without comparison.",
        9,
    ),
    Kind.SELF_CENTRING: About(
        _P,
        "Centring yourself",
        "This moves the focus to your feelings or needs.",
        "Bring the focus back to the person you harmed and to what you will do.",
        10,
    ),
    Kind.PARADE_INNOCENT: About(
        _P,
        "Parading as a good guy",
        "This presents you as a good guy, which argues against the account.",
        "Leave your character out; let the statement show what you did.",
        11,
    ),
    Kind.PARADE_BRAVE: About(
        _P,
        "Parading as brave",
        "This praises your own courage for speaking.",
        "Leave the judgement of the statement to its readers.",
        12,
    ),
    Kind.PARADE_MONSTER: About(
        _P,
        "Parading as a monster",
        "This self-condemnation turns the focus onto you.",
        "Replace it with what you are doing to change.",
        13,
    ),
    Kind.APOLOGY: About(
        _M,
        "An apology without conditions",
        "There is no apology without conditions.",
        "Say 'I am sorry for ...' and name what you did, with no 'if' or 'but'.",
        1,
    ),
    Kind.ACCOUNT: About(
        _M,
        "A first-person account of what you did",
        "There is no first-person account of what you did.",
        "Write what you did in plain words, with 'I' as the subject.",
        2,
    ),
    Kind.KNOWN_IMPACT: About(
        _M,
        "Its impact on the person you harmed",
        "The statement does not say what it did to the person you harmed.",
        "Say what you know of the effect on them, as far as they have shared it.",
        3,
    ),
    Kind.RESPONSIBILITY: About(
        _M,
        "Responsibility without conditions",
        "You do not take responsibility in so many words.",
        "Say that it was your choice and your responsibility, without conditions.",
        4,
    ),
    Kind.REPAIR: About(
        _M,
        "Repair",
        "There is nothing about repair.",
        "Say what you have done or will do to repair the harm, on their terms.",
        5,
    ),
    Kind.CHANGE: About(
        _M,
        "What you are changing and how it is checked",
        "There is nothing about what you are changing, or how that is checked.",
        "Say what you are changing and who checks it (a therapist, a programme, a friend "
        "who asks).",
        6,
    ),
}


def of_family(family: Family) -> tuple[Kind, ...]:
    """A family's kinds, in priority order."""
    return tuple(sorted((k for k in Kind if k.family is family), key=lambda k: k.priority))


DETAILS = of_family(Family.DETAIL)
PATTERNS = of_family(Family.PATTERN)
ELEMENTS = of_family(Family.MISSING)


def join(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
