"""The controlled vocabulary for tagging published statements.

A fixed list, so that tags help readers find statements like theirs without ever
becoming a place to write identifying details ("#AcmeCorp2019").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagChoice:
    slug: str
    label: str
    group: str


SETTING = "setting"
BEHAVIOUR = "behaviour"
GROUP_LABELS = {SETTING: "Where it happened", BEHAVIOUR: "What I did"}

TAGS: tuple[TagChoice, ...] = (
    TagChoice("workplace", "Workplace", SETTING),
    TagChoice("school", "School or university", SETTING),
    TagChoice("relationship", "Relationship", SETTING),
    TagChoice("dating", "Dating", SETTING),
    TagChoice("party", "Party or night out", SETTING),
    TagChoice("online", "Online", SETTING),
    TagChoice("family", "Family", SETTING),
    TagChoice("community-group", "Community group", SETTING),
    TagChoice("sport", "Sport or club", SETTING),
    TagChoice("faith-community", "Faith community", SETTING),
    TagChoice("pressure", "Pressure", BEHAVIOUR),
    TagChoice("intoxication", "Intoxication", BEHAVIOUR),
    TagChoice("manipulation", "Manipulation", BEHAVIOUR),
    TagChoice("ignoring-a-no", "Ignoring a no", BEHAVIOUR),
    TagChoice("coldness-after-a-no", "Punishing a no", BEHAVIOUR),
    TagChoice("abuse-of-power", "Abuse of power", BEHAVIOUR),
    TagChoice("unwanted-touching", "Unwanted touching", BEHAVIOUR),
    TagChoice("unwanted-messages", "Unwanted messages", BEHAVIOUR),
    TagChoice("objectifying", "Objectifying", BEHAVIOUR),
    TagChoice("image-sharing", "Sharing images", BEHAVIOUR),
)

# The filter form's fieldsets: each group's label and its tags, in the order above.
GROUPS: tuple[tuple[str, tuple[TagChoice, ...]], ...] = tuple(
    (label, tuple(tag for tag in TAGS if tag.group == group))
    for group, label in GROUP_LABELS.items()
)
