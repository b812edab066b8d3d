"""The coach's pattern rules, kept as data: one file per kind in amends/coach/rules/.

A rule file holds a kind's cues, its meanings, the exceptions that keep them to the
meaning they stand for, and sentences that must and must not be flagged, which the tests
run (rules/README.md describes the format). This module reads and checks the files; the
engine that applies them is patterns.py.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from amends.coach.kinds import Family, Kind

RULES_DIR = Path(__file__).with_name("rules")
FIELDS_FILE = RULES_DIR / "fields.toml"
ELEMENTS_FILE = RULES_DIR / "elements.toml"
LAYOUT_FILE = RULES_DIR / "layout.toml"  # read by layout.py and suppress.py
WITHDRAWAL_FILE = RULES_DIR / "withdrawal.toml"  # read by pattern_sentences.py

# Every key a rule file may hold; a misspelt key would otherwise drop its rules silently.
_LISTS = (
    "cues",
    "meaning",
    "meaning_unless",
    "unless",
    "out_of_scope",
    "in_scope_only_if",
    "must_flag",
    "must_pass",
)
_FIELD = re.compile(r"<([A-Z_]+)>")
PATTERN_KINDS = tuple(k.value for k in Kind if k.family is Family.PATTERN)


@dataclass(frozen=True)
class Rule:
    """One kind's rules, with every <FIELD> filled in."""

    kind: str
    cues: tuple[str, ...]  # tried on the normalised sentence and on it without fillers
    meaning: tuple[str, ...]  # semantic fields in position, tried on the normalised sentence
    meaning_unless: tuple[str, ...]  # a sentence matching one is not flagged by a meaning
    unless: tuple[str, ...]  # not this kind, whatever found it; the classifier may read it
    out_of_scope: tuple[str, ...]  # speaks of something else: not this kind, even learned
    in_scope_only_if: tuple[str, ...]  # the kind needs one of these, even when learned
    must_flag: tuple[str, ...]
    must_pass: tuple[str, ...]


def _alternation(words: frozenset[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + ")"


@cache
def fields() -> dict[str, str]:
    """The named pieces rules share (rules/fields.toml): regular expressions, and word
    lists turned into one alternation each, longest word first."""
    with FIELDS_FILE.open("rb") as f:
        data = tomllib.load(f)
    out = dict(data["regex"])
    for name, text in data["words"].items():
        if name in out:
            raise ValueError(f"{FIELDS_FILE.name}: {name} is defined twice")
        out[name] = _alternation(frozenset(text.split()))
    return out


def expand(pattern: str, where: str = "") -> str:
    """A rule's pattern with its <FIELD>s filled in."""
    known = fields()

    def field(m: re.Match[str]) -> str:
        if m.group(1) not in known:
            raise ValueError(f"{where}: unknown field <{m.group(1)}>")
        return known[m.group(1)]

    return _FIELD.sub(field, pattern)


def _read(path: Path) -> Rule:
    with path.open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    kind = data.pop("kind", None)
    if kind != path.stem or kind not in PATTERN_KINDS:
        raise ValueError(f"{path.name}: kind must be its file name and a pattern kind")
    unknown = set(data) - set(_LISTS)
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    lists = {key: tuple(data.get(key, ())) for key in _LISTS}
    for key in _LISTS[:6]:
        lists[key] = tuple(expand(p, f"{path.name} {key}") for p in lists[key])
        for p in lists[key]:
            re.compile(p)  # a bad pattern fails here, naming nothing else
    return Rule(kind=kind, **lists)


@cache
def load_rules() -> dict[str, Rule]:
    """Every pattern kind's rules, in the order `Kind` declares them, which is the order
    in which the engine reports the kinds it finds in one sentence."""
    found = {
        path.stem: _read(path)
        for path in RULES_DIR.glob("*.toml")
        if path not in (FIELDS_FILE, ELEMENTS_FILE, LAYOUT_FILE, WITHDRAWAL_FILE)
    }
    missing = set(PATTERN_KINDS) - set(found)
    if missing:
        raise ValueError(f"no rule file for {sorted(missing)}")
    return {kind: found[kind] for kind in PATTERN_KINDS}


@dataclass(frozen=True)
class ElementRule:
    """How one of the six elements shows in a sentence (rules/elements.toml)."""

    element: str
    cues: tuple[str, ...]  # one is enough to show the element
    unless: tuple[str, ...]  # a sentence that matches one shows nothing of it
    must_show: tuple[str, ...]
    must_not_show: tuple[str, ...]


_ELEMENT_LISTS = ("cues", "unless", "must_show", "must_not_show")


@cache
def load_element_rules() -> dict[str, ElementRule]:
    """The six elements' cues, in the order `Kind` declares them."""
    with ELEMENTS_FILE.open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    elements = tuple(k.value for k in Kind if k.family is Family.MISSING)
    if set(data) != set(elements):
        raise ValueError(f"{ELEMENTS_FILE.name}: one table for each of {elements}")
    out = {}
    for element in elements:
        table = data[element]
        unknown = set(table) - set(_ELEMENT_LISTS)
        if unknown:
            raise ValueError(f"{ELEMENTS_FILE.name} [{element}]: unknown keys {sorted(unknown)}")
        lists = {key: tuple(table.get(key, ())) for key in _ELEMENT_LISTS}
        for key in ("cues", "unless"):
            lists[key] = tuple(
                expand(p, f"{ELEMENTS_FILE.name} [{element}] {key}") for p in lists[key]
            )
            for p in lists[key]:
                re.compile(p)
        out[element] = ElementRule(element=element, **lists)
    return out
