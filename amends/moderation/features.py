"""What the classifier sees of a response: its words, the cue rules that match, and the
identifying details the coach finds in it. Training and judging both call
`response_features`, so they cannot drift apart."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from amends.coach.encoder import embed
from amends.moderation import cues
from amends.moderation.identify import detail_kinds
from amends.moderation.links import find_links
from amends.moderation.text import ADDRESSED, without_expletives, words

# Details that name something (a person, a place, an employer, a profile) rather than
# describe it: with a guess beside them they are doxxing by inference.
NAMED = frozenset({"name", "contact", "place", "organisation"})
GUESSES = frozenset({"identify_guess", "identify_this", "identify_fact"})


def response_features(text: str, details: Sequence[str]) -> list[str]:
    """`details` are the kinds of the coach's detail findings in the text."""
    ws = words(text)
    feats = [f"w:{w}" for w in ws]
    feats += [f"b:{a}_{b}" for a, b in itertools.pairwise(ws)]
    if ws:
        feats.append(f"first:{ws[0]}")
    for name, members in cues.WORD_CLASSES.items():
        hits = sum(1 for w in ws if w in members)
        if hits:
            feats.append(f"class:{name}")
            if hits > 1:
                feats.append(f"class2:{name}")
    matched = cues.matched(text)
    feats += [f"cue:{name}" for name in matched]
    kinds = set(details)
    feats += [f"det:{kind}" for kind in sorted(kinds)]
    named = bool(kinds & NAMED)
    if named:
        feats.append("det:named")
    guessed = [name for name in matched if name in GUESSES]
    for name in guessed:
        feats.append(f"guess:{name}")
        if named:
            feats.append(f"guess+named:{name}")
    if named and "own_story" in matched:
        feats.append("own_story+named")
    feats.append(f"len:{min(len(ws) // 6, 6)}")
    return feats


_URLISH = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# "@tidepool you're wrong": a reply addresses another reader by their handle on this page,
# which is no guess at who the author is (a handle given as someone's profile is).
_REPLY = re.compile(r"^(?:\s*@[\w.]+[,:]?)+\s*")


def prepared(text: str) -> str:
    """The response as the classifier reads it: without addresses (the link step has dealt
    with them, and an address is not a guess at who someone is) and without the handles
    of the readers it replies to."""
    for link in find_links(text):
        text = text.replace(link.text, " ")
    text = _URLISH.sub(" ", text)
    return _REPLY.sub("to_reader ", text)


# A sentence: up to and with its closing marks, or a line of its own.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def parts_of(text: str) -> list[str]:
    """What of a longer response is also read on its own for harm: each sentence of two
    words or more, and each two such sentences that follow one another (a fact, then a
    question about it). A response of one sentence has no parts; one of two has those two
    sentences (together they are the response). Only parts that speak to someone ("you")
    are kept: the classifier reads no other part alone, so none is worth reading."""
    sentences = [
        m.group(0).strip() for m in _SENTENCE.finditer(prepared(text)) if len(words(m.group(0))) > 1
    ]
    if len(sentences) < 2:
        return []
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(sentences)] if len(sentences) > 2 else []
    return [part for part in sentences + pairs if ADDRESSED.intersection(words(part))]


def features_of(text: str) -> tuple[list[str], Any]:
    """Everything the classifier sees of a response: its sparse features (the coach's
    reading included) and its sentence embedding."""
    text = without_expletives(prepared(text))
    return response_features(text, detail_kinds(text)), embed(text)
