"""Every kind of finding has one entry, and every sentence the coach says is a sentence."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from amends.coach import Coach
from amends.coach.engine import _risk
from amends.coach.kinds import DETAILS, ELEMENTS, PATTERNS, Family, Kind
from amends.coach.model import Finding
from amends.coach.nlp import get_nlp

LABELLED = {  # the kinds of shared/eval/README.md, family by family
    Family.DETAIL: {
        "name",
        "contact",
        "place",
        "organisation",
        "date",
        "age",
        "role",
        "relationship",
        "distinctive",
    },
    Family.PATTERN: {
        "minimising",
        "excusing",
        "blaming",
        "forgiveness_request",
        "conditional_apology",
        "sorry_but",
        "evasive_passive",
        "memory_denial",
        "parade_brave",
        "parade_innocent",
        "parade_victim",
        "parade_monster",
        "self_centring",
    },
    Family.MISSING: {"apology", "account", "impact", "responsibility", "repair", "change"},
}


def test_the_kinds_are_the_labelled_kinds() -> None:
    for family, kinds in (
        (Family.DETAIL, DETAILS),
        (Family.PATTERN, PATTERNS),
        (Family.MISSING, ELEMENTS),
    ):
        assert {k.value for k in kinds} == LABELLED[family]
        assert len({k.priority for k in kinds}) == len(kinds)  # an order, without ties


def _shape_problems(sentence: str) -> list[str]:
    problems = []
    if not re.match(r"^[A-Z“'\"]", sentence):
        problems.append("does not start with a capital")
    if not re.search(r"[.!?]['”\"]?$", sentence):
        problems.append("does not end a sentence")
    if "  " in sentence or re.search(r" [,.](?!\.\.)", sentence):
        problems.append("stray space")
    if "_" in sentence:
        problems.append("an identifier instead of words")
    if sentence.count("'") % 2 and not re.search(r"\w'\w", sentence):
        problems.append("unbalanced quote")
    return problems


def _agreement_problems(sentence: str) -> list[str]:
    """A present-tense verb agrees with its subject; for "which" or "that", with what they
    stand for ("a name, which identifies"; "a name and contact details, which identify")."""
    problems = []
    for tok in get_nlp()(sentence):
        if tok.dep_ != "nsubj" or tok.head.tag_ not in {"VBZ", "VBP"}:
            continue
        subject: Any = tok
        if tok.lower_ in {"which", "that", "who"} and tok.head.dep_ == "relcl":
            subject = tok.head.head
        if subject.lower_ in {"i", "you", "we", "they"}:
            continue
        plural = (
            subject.tag_ in {"NNS", "NNPS"}
            or subject.lower_ in {"those", "these"}
            or any(
                c.dep_ == "cc"
                and c.lower_ == "and"
                and (c.head == subject or c.head.dep_ == "conj")
                for c in subject.subtree
            )
        )
        if plural != (tok.head.tag_ == "VBP"):
            problems.append(f"{subject.text!r} … {tok.head.text!r}")
    return problems


@pytest.mark.parametrize("kind", list(Kind))
def test_every_reason_and_suggestion_is_a_sentence(kind: Kind) -> None:
    for sentence in (kind.reason, kind.suggestion):
        assert _shape_problems(sentence) == [], sentence
        assert _agreement_problems(sentence) == [], sentence
    assert kind.label and kind.label.lstrip("“")[0].isupper()


def _risk_sentences() -> list[str]:
    out = []
    for n in range(1, len(DETAILS) + 1):
        for kinds in itertools.combinations(DETAILS, n):
            details = [Finding("detail", k, 0, 1, "x", "", "") for k in kinds]
            out += _risk(details)[1]
    return sorted(set(out))


def test_every_risk_reason_is_a_sentence_a_person_would_say() -> None:
    sentences = _risk_sentences()
    assert "The draft contains a name, which identifies someone directly." in sentences
    assert (
        "The draft contains a name and contact details, which identify someone directly."
        in sentences
    )
    for sentence in sentences:
        assert _shape_problems(sentence) == [], sentence
        # Kinds are named as nouns: "the distinctive detail", never a bare "distinctive".
        assert not re.search(r"\bdistinctive\b(?! detail)", sentence), sentence
        assert not re.search(r", (?:date|age|role|place|organisation|relationship)\b", sentence), (
            sentence
        )
    for sentence in sentences[:: max(1, len(sentences) // 40)]:
        assert _agreement_problems(sentence) == [], sentence


def test_a_name_found_by_the_model_stops_at_the_preposition(coach: Coach) -> None:
    text = "Maria at Fernhill was my colleague."
    names = [f.text for f in coach.review(text).of_family("detail") if f.kind == "name"]
    assert "Maria" in names
    assert not any(" at" in n for n in names)


def test_findings_carry_the_kinds_texts(coach: Coach) -> None:
    review = coach.review("It was only a kiss. Maria at Fernhill forgave me.")
    for f in review.findings:
        kind = Kind(f.kind)
        assert f.family == kind.family
        if f.family != "detail" or f.whose != "author":
            assert f.reason == kind.reason
