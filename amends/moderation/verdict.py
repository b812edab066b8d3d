"""Moderation's result types: plain frozen data the responses app can store and show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"  # kept for a moderator; never dropped
    REJECT = "reject"  # not published; the text goes back to the writer to edit


class Reason(StrEnum):
    """The reason code recorded with every decision (and shown to moderators)."""

    PUBLISHED = "published"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    REPEAT = "repeat"
    RESPONSES_OFF = "responses_off"
    AUTHOR_HOLDS = "author_holds"
    FIRST_RESPONSES = "first_responses"
    LINK = "link"
    INSULT = "insult"
    THREAT = "threat"
    DOXXING = "doxxing"
    INCITEMENT = "incitement"
    SELF_HARM = "self_harm"


# What the writer reads. Respectful, and each one says what they can do next.
EXPLANATIONS: dict[Reason, str] = {
    Reason.PUBLISHED: "Your response is published.",
    Reason.EMPTY: "Your response is empty. Write something and send it again.",
    Reason.TOO_LONG: (
        "Your response is longer than a response can be here. Your text is "
        "below: shorten it, or say the heart of it, and send it again."
    ),
    Reason.REPEAT: (
        "You have already sent this response. If you meant to add something, "
        "edit it below and send it again."
    ),
    Reason.RESPONSES_OFF: (
        "The author has turned responses off for this statement. Your "
        "text is below, so nothing you wrote is lost."
    ),
    Reason.AUTHOR_HOLDS: (
        "The author reads every response before it appears. Yours is waiting for review."
    ),
    Reason.FIRST_RESPONSES: (
        "Your first responses are read by a moderator before they "
        "appear. After two are approved, yours appear at once."
    ),
    Reason.LINK: (
        "Responses with a link are read by a moderator before they appear, "
        "because a link can lead readers to someone. Yours is waiting for review."
    ),
    Reason.INSULT: (
        "This reads as an attack on the person rather than on what was done. "
        "Anger at what was done is welcome here. Yours is waiting for a "
        "moderator; you can edit it instead."
    ),
    Reason.THREAT: (
        "This reads as a threat, so it cannot be published. Your anger may be "
        "entirely fair; say what you feel about what was done, without warning "
        "of harm. Your text is below to edit."
    ),
    Reason.DOXXING: (
        "This names or guesses who someone in the statement is, or where to "
        "find them, so it cannot be published. Statements here are anonymous "
        "to protect the person who was harmed. Your text is below to edit."
    ),
    Reason.INCITEMENT: (
        "This asks others to go after someone, here or elsewhere, so it "
        "cannot be published. You are welcome to say what you think of what "
        "was done. Your text is below to edit."
    ),
    Reason.SELF_HARM: (
        "This urges someone to hurt themself, so it cannot be published. "
        "Your text is below to edit."
    ),
}


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    reason: Reason
    step: str  # the name of the step that decided
    explanation: str

    @classmethod
    def of(cls, decision: Decision, reason: Reason, step: str) -> Verdict:
        return cls(decision, reason, step, EXPLANATIONS[reason])

    def to_dict(self) -> dict[str, str]:
        return {
            "decision": self.decision.value,
            "reason": self.reason.value,
            "step": self.step,
            "explanation": self.explanation,
        }
