"""The rules kept as data: every example in amends/coach/rules/<kind>.toml is a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amends.coach import Coach
from amends.coach.ruleset import (
    RULES_DIR,
    Rule,
    _read,
    expand,
    fields,
    load_element_rules,
    load_rules,
)
from amends.coach.tests.helpers import patterns

EXAMPLES = [
    pytest.param(kind, sentence, flag, id=f"{kind}-{'flag' if flag else 'pass'}-{n}")
    for kind, rule in load_rules().items()
    for flag, sentences in ((True, rule.must_flag), (False, rule.must_pass))
    for n, sentence in enumerate(sentences)
]


def test_every_pattern_kind_has_cues_and_examples_both_ways() -> None:
    for kind, rule in load_rules().items():
        assert rule.cues, kind
        assert rule.must_flag and rule.must_pass, kind


@pytest.mark.parametrize("kind, sentence, flag", EXAMPLES)
def test_rule_examples(coach: Coach, kind: str, sentence: str, flag: bool) -> None:
    found = patterns(coach, sentence)
    if flag:
        assert kind in found, (sentence, found)
    else:
        assert kind not in found, (sentence, found)


def test_a_field_is_filled_in_as_an_alternation_of_its_words() -> None:
    assert "grief" in fields()["STATES"]
    assert re.search(expand(r"\bmy <STATES>\b"), "it was my grief talking")


def test_a_rule_file_with_an_unknown_key_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "excusing.toml"
    path.write_text('kind = "excusing"\ncues = []\nmust_flags = ["I was drunk."]\n')
    with pytest.raises(ValueError, match="unknown keys"):
        _read(path)


def test_a_rule_with_an_unknown_field_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "excusing.toml"
    path.write_text("kind = \"excusing\"\ncues = ['\\bi was <DRUNKEN>']\n")
    with pytest.raises(ValueError, match="unknown field <DRUNKEN>"):
        _read(path)


def test_every_file_in_the_rules_folder_is_a_kind_or_the_fields() -> None:
    kinds = set(load_rules())
    for path in RULES_DIR.glob("*.toml"):
        assert path.stem in kinds | {"fields", "elements", "layout", "withdrawal"}, path.name
    assert all(isinstance(rule, Rule) for rule in load_rules().values())


ELEMENT_EXAMPLES = [
    pytest.param(element, sentence, shows, id=f"{element}-{'shows' if shows else 'not'}-{n}")
    for element, rule in load_element_rules().items()
    for shows, sentences in ((True, rule.must_show), (False, rule.must_not_show))
    for n, sentence in enumerate(sentences)
]


def test_every_element_has_cues_and_examples_both_ways() -> None:
    for element, rule in load_element_rules().items():
        assert rule.cues and rule.must_show and rule.must_not_show, element


@pytest.mark.parametrize("element, sentence, shows", ELEMENT_EXAMPLES)
def test_element_examples(coach: Coach, element: str, sentence: str, shows: bool) -> None:
    missing = {f.kind for f in coach.review(sentence).of_family("missing")}
    assert (element not in missing) == shows, (sentence, missing)
