"""Writes for responses: respond, reply, report, and moderators' decisions.

Each `do_*` checks the permissions table itself (a view may forget; an action may
not), runs in one transaction, and where someone acts on another person's writing
(a moderator's decision, a statement hidden on a reader's word) records the audit
event in that transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, require
from amends.institutions.access import relations_to
from amends.library import actions as library_actions
from amends.library.models import Publication
from amends.members.models import Member
from amends.moderation import pipeline
from amends.moderation.verdict import Decision, Reason, Verdict
from amends.responses import damping
from amends.responses.access import (
    RECENT_TEXTS,
    relations_for,
    reporter_weight,
)
from amends.responses.identity import member_key, pseudonym_for
from amends.responses.models import (
    ModerationDecision,
    Report,
    ReportKind,
    ReportStatus,
    Response,
    ResponseSettings,
    Status,
)

# A reply goes through the same length rule as a response.
MAX_REPLY = pipeline.MAX_CHARS

# What the writer reads when a response is held for the statement's velocity.
VELOCITY_EXPLANATION = (
    "Many responses reached this statement in a short time, so new ones wait for a "
    "moderator before they appear. Yours is kept and will be read."
)

# The nudge before a response moderation would hold as a personal attack is sent.
NUDGE = (
    "This reads as an attack on the person rather than on what was done; you can edit "
    "it or send it for review."
)

# A reader's report of a statement hides it at once unless their history says their
# earlier reports were mostly dismissed (access.reporter_weight).
HIDE_AT_WEIGHT = 0.5

DECISION_STATUS = {
    Decision.PUBLISH: Status.PUBLISHED,
    Decision.HOLD: Status.HELD,
    Decision.REJECT: Status.REJECTED,
}

# The reasons a moderator may give: the pipeline's reason codes for what words do,
# and the plain "approved".
MODERATOR_REASONS = {
    Status.PUBLISHED: ("approved",),
    Status.HELD: ("needs_second_look", Reason.INSULT.value, Reason.LINK.value),
    Status.REJECTED: (
        Reason.INSULT.value,
        Reason.THREAT.value,
        Reason.DOXXING.value,
        Reason.INCITEMENT.value,
        Reason.SELF_HARM.value,
        "off_topic",
    ),
}


class NotAllowed(Exception):
    """Refused for a reason the person should read (not a permission: those are 404)."""


@dataclass(frozen=True)
class Sent:
    """What became of a response: stored (published, held or rejected), or a nudge."""

    verdict: Verdict
    response: Response | None
    nudge: bool = False


def _month() -> datetime.date:
    return timezone.now().date().replace(day=1)


def _locked_settings(publication: Publication) -> ResponseSettings:
    ResponseSettings.objects.get_or_create(publication=publication)
    return (
        ResponseSettings.objects.select_for_update()
        .select_related("publication")
        .get(publication=publication)
    )


def context_for(key: str, settings: ResponseSettings) -> pipeline.Context:
    """What the pipeline needs of the member's history and the author's choices."""
    mine = Response.objects.filter(responder=key)
    approved = mine.filter(status=Status.PUBLISHED).count()
    recent = mine.exclude(status=Status.REJECTED).order_by("-id").values_list("text", flat=True)
    return pipeline.Context(
        settings=pipeline.StatementSettings(
            responses_open=settings.responses_open, hold_all=settings.hold_all
        ),
        approved_responses=approved,
        recent_texts=tuple(recent[:RECENT_TEXTS]),
    )


def do_respond(member: Member, publication: Publication, text: str, *, send_anyway: bool) -> Sent:
    """Judge and keep a member's response to a published statement.

    The writer is nudged, and nothing is stored, when the response reads as a personal
    attack and they have not yet chosen to send it for review; sent anyway, it is held,
    never dropped. Rejected, it is kept for moderators and its text goes back to the
    writer. Raises damping.TooFast (nothing stored) when the member must wait.
    """
    require(relations_for(member, publication), Action.CREATE, Obj.RESPONSE)
    key = member_key(member)
    with transaction.atomic():
        settings = _locked_settings(publication)
        damping.check_member(key, publication, settings)
        outcome = pipeline.moderate(text, context_for(key, settings))
        verdict = outcome.verdict
        if verdict.reason is Reason.INSULT and not send_anyway:
            return Sent(verdict, None, nudge=True)
        trail = [v.reason.value for v in outcome.trail]
        reason, step, explanation = verdict.reason.value, verdict.step, verdict.explanation
        if verdict.decision is Decision.PUBLISH and damping.statement_is_busy(publication):
            reason, step, explanation = damping.VELOCITY_REASON, "damping", VELOCITY_EXPLANATION
            verdict = Verdict(Decision.HOLD, verdict.reason, step, explanation)
            trail.append(damping.VELOCITY_REASON)
        response = Response(
            publication=publication,
            responder=key,
            pseudonym=pseudonym_for(member, publication),
            month=_month(),
            text=text,
            status=DECISION_STATUS[verdict.decision],
            reason=reason,
            category=reason,
            step=step,
            trail=",".join(trail)[:300],
        )
        response.save()
        damping.count_response(
            key, publication, reached_statement=verdict.decision is not Decision.REJECT
        )
        damping.reconsider_slow_mode(settings)
    return Sent(verdict, response)


def do_reply(member: Member, response: Response, text: str) -> Verdict:
    """The author's one reply to a published response, judged as a trusted member's
    response would be (no first-responses rule, the same rules for words)."""
    require(relations_for(member, response.publication), Action.REPLY, Obj.RESPONSE)
    verdict = pipeline.moderate(text, pipeline.Context()).verdict
    if verdict.decision is not Decision.PUBLISH:
        return verdict
    with transaction.atomic():
        locked = Response.objects.select_for_update().get(pk=response.pk)
        if locked.status != Status.PUBLISHED:
            raise NotAllowed("You can reply to a response once it is published.")
        if locked.reply:
            raise NotAllowed("You have already replied to this response.")
        locked.reply = text.strip()
        locked.save(update_fields=["reply"])
        response.reply = locked.reply
    return verdict


def do_set_response_settings(
    member: Member, publication: Publication, *, responses_open: bool, hold_all: bool
) -> ResponseSettings:
    require(relations_for(member, publication), Action.EDIT, Obj.RESPONSE_SETTINGS)
    with transaction.atomic():
        settings = _locked_settings(publication)
        settings.responses_open = responses_open
        settings.hold_all = hold_all
        settings.save(update_fields=["responses_open", "hold_all"])
    return settings


def do_report_response(member: Member, response: Response, kind: ReportKind) -> Report:
    """A reader's report of a response. "I disagree" is kept, counted apart."""
    require(relations_to(member), Action.CREATE, Obj.REPORT)
    key = member_key(member)
    with transaction.atomic():
        report, _ = Report.objects.get_or_create(
            response=response,
            reporter=key,
            defaults={"kind": kind, "weight": reporter_weight(key)},
        )
    return report


