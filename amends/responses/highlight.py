"""The reason a response is in the queue, marked in its text for the moderator.

A link is marked where it stands. For what the classifier reads (an insult, a threat,
doxxing, incitement, urging self-harm) each sentence is judged on its own and the
sentences that carry the reason are marked, so a moderator sees at once which words
held the response, and can judge whether the rest is anger at what was done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.moderation import pipeline
from amends.moderation.links import find_links
from amends.moderation.verdict import Reason

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\s*|\n+")
CLASSIFIER_REASONS = frozenset(
    {Reason.INSULT, Reason.THREAT, Reason.DOXXING, Reason.INCITEMENT, Reason.SELF_HARM}
)


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool


def _merge(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue
        if start > at:
            segments.append(Segment(text[at:start], False))
        segments.append(Segment(text[start:end], True))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], False))
    return segments


def _link_spans(text: str) -> list[tuple[int, int]]:
    folded = text.casefold()
    spans = []
    for link in find_links(text):
        at = folded.find(link.text.casefold())
        if at >= 0:
            spans.append((at, at + len(link.text)))
    return spans


def _sentence_spans(text: str, reason: str) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        if len(sentence.split()) < 2:
            continue
        if pipeline.judge_text(sentence).label == reason:
            spans.append((match.start(), match.start() + len(sentence.rstrip())))
    return spans


def highlighted(text: str, reason: str) -> list[Segment]:
    if reason == Reason.LINK:
        return _merge(text, _link_spans(text))
    if reason in CLASSIFIER_REASONS:
        return _merge(text, _sentence_spans(text, reason))
    return [Segment(text, False)]
