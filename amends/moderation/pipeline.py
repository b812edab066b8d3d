"""The ordered pipeline every response passes.

Steps run in a fixed order, each able to publish (pass it on), hold or reject, with a
reason code:

1. ``length``: empty, or longer than MAX_CHARS → reject (the text goes back to edit).
2. ``repeat``: the same as, or nearly the same as, one of the member's recent responses
   → reject.
3. ``statement``: the author turned responses off → reject; the author holds all → hold.
4. ``first_responses``: fewer than APPROVALS_TO_TRUST of the member's responses approved
   → hold (seed 002's comment policy).
5. ``link``: any link, plain or disguised → hold.
6. ``classifier``: a threat, doxxing, incitement or urging to self-harm → reject; a
   personal insult → hold; everything else publishes.

The first reject ends the run. A hold does not: the later steps still read the response,
because a threat from a first-time responder must be rejected rather than wait in a
queue, and a held response is shown to moderators (and, where the author holds all, to the
author), who must never see what moderation rejects. The verdict is the first reject, else
the first hold, else publish; the trail keeps every step's own verdict for the audit log.

Nothing here touches the database. The responses app gives each step what it needs in a
`Context`: the statement's settings and the member's history, as plain values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from amends.moderation import classifier
from amends.moderation.features import features_of, parts_of, prepared
from amends.moderation.links import find_links
from amends.moderation.text import words
from amends.moderation.verdict import Decision, Reason, Verdict

MAX_CHARS = 4000
APPROVALS_TO_TRUST = 2
# Two responses this alike in their word triples are the same response sent again.
REPEAT_SIMILARITY = 0.85


@dataclass(frozen=True)
class StatementSettings:
    """The author's choices for one statement."""

    responses_open: bool = True
    hold_all: bool = False


@dataclass(frozen=True)
class Context:
    """Everything the pipeline needs to know beyond the response's text.

    `approved_responses` counts the member's responses that a moderator approved (or that
    published once the member was trusted); `recent_texts` are the member's own latest
    responses, on any statement, newest first (the responses app decides how many and how
    far back). The defaults describe an established member on a statement with default
    settings, which is how `amends moderate` judges.
    """

    settings: StatementSettings = field(default_factory=StatementSettings)
    approved_responses: int = APPROVALS_TO_TRUST
    recent_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    trail: tuple[Verdict, ...]  # every step that did not simply pass, in order


Step = Callable[[str, Context], Verdict | None]


def check_length(text: str, context: Context) -> Verdict | None:
    if not text.strip():
        return Verdict.of(Decision.REJECT, Reason.EMPTY, "length")
    if len(text) > MAX_CHARS:
        return Verdict.of(Decision.REJECT, Reason.TOO_LONG, "length")
    return None


_WORDS = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    ws = _WORDS.findall(text.casefold())
    if len(ws) < 3:
        return {tuple(ws)}
    return {tuple(ws[i : i + 3]) for i in range(len(ws) - 2)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' word triples (1.0 for the same words)."""
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def check_repeat(text: str, context: Context) -> Verdict | None:
    if any(similarity(text, old) >= REPEAT_SIMILARITY for old in context.recent_texts):
        return Verdict.of(Decision.REJECT, Reason.REPEAT, "repeat")
    return None


def check_statement(text: str, context: Context) -> Verdict | None:
    if not context.settings.responses_open:
        return Verdict.of(Decision.REJECT, Reason.RESPONSES_OFF, "statement")
    if context.settings.hold_all:
        return Verdict.of(Decision.HOLD, Reason.AUTHOR_HOLDS, "statement")
    return None


def check_first_responses(text: str, context: Context) -> Verdict | None:
    if context.approved_responses < APPROVALS_TO_TRUST:
        return Verdict.of(Decision.HOLD, Reason.FIRST_RESPONSES, "first_responses")
    return None


def check_links(text: str, context: Context) -> Verdict | None:
    if find_links(text):
        return Verdict.of(Decision.HOLD, Reason.LINK, "link")
    return None


def judge_text(text: str) -> classifier.Judgement:
    """The classifier's reading of a response, on its own: as a whole, and sentence by
    sentence for harm."""
    return classifier.get_model().judge_parts(
        features_of(text), [features_of(part) for part in parts_of(text)]
    )


def check_classifier(text: str, context: Context) -> Verdict | None:
    if len(words(prepared(text))) < 3 and find_links(text):
        # An address with a word or two around it ("More at …") leaves the classifier
        # nothing to read; the link step has held it.
        return None
    label = judge_text(text).label
    if label == classifier.PUBLISH:
        return None
    decision = Decision.HOLD if label == classifier.INSULT else Decision.REJECT
    return Verdict.of(decision, Reason(label), "classifier")


STEPS: tuple[tuple[str, Step], ...] = (
    ("length", check_length),
    ("repeat", check_repeat),
    ("statement", check_statement),
    ("first_responses", check_first_responses),
    ("link", check_links),
    ("classifier", check_classifier),
)


def moderate(text: str, context: Context | None = None) -> Outcome:
    """Run a response through every step (see the module's docstring for the order)."""
    context = context or Context()
    trail: list[Verdict] = []
    for _name, step in STEPS:
        verdict = step(text, context)
        if verdict is None:
            continue
        trail.append(verdict)
        if verdict.decision is Decision.REJECT:
            return Outcome(verdict, tuple(trail))
    held = [v for v in trail if v.decision is Decision.HOLD]
    final = held[0] if held else Verdict.of(Decision.PUBLISH, Reason.PUBLISHED, "pipeline")
    return Outcome(final, tuple(trail))