def do_report_statement(member: Member, publication: Publication) -> Report:
    """ "This identifies me or someone I know": the statement leaves the library at once,
    pending a moderator's review, unless the reporter's history weighs too little.

    The author learns why on their statement's page, never from whom; the audit event
    names no one (library_actions.do_hide_pending_review).
    """
    require(relations_to(member), Action.CREATE, Obj.REPORT)
    key = member_key(member)
    # Each report hides a statement at once, so one member may make only a few in a
    # window (damping.IDENTIFIES); asking again about the same statement costs nothing.
    already = Report.objects.filter(publication=publication, reporter=key).first()
    if already is not None:
        return already
    damping.check_identifies(key)
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            publication=publication,
            reporter=key,
            defaults={"kind": ReportKind.IDENTIFIES, "weight": reporter_weight(key)},
        )
        if created and report.weight >= HIDE_AT_WEIGHT:
            library_actions.do_hide_pending_review(publication, "identifies_someone")
    if created:
        damping.record_identifies(key)
    return report


# Moderators -------------------------------------------------------------------------


def _require_moderator(actor: Member) -> None:
    require(relations_to(actor), Action.MODERATE, Obj.RESPONSE)


def do_decide(actor: Member, response: Response, status: Status, reason: str) -> ModerationDecision:
    """Publish, hold or reject a response, with a reason code, for the history and undo.

    Open reports on the response are closed with it: upheld when it leaves readers'
    view, dismissed when it stays published.
    """
    _require_moderator(actor)
    if reason not in MODERATOR_REASONS[status]:
        raise NotAllowed("Choose one of the reasons offered.")
    with transaction.atomic():
        settings = _locked_settings(response.publication)
        locked = Response.objects.select_for_update().get(pk=response.pk)
        decision = ModerationDecision.objects.create(
            response=locked,
            moderator=actor,
            before_status=locked.status,
            before_reason=locked.reason,
            status=status,
            reason=reason,
        )
        locked.status, locked.reason, locked.step = status, reason, "moderator"
        locked.save(update_fields=["status", "reason", "step"])
        audit.record(
            actor, AuditRole.MODERATOR, AuditEventType.RESPONSE_DECIDED, locked, reason=reason
        )
        reports = list(
            Report.objects.select_for_update()
            .filter(response=locked, status=ReportStatus.OPEN)
            .exclude(kind=ReportKind.DISAGREE)
        )
        if reports:
            outcome = ReportStatus.DISMISSED if status == Status.PUBLISHED else ReportStatus.UPHELD
            for report in reports:
                report.status = outcome
                report.save(update_fields=["status"])
            decision.closed_reports.set(reports)
            audit.record(
                actor,
                AuditRole.MODERATOR,
                AuditEventType.REPORT_DECIDED,
                locked,
                reason=str(outcome),
            )
        damping.reconsider_slow_mode(settings)
        response.status, response.reason = status, reason
    return decision


