"""Pile-on damping: what keeps a statement from being crucified by a crowd (seed 001).

Three rules, each automatic:

- a per-member rate limit: a member may send AMENDS_RESPONSES_ALLOWED responses within
  AMENDS_RESPONSE_WINDOW_SECONDS, across the whole library; past it, the next is
  refused (the text stays in the form) until the window has passed;
- a per-statement velocity limit: once a statement has received
  AMENDS_STATEMENT_VELOCITY_ALLOWED responses within AMENDS_STATEMENT_VELOCITY_SECONDS,
  every new one is held for a moderator, and the statement's page says so;
- slow mode: when the share of held and rejected responses among a statement's latest
  responses rises to SLOW_MODE_ON, each member may respond to it only once per
  AMENDS_SLOW_MODE_SECONDS; when the share falls to SLOW_MODE_OFF (moderators approved
  what was held, calmer responses came), it switches itself off. The two thresholds
  differ so that one response cannot flick it on and off.

One more limit guards the "identifies me" path, which hides a statement from the
library at once: a member may make AMENDS_IDENTIFIES_ALLOWED such reports within
AMENDS_IDENTIFIES_WINDOW_SECONDS (IDENTIFIES), so no one account can empty the library.

The time windows are the members app's `Limit`s, counted in the shared cache under
HMACs of the member and the statement: never an address, and no exact time stored with
any response.
"""

from __future__ import annotations

from amends.library.models import Publication
from amends.members.throttle import Limit, account_subject
from amends.moderation.verdict import Reason
from amends.responses.models import Response, ResponseSettings, Status

MEMBER = Limit("responses", "AMENDS_RESPONSES_ALLOWED", "AMENDS_RESPONSE_WINDOW_SECONDS")
VELOCITY = Limit(
    "statement-velocity", "AMENDS_STATEMENT_VELOCITY_ALLOWED", "AMENDS_STATEMENT_VELOCITY_SECONDS"
)
SLOW_MODE = Limit("slow-mode", "AMENDS_SLOW_MODE_RESPONSES_ALLOWED", "AMENDS_SLOW_MODE_SECONDS")
IDENTIFIES = Limit("identifies", "AMENDS_IDENTIFIES_ALLOWED", "AMENDS_IDENTIFIES_WINDOW_SECONDS")

# The reason code of a response held because its statement is receiving too many.
VELOCITY_REASON = "velocity"

# Slow mode reads the latest SLOW_MODE_SAMPLE responses of a statement, once there are
# at least SLOW_MODE_MINIMUM of them.
SLOW_MODE_SAMPLE = 10
SLOW_MODE_MINIMUM = 6
SLOW_MODE_ON = 0.5
SLOW_MODE_OFF = 0.2

# What counts as hostile for slow mode: what moderation or a moderator held or
# rejected for what the words do. A statement that draws many first-time responders,
# or responses with links, is being read, not piled on.
HOSTILE_REASONS = frozenset(
    {Reason.INSULT, Reason.THREAT, Reason.DOXXING, Reason.INCITEMENT, Reason.SELF_HARM}
)


class TooFast(Exception):
    """A member sent responses faster than a limit allows; nothing was stored."""

    def __init__(self, minutes: int, *, slow_mode: bool) -> None:
        super().__init__(minutes)
        self.minutes = minutes
        self.slow_mode = slow_mode


def _member(key: str) -> str:
    return account_subject(key)


def _statement(publication: Publication) -> str:
    return f"publication:{publication.pk}"


def _member_on_statement(key: str, publication: Publication) -> str:
    return f"{key}:publication:{publication.pk}"


def check_identifies(key: str) -> None:
    """Refuse an "identifies me" report, before anything is hidden, past the limit."""
    if IDENTIFIES.is_reached(_member(key)):
        raise TooFast(IDENTIFIES.minutes_to_wait(), slow_mode=False)


def record_identifies(key: str) -> None:
    IDENTIFIES.record(_member(key))


def check_member(key: str, publication: Publication, settings: ResponseSettings) -> None:
    """Refuse before anything is judged or stored if the member must wait."""
    if MEMBER.is_reached(_member(key)):
        raise TooFast(MEMBER.minutes_to_wait(), slow_mode=False)
    if settings.slow_mode and SLOW_MODE.is_reached(_member_on_statement(key, publication)):
        raise TooFast(SLOW_MODE.minutes_to_wait(), slow_mode=True)


def statement_is_busy(publication: Publication) -> bool:
    """Whether this statement has had more responses than its velocity allows, lately."""
    return VELOCITY.is_reached(_statement(publication))


def count_response(key: str, publication: Publication, *, reached_statement: bool) -> None:
    """Count one sent response against the member's limits, and against the
    statement's velocity if it is kept for readers or moderators."""
    MEMBER.record(_member(key))
    SLOW_MODE.record(_member_on_statement(key, publication))
    if reached_statement:
        VELOCITY.record(_statement(publication))


def hostile_share(publication: Publication) -> float | None:
    """The share of held and rejected responses among the statement's latest, or None
    while there are too few to say."""
    latest = list(
        Response.objects.filter(publication=publication)
        .order_by("-id")
        .values_list("status", "reason")[:SLOW_MODE_SAMPLE]
    )
    if len(latest) < SLOW_MODE_MINIMUM:
        return None
    hostile = sum(
        1 for status, reason in latest if status != Status.PUBLISHED and reason in HOSTILE_REASONS
    )
    return hostile / len(latest)


def next_slow_mode(current: bool, share: float | None) -> bool:
    if share is None:
        return current
    if not current and share >= SLOW_MODE_ON:
        return True
    if current and share <= SLOW_MODE_OFF:
        return False
    return current


def reconsider_slow_mode(settings: ResponseSettings) -> None:
    """Switch slow mode on or off after a response is judged or a decision changes it.

    Runs inside the caller's transaction, with `settings` locked by it.
    """
    wanted = next_slow_mode(settings.slow_mode, hostile_share(settings.publication))
    if wanted != settings.slow_mode:
        settings.slow_mode = wanted
        settings.save(update_fields=["slow_mode"])
