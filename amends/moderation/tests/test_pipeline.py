"""The pipeline's steps in order, each with the plain inputs the responses app gives it."""

from __future__ import annotations

from amends.moderation import (
    APPROVALS_TO_TRUST,
    MAX_CHARS,
    STEPS,
    Context,
    Decision,
    Reason,
    StatementSettings,
    moderate,
)
from amends.moderation.pipeline import check_length, check_repeat, similarity

ANGER = "What you did to her was cruel and I'm furious you took so long to say it."
THREAT = "Watch your back. One night soon you'll find me waiting outside your door."


def test_steps_run_in_the_documented_order() -> None:
    assert [name for name, _ in STEPS] == [
        "length",
        "repeat",
        "statement",
        "first_responses",
        "link",
        "classifier",
    ]


def test_an_empty_response_is_given_back() -> None:
    outcome = moderate("   \n ")
    assert (outcome.verdict.decision, outcome.verdict.reason) == (Decision.REJECT, Reason.EMPTY)


def test_a_response_over_the_limit_is_given_back_and_one_at_it_passes() -> None:
    assert check_length("a" * (MAX_CHARS + 1), Context()) is not None
    assert check_length("a" * MAX_CHARS, Context()) is None
    outcome = moderate("I am angry. " * (MAX_CHARS // 10))
    assert outcome.verdict.reason is Reason.TOO_LONG
    assert "shorten" in outcome.verdict.explanation


def test_the_same_response_sent_again_is_a_repeat() -> None:
    context = Context(recent_texts=("Something else entirely.", ANGER))
    outcome = moderate(ANGER, context)
    assert (outcome.verdict.decision, outcome.verdict.reason) == (Decision.REJECT, Reason.REPEAT)


def test_a_repeat_with_small_changes_is_still_a_repeat() -> None:
    near = ANGER.replace("furious", "so furious").upper()
    assert similarity(ANGER, near) >= 0.5
    context = Context(recent_texts=(ANGER + " Truly.",))
    assert check_repeat(ANGER, context) is not None


def test_a_different_response_from_the_same_member_is_no_repeat() -> None:
    context = Context(recent_texts=("Thank you for naming it plainly.",))
    assert check_repeat(ANGER, context) is None


def test_responses_turned_off_by_the_author_are_given_back() -> None:
    context = Context(settings=StatementSettings(responses_open=False))
    outcome = moderate(ANGER, context)
    assert (outcome.verdict.decision, outcome.verdict.reason) == (
        Decision.REJECT,
        Reason.RESPONSES_OFF,
    )


def test_an_author_who_holds_all_gets_every_response_held() -> None:
    context = Context(settings=StatementSettings(hold_all=True))
    outcome = moderate(ANGER, context)
    assert (outcome.verdict.decision, outcome.verdict.reason) == (
        Decision.HOLD,
        Reason.AUTHOR_HOLDS,
    )


def test_a_threat_on_a_held_statement_is_rejected_so_the_author_never_sees_it() -> None:
    context = Context(settings=StatementSettings(hold_all=True), approved_responses=0)
    outcome = moderate(THREAT, context)
    assert outcome.verdict.decision is Decision.REJECT
    assert outcome.verdict.reason is Reason.THREAT
    assert [v.reason for v in outcome.trail] == [
        Reason.AUTHOR_HOLDS,
        Reason.FIRST_RESPONSES,
        Reason.THREAT,
    ]


def test_first_responses_are_held_until_two_are_approved() -> None:
    for approved in range(APPROVALS_TO_TRUST):
        outcome = moderate(ANGER, Context(approved_responses=approved))
        assert (outcome.verdict.decision, outcome.verdict.reason) == (
            Decision.HOLD,
            Reason.FIRST_RESPONSES,
        )
    outcome = moderate(ANGER, Context(approved_responses=APPROVALS_TO_TRUST))
    assert outcome.verdict.decision is Decision.PUBLISH


def test_the_first_hold_is_the_reason_given() -> None:
    outcome = moderate("More at www.restore-together.net", Context(approved_responses=0))
    assert outcome.verdict.reason is Reason.FIRST_RESPONSES
    assert [v.reason for v in outcome.trail] == [Reason.FIRST_RESPONSES, Reason.LINK]


def test_a_rejection_explains_itself_respectfully_and_invites_an_edit() -> None:
    outcome = moderate(THREAT)
    assert outcome.verdict.decision is Decision.REJECT
    assert "edit" in outcome.verdict.explanation