def do_decide_all_held(
    actor: Member, responder: str, status: Status, reason: str
) -> list[ModerationDecision]:
    """The same decision on every held response of one member (known here only by key)."""
    _require_moderator(actor)
    with transaction.atomic():
        held = list(Response.objects.filter(responder=responder, status=Status.HELD))
        return [do_decide(actor, response, status, reason) for response in held]


def do_undo(actor: Member, decision: ModerationDecision) -> None:
    """Take a decision back within the undo window: the response and its reports return
    to where they were."""
    _require_moderator(actor)
    window = datetime.timedelta(seconds=django_settings.AMENDS_MODERATION_UNDO_SECONDS)
    with transaction.atomic():
        locked = ModerationDecision.objects.select_for_update().get(pk=decision.pk)
        if locked.undone:
            raise NotAllowed("This decision has already been undone.")
        if timezone.now() - locked.decided_at > window:
            raise NotAllowed("This decision is too old to undo; decide again instead.")
        settings = _locked_settings(locked.response.publication)
        response = Response.objects.select_for_update().get(pk=locked.response_id)
        response.status, response.reason = locked.before_status, locked.before_reason
        response.save(update_fields=["status", "reason"])
        for report in locked.closed_reports.all():
            report.status = ReportStatus.OPEN
            report.save(update_fields=["status"])
        locked.undone = True
        locked.save(update_fields=["undone"])
        audit.record(
            actor,
            AuditRole.MODERATOR,
            AuditEventType.RESPONSE_DECISION_UNDONE,
            response,
            reason=locked.reason,
        )
        damping.reconsider_slow_mode(settings)
        decision.undone = True


def do_decide_hidden_statement(
    actor: Member, publication: Publication, *, restore: bool, reason: str
) -> None:
    """Return a hidden statement to the library, or take it down; the reports that hid
    it are dismissed or upheld in the same transaction."""
    require(relations_to(actor), Action.DECIDE, Obj.REPORT)
    with transaction.atomic():
        reports = list(
            Report.objects.select_for_update().filter(
                publication=publication, status=ReportStatus.OPEN
            )
        )
        outcome = ReportStatus.DISMISSED if restore else ReportStatus.UPHELD
        for report in reports:
            report.status = outcome
            report.save(update_fields=["status"])
        audit.record(
            actor,
            AuditRole.MODERATOR,
            AuditEventType.REPORT_DECIDED,
            publication,
            reason=str(outcome),
        )
        if restore:
            library_actions.do_restore(actor, publication, reason)
        else:
            library_actions.do_take_down(actor, publication, reason)


# Personal data ----------------------------------------------------------------------


def erase_responses(member: Member) -> None:
    """A member's responses and reports go with their account."""
    key = member_key(member)
    Report.objects.filter(reporter=key).delete()
    Response.objects.filter(responder=key).delete()
