"""The rules kept as data: every example in amends/coach/rules/*.toml is a test."""

from __future__ import annotations

import pytest

from amends.coach import Coach
from amends.coach.patterns import load_rules
from amends.coach.tests.helpers import patterns

_CLOSE = [{"excusing", "minimising", "blaming"}, {"conditional_apology", "sorry_but"},
          {"parade_victim", "self_centring", "parade_monster"}]


def _kinds_close_to(kind: str) -> set[str]:
    return set().union({kind}, *(group for group in _CLOSE if kind in group))


EXAMPLES = [(kind, sentence, flag) for kind, rule in load_rules().items()
            for flag, key in ((True, "must_flag"), (False, "must_pass"))
            for sentence in rule[key]]


def test_every_rule_file_has_examples_both_ways() -> None:
    for kind, rule in load_rules().items():
        assert rule["meaning"], kind
        assert rule["must_flag"] and rule["must_pass"], kind


@pytest.mark.parametrize("kind, sentence, flag", EXAMPLES)
def test_rule_examples(coach: Coach, kind: str, sentence: str, flag: bool) -> None:
    found = patterns(coach, sentence)
    if flag:
        assert found & _kinds_close_to(kind), (sentence, found)
    else:
        assert kind not in found, (sentence, found)
