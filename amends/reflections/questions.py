"""The self-inventory: questions a person who caused harm asks themself, privately.

Written for Amends, drawing on seeds 001 and 004. They name grey areas as well as
clear ones, because most harm people come to own is not the kind they first picture
("I'm not that kind of man"). Each question asks about what the person did and how
it landed on the other person, not about intentions alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    theme: str
    text: str
    prompt: str  # a quieter follow-up that helps someone get past a first "no"


QUESTIONS: tuple[Question, ...] = (
    Question(
        "pressure",
        "Pressure",
        "Have I kept asking, sulking or bargaining until a partner gave in to something sexual "
        "they had first said they did not want?",
        "Think of a time a yes came after several no's. What changed for them, apart from my "
        "persistence?",
    ),
    Question(
        "intoxication",
        "Drink and drugs",
        "Have I had sex or sexual contact with someone who was too drunk or high to choose freely, "
        "or waited until they were?",
        "Would I have done the same thing if they had been sober and looking straight at me?",
    ),
    Question(
        "manipulation",
        "Manipulation and leading on",
        "Have I said things I did not mean, promised closeness, or played on someone's feelings "
        "to get sex or attention from them?",
        "What did they believe about us at the time, and did I let them believe it?",
    ),
    Question(
        "ignoring_no",
        "Ignoring a no",
        "Have I carried on, or started again, after someone said no, moved away, went quiet or "
        "froze?",
        "Which signals did I decide not to see, and why was it convenient not to see them?",
    ),
    Question(
        "coldness",
        "Going cold after a no",
        "When someone turned me down, did I punish them: go cold, sulk, spread talk, or make "
        "their days harder?",
        "How might the next no have felt to them, knowing what the last one cost?",
    ),
    Question(
        "power",
        "Power at work and beyond",
        "Have I made a sexual advance, joke or remark to someone whose job, grades, housing or "
        "safety depended on me, or on people I had influence with?",
        "Could they have said no to me as easily as they could to a stranger? What would it "
        "have cost them?",
    ),
    Question(
        "objectifying",
        "Objectifying",
        "Have I commented on, rated, touched or photographed someone's body as if it were there "
        "for me, in front of them or behind their back?",
        "What did it teach the people around me about what is allowed?",
    ),
    Question(
        "afterwards",
        "Afterwards",
        "Looking back at any of this, what did I tell myself at the time to make it feel acceptable?",
        "Which of those stories do I still half believe?",
    ),
    Question(
        "impact",
        "Their side",
        "What do I know, or can I honestly imagine, about how it affected the other person then "
        "and since?",
        "What have I avoided finding out, and why?",
    ),
    Question(
        "next",
        "What now",
        "What would taking responsibility look like here, without asking anything of the person "
        "I harmed?",
        "Who could help me do it well: a therapist, a group, a trusted friend who will not "
        "excuse me?",
    ),
)

QUESTION_KEYS = frozenset(question.key for question in QUESTIONS)
