"""Formatting is not language: undo it before the coach reads a draft.

Real statements are not tidy prose. Press statements open paragraphs with curly quote
marks, posts are bulleted and numbered, threads carry hashtags and "1/7", people shout a
word in capitals for emphasis ("NEVER") or wrap it in asterisks. Read as they are, these
make the parser see a name in "• Hardly anyone is", an organisation in "NEVER" and a
person in "#bymetoo".

`normalise_layout` returns a text of exactly the same length in which each formatting
character is replaced, one for one, by what it stands for (a straight quote, a space, a
lower-case letter), so every offset the coach computes on it is an offset into what the
member typed. It also returns the spans that are formatting and can never be a detail
(hashtags).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from amends.coach.lexicon import ORG_SUFFIXES, PLACE_SUFFIXES
from amends.coach.nlp import known_word

ORG_OR_PLACE = ORG_SUFFIXES | PLACE_SUFFIXES

# Curly and low quotes become straight ones: the tokenizer and our patterns then see one
# kind of quote and one kind of apostrophe ("I’m" reads as "I'm").
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
    }
)
# A list marker at the start of a line: a bullet, a dash or star used as one, a number or
# letter followed by "." or ")", a thread's "3/" or "3/10".
LIST_MARKER = re.compile(
    r"(?m)^[ \t]*(?:[•◦▪▫‣⁃●○■□►▶➤✓✔☐☑◆◇\u2190-\u21ff\u2600-\u27bf\U0001f300-\U0001faff-]\ufe0f?|\*(?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][)](?=\s)"
    r"|\d{1,2}/\d{0,2}(?=\s))[ \t]*"
)
# The same marks closing a thread post: "… to say. 2/7".
_THREAD_COUNT = re.compile(r"(?<=\s)\d{1,2}/\d{1,2}[ \t]*$", re.MULTILINE)
_HASHTAG = re.compile(r"(?<![\w&#])#[A-Za-z][\w]*")
# *really*, _never_: emphasis, not part of a word or a handle.
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[A-Za-z])([^*_\n]{1,60}?)(?<=[A-Za-z.!?])\1(?![\w*])")
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:'[A-Z]+)?\b")
# "victim(s)", "person(s)": read as the plural.
_PLURAL_S = re.compile(r"(?<=[a-z])\(s\)")
# Acronyms that are also dictionary words once lower-cased: they stay as typed, because
# lower-casing them would hide an organisation or a unit.
_KEEP_CAPS = frozenset(
    {
        "US",
        "UK",
        "EU",
        "UN",
        "IT",
        "HR",
        "PR",
        "TA",
        "GP",
        "AGM",
        "SU",
        "FA",
        "IX",
        "NHS",
        "CEO",
        "CFO",
        "CTO",
        "MD",
        "PA",
        "RA",
        "TV",
        "PE",
        "RE",
        "ICU",
        "AA",
        "NA",
        "OK",
    }
)


# A heading that announces what the author refuses: "Our goal should NOT be:", "What I
# will never do again:". The list under it names patterns in order to reject them.
# "I'm not a monster:" is a claim, not a refusal: the heading must speak of an aim, a rule
# or a resolve.
_REFUSAL_HEADING = re.compile(
    r"(?im)^(?=[^\n]*\b(?:should|must|will|won't|shall|never|refuse|avoid|goal|goals|aim|"
    r"want|wants|intend|promise|rules?)\b)"
    r"[^\n]*\b(?:not|never|n't|no longer|won't|refuse|avoid)\b[^\n]*:[ \t]*$"
)


LAYOUT_FILE = Path(__file__).with_name("rules") / "layout.toml"


@cache
def layout_words() -> dict[str, frozenset[str]]:
    """The word lists of rules/layout.toml: askers, generic_people, vague_times."""
    with LAYOUT_FILE.open("rb") as f:
        data = tomllib.load(f)
    return {key: frozenset(value.split()) for key, value in data.items() if isinstance(value, str)}


# "HOST:", "q:", "Dr. Armitage-Oyelowo:" at the start of a line: a speaker label.
_SPEAKER = re.compile(r"(?m)^[ \t]*([A-Za-z][\w.' -]{0,40}?)[ \t]*:")


def asker_turns(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The turns of the people who ask or chair in a transcript (from their label to the
    next speaker's label or the end of the paragraph), and their labels. An interviewer's
    "It was only a kiss?" is not the author's minimising."""
    askers = layout_words()["askers"]
    turns, labels = [], []
    for m in _SPEAKER.finditer(text):
        if m.group(1).strip().lower() not in askers:
            continue
        labels.append((m.start(1), m.end(1)))
        end = len(text)
        brk = re.compile(r"\n[ \t]*\n").search(text, m.end())
        if brk:
            end = brk.start()
        nxt = _SPEAKER.search(
            text, text.find("\n", m.end()) + 1 if "\n" in text[m.end() :] else len(text)
        )
        if nxt and nxt.start() < end:
            end = nxt.start()
        turns.append((m.start(), end))
    return turns, labels


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are headings, not sentences: a short line standing as a paragraph of its
    own with no sentence-ending mark ("On not remembering", "SETTING THE RECORD
    STRAIGHT"), or a short line that ends with a colon ("What this has cost me:"). A
    heading names a topic; it is not the author's account, so no pattern is read in it.
    List items are never headings."""
    out = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start, stripped = pos, line.strip()
        pos += len(line) + 1
        if not stripped or LIST_MARKER.match(line) or len(stripped.split()) > 10:
            continue
        alone = (i == 0 or not lines[i - 1].strip()) and (
            i + 1 < len(lines) and not lines[i + 1].strip()
        )
        last = stripped.rstrip(" \t\ufe0f\U0001f300-\U0001faff")
        if last.endswith(":") or (alone and last[-1:] not in ".!?\"'”’)"):
            out.append((start, start + len(line)))
    return out


def refusal_spans(text: str) -> list[tuple[int, int]]:
    """The list items under a heading that announces a refusal."""
    out = []
    for heading in _REFUSAL_HEADING.finditer(text):
        pos = heading.end()
        start = end = None
        for line in re.finditer(r"[^\n]*\n?", text[pos:]):
            body = line.group(0)
            if not body:
                break
            if not body.strip():
                if start is not None and not LIST_MARKER.match(text, pos + line.end()):
                    break
                continue
            if not LIST_MARKER.match(body):
                break
            start = pos + line.start() if start is None else start
            end = pos + line.end()
        if start is not None and end is not None:
            out.append((start, end))
    return out


@dataclass(frozen=True)
class Layout:
    """A draft with its formatting undone, offset for offset."""

    text: str
    formatting: tuple[tuple[int, int], ...]  # spans that are never a detail (hashtags)

    def is_formatting(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.formatting)


_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _is_movement(tag: str) -> bool:
    """A hashtag made of ordinary words ("#bymetoo", "#ImperfectMen") is a movement or a
    topic; one with a word no dictionary knows or a name's suffix ("#Harbourfest",
    "#StMarrowCollege") may name a place or a group, and is read like any other word."""
    if tag.islower():
        return _ordinary_words(tag, 3)
    parts = _CAMEL.findall(tag)
    if len(parts) == 1 and known_word(tag.lower()):
        return True  # "#Theatre", "#Community": a topic; a lone suffix names nothing
    return all(known_word(p.lower()) and p.lower() not in ORG_OR_PLACE for p in parts)


def _ordinary_words(run: str, most: int) -> bool:
    """Whether a lower-case run splits into at most `most` dictionary words ("bymetoo" is
    "by me too")."""
    if known_word(run) and run not in ORG_OR_PLACE:
        return True
    return most > 1 and any(
        known_word(run[:i]) and _ordinary_words(run[i:], most - 1) for i in range(2, len(run) - 1)
    )


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n":
            chars[i] = " "


def normalise_layout(text: str) -> Layout:
    chars = list(text.translate(_QUOTES))
    for m in LIST_MARKER.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _THREAD_COUNT.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _EMPHASIS.finditer(text):
        chars[m.start()] = " "
        chars[m.end() - 1] = " "
    for m in _PLURAL_S.finditer(text):
        chars[m.start() : m.end()] = ["s", " ", " "]
    for m in _SHOUTED.finditer(text):
        word = m.group(0)
        # Emphasis capitals: a dictionary word typed in capitals ("NEVER", "NOT") is read
        # in lower case; an acronym nobody's dictionary knows ("GMIT") stays a name.
        if word not in _KEEP_CAPS and known_word(word.lower().replace("'", "")):
            chars[m.start() : m.end()] = list(word.lower())
    hashtags = tuple(
        (m.start(), m.end()) for m in _HASHTAG.finditer(text) if _is_movement(m.group(0)[1:])
    )
    out = "".join(chars)
    assert len(out) == len(text)
    return Layout(out, hashtags)
