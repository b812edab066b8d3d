"""Suppressors: candidate details that the recognisers found for a reason that proves
nothing.

The recognisers (Presidio, our rules, the detail model) each see part of the evidence. A
capital is the strongest clue to a name, but a capital at the start of a sentence, a line,
a list item or a quotation is there for the layout ("• Hardly anyone is", "“Repairing
trust…"); a number is a clue to an age or a date, but "four seconds" and "part 3" are
quantities and labels. Each rule here removes one such reason, on one parsed segment, so
it is cached with the segment.
"""

from __future__ import annotations

import re
from typing import Any

from amends.coach import lexicon as lx
from amends.coach.details import Candidate
from amends.coach.layout import layout_words
from amends.coach.nlp import known_word

# What may come right before a word that opens a sentence, a line, a list item or a
# quotation: an end of sentence, a colon, a dash, a quote mark or a bracket (bullets and
# list numbers are already blanked to spaces by the layout).
_OPENERS = frozenset({".", "!", "?", ":", ";", "—", "–", "-", '"', "'", "(", "[", "…"})
_LABEL_WORDS = frozenset(
    {
        "part",
        "chapter",
        "episode",
        "step",
        "page",
        "section",
        "point",
        "thread",
        "tweet",
        "post",
        "item",
    }
)
_UNITS = frozenset(
    {
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "moment",
        "moments",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "times",
        "drink",
        "drinks",
        "pint",
        "pints",
    }
)
_NUMBER = re.compile(
    r"^(?:\d+[+]?|"
    + "|".join(sorted({*lx.NUMBER_WORDS, *lx.UNITS}, key=len, reverse=True))
    + r")$",
    re.IGNORECASE,
)
_SOMEONE = lx.PERSONAL_PRONOUNS
_DIRECTIONS = frozenset(
    {"western", "eastern", "northern", "southern", "west", "east", "north", "south"}
)
# Which rules rest on a capital (or on the model, which reads capitals as a clue).
_CAPITAL_SOURCES = frozenset({"proper", "presidio", "learned", "unknown-word"})


def at_opening(tok: Any) -> bool:
    """Whether a token opens a sentence, a line, a list item or a quotation."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or prev.text in _OPENERS


def _opening_capital(toks: list[Any]) -> bool:
    """A span whose only capitals are layout: each capitalised word opens a sentence, line,
    list item or quotation and is an ordinary word, not a given name."""
    capitals = [t for t in toks if t.text[:1].isupper() and t.text != "I"]
    if not capitals:
        return False
    return all(
        at_opening(t) and known_word(t.lower_) and t.lower_ not in lx.FIRST_NAMES for t in capitals
    )


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start and not t.is_space]


def _hashtag(tok: Any) -> bool:
    return bool(tok.i > 0 and tok.doc[tok.i - 1].text == "#")


def keep(doc: Any, text: str, cand: Candidate) -> bool:
    """Whether a candidate detail survives the suppressors."""
    span = text[cand.start : cand.end]
    if not any(ch.isalnum() for ch in span):
        return False  # a bullet, a dash
    toks = _tokens(doc, cand.start, cand.end)
    if not toks:
        return False
    words = [t for t in toks if t.is_alpha]
    first = toks[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    # Half of a hyphenated word ("guilt-ridden"): the model read a piece, not a word.
    if (
        cand.source == "learned"
        and len(toks) == 1
        and cand.start > 1
        and text[cand.start - 1] == "-"
        and text[cand.start - 2].isalpha()
    ):
        return False
    if cand.source in _CAPITAL_SOURCES:
        if len(toks) == 1 and first.lower_ in _DIRECTIONS:
            return False  # "the Western press": a direction, not a place
        if cand.kind in {"name", "place", "organisation"} and _opening_capital(toks):
            return False
        if (
            len(words) <= 1
            and _opening_capital(toks)
            and all(t.is_alpha or _NUMBER.match(t.text) or t.lower_ in _LABEL_WORDS for t in toks)
        ):
            return False
    # "part 3", "chapter 2": a label, not an age or a date.
    if (
        cand.kind in {"age", "distinctive", "role", "name"}
        and any(
            _NUMBER.match(t.text) and t.i > 0 and doc[t.i - 1].lower_ in _LABEL_WORDS for t in toks
        )
        and all(
            _NUMBER.match(t.text)
            or t.lower_ in _LABEL_WORDS
            or (t.is_alpha and known_word(t.lower_))
            for t in toks
        )
    ):
        return False
    # The model's roles and traits are about someone: in a sentence about people in
    # general or the world ("there is total radio silence from perpetrators") no one is
    # singled out.
    if (
        cand.source == "learned"
        and cand.kind in {"distinctive", "role"}
        and not any(
            t.lower_ in _SOMEONE
            or (
                (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")
                and not known_word(t.lower_)
                and not _hashtag(t)
            )
            for t in first.sent
        )
    ):
        return False
    # "the women in our office", "our sons": people in general, no one singled out.
    words_lists = layout_words()
    if (
        cand.kind in {"role", "distinctive", "relationship", "name"}
        and not any(t.pos_ == "PROPN" and not known_word(t.lower_) for t in toks)
        and any(t.lower_ in words_lists["generic_people"] for t in toks)
        and (
            toks[-1].lower_ in words_lists["generic_people"]
            or any(
                t.lower_ in words_lists["generic_people"]
                and t.dep_ in {"nsubj", "dobj", "pobj", "ROOT", "nsubjpass", "attr"}
                and t.head not in toks
                for t in toks
            )
        )
    ):
        return False
    # "working match days", "the family home": a role names a person, not a time or a place.
    if (
        cand.kind == "role"
        and cand.source == "learned"
        and words
        and words[-1].lower_ in words_lists["not_roles"]
    ):
        return False
    # "last year", "that year": a time that narrows nothing down.
    if (
        cand.kind in {"date", "role", "distinctive", "age"}
        and len(words) <= 2
        and words
        and words[-1].lower_ in words_lists["vague_times"]
        and all(
            t.lower_ in {"last", "that", "this", "next", "the", "a", "same"} for t in words[:-1]
        )
    ):
        return False
    # "four seconds", "three drinks": a quantity, not a role or a trait.
    if (
        cand.source == "learned"
        and len(words) == 1
        and words[0].lower_ in _UNITS
        and prev is not None
        and _NUMBER.match(prev.text)
    ):
        return False
    # "four seconds max", "ten minutes tops": an amount, not a name.
    return not (
        cand.kind == "name"
        and len(toks) == 1
        and first.text.islower()
        and prev is not None
        and prev.lower_ in _UNITS
        and first.lower_ in {"max", "tops", "min", "maximum"}
    )


def suppress(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if keep(doc, text, c)]
