"""Reads for responses: every one decides through the permissions table who may see it.

Readers see published responses. A responder also sees their own held ones; the
author sees what is held on their statement, never what was rejected. Reports,
decisions and rejected responses are for moderators only.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from amends.core.audit import AuditEvent, AuditEventType
from amends.core.permissions import Action, Obj, Relation, require
from amends.institutions.access import Person, relations_to
from amends.library import access as library_access
from amends.library.authorship import is_author
from amends.library.models import Publication
from amends.members.models import Member
from amends.moderation import measured
from amends.moderation.verdict import Reason
from amends.responses.identity import member_key
from amends.responses.models import (
    ModerationDecision,
    Report,
    ReportKind,
    ReportStatus,
    Response,
    ResponseSettings,
    Status,
)

# How many of a member's latest responses the repeat check compares with.
RECENT_TEXTS = 10
# A published response reaches the queue's "reported" view once its open reports
# weigh this much together (one report from a reader with no history weighs 1).
QUEUE_AT_WEIGHT = 1.0
QUEUE_PAGE = 50


def relations_for(person: Person, publication: Publication) -> set[Relation]:
    """The person's relations to the responses on a statement: the author is its owner."""
    owner_id = person.pk if isinstance(person, Member) and is_author(person, publication) else None
    return relations_to(person, owner_id=owner_id)


def publication_for(person: Person, public_id: str, action: Action, obj: Obj) -> Publication:
    """A statement in the library (never a hidden one) and the right to act on its responses."""
    publication = library_access.publication_by_public_id(public_id)
    require(relations_for(person, publication), action, obj)
    return publication


def readable_publication(public_id: str) -> Publication:
    """A statement in the library, as any reader may read it (never a hidden one)."""
    return library_access.publication_by_public_id(public_id)


def settings_of(publication: Publication) -> ResponseSettings:
    found = ResponseSettings.objects.filter(publication=publication).first()
    return found or ResponseSettings(publication=publication)


@dataclass
class Thread:
    """What one person sees of the responses to one statement."""

    publication: Publication
    settings: ResponseSettings
    published: list[Response]
    # The viewer's own held responses, or, for the author, all held ones.
    waiting: list[Response] = field(default_factory=list)
    is_author: bool = False


def thread_for(person: Person, publication: Publication) -> Thread:
    relations = relations_for(person, publication)
    require(relations, Action.READ, Obj.RESPONSE)
    responses = Response.objects.filter(publication=publication)
    author = Relation.OWNER in relations
    if author:
        waiting = list(responses.filter(status=Status.HELD))
    elif isinstance(person, Member) and Relation.ANONYMOUS not in relations:
        waiting = list(responses.filter(status=Status.HELD, responder=member_key(person)))
    else:
        waiting = []
    return Thread(
        publication=publication,
        settings=settings_of(publication),
        published=list(responses.filter(status=Status.PUBLISHED)),
        waiting=waiting,
        is_author=author,
    )


def response_for(person: Person, response_id: int, action: Action) -> Response:
    """A published response, for the author to reply to or a reader to report."""
    response = (
        Response.objects.select_related("publication")
        .filter(pk=response_id, status=Status.PUBLISHED, publication__hidden=False)
        .first()
    )
    if response is None:
        raise Http404
    obj = Obj.REPORT if action == Action.CREATE else Obj.RESPONSE
    require(relations_for(person, response.publication), action, obj)
    return response


def reporter_weight(key: str) -> float:
    """How much a reader's report counts, from how their earlier reports were decided:
    1 with no history, more for reports moderators upheld, less for dismissed ones."""
    decided = Counter(
        Report.objects.filter(reporter=key)
        .exclude(kind=ReportKind.DISAGREE)
        .exclude(status=ReportStatus.OPEN)
        .values_list("status", flat=True)
    )
    weight = (1 + decided[ReportStatus.UPHELD]) / (1 + decided[ReportStatus.DISMISSED])
    return min(3.0, max(0.25, weight))


def disagreements(response: Response) -> int:
    return response.reports.filter(kind=ReportKind.DISAGREE).count()


# Moderators -------------------------------------------------------------------------


def _require_queue(person: Person) -> None:
    require(relations_to(person), Action.READ, Obj.MODERATION_QUEUE)


@dataclass(frozen=True)
class QueueCounts:
    pending: int
    reported: int
    identifies: int


def _reported(responses: QuerySet[Response]) -> QuerySet[Response]:
    counted = Q(reports__status=ReportStatus.OPEN) & ~Q(reports__kind=ReportKind.DISAGREE)
    return (
        responses.filter(status=Status.PUBLISHED, publication__hidden=False)
        .annotate(report_weight=Sum("reports__weight", filter=counted))
        .filter(report_weight__gte=QUEUE_AT_WEIGHT)
    )


def queue_counts(person: Person) -> QueueCounts:
    _require_queue(person)
    return QueueCounts(
        pending=Response.objects.filter(status=Status.HELD).count(),
        reported=_reported(Response.objects.all()).count(),
        identifies=len(library_access.hidden_publications(person)),
    )


def pending_responses(person: Person) -> list[Response]:
    """Held responses, oldest first, on statements still in the library."""
    _require_queue(person)
    return list(
        Response.objects.filter(status=Status.HELD, publication__hidden=False)
        .select_related("publication")
        .order_by("id")[:QUEUE_PAGE]
    )


def reported_responses(person: Person) -> list[Response]:
    """Published responses whose reports weigh enough, the heaviest first."""
    require(relations_to(person), Action.READ, Obj.REPORT)
    return list(
        _reported(Response.objects.select_related("publication")).order_by("-report_weight", "id")[
            :QUEUE_PAGE
        ]
    )


def report_kinds(response: Response) -> list[str]:
    """The kinds of the open reports on a response, for the queue (never who made them)."""
    kinds = (
        response.reports.filter(status=ReportStatus.OPEN)
        .exclude(kind=ReportKind.DISAGREE)
        .values_list("kind", flat=True)
    )
    return sorted({ReportKind(kind).label for kind in kinds})


def hidden_statements(person: Person) -> list[Publication]:
    require(relations_to(person), Action.READ, Obj.REPORT)
    return library_access.hidden_publications(person)


def hidden_statement_for(person: Person, public_id: str) -> Publication:
    require(relations_to(person), Action.DECIDE, Obj.REPORT)
    return library_access.hidden_publication_for(person, public_id)


def response_to_moderate(person: Person, response_id: int) -> Response:
    require(relations_to(person), Action.MODERATE, Obj.RESPONSE)
    response = Response.objects.select_related("publication").filter(pk=response_id).first()
    if response is None:
        raise Http404
    return response


def decision_for(person: Person, decision_id: int) -> ModerationDecision:
    require(relations_to(person), Action.MODERATE, Obj.RESPONSE)
    decision = ModerationDecision.objects.select_related("response").filter(pk=decision_id).first()
    if decision is None:
        raise Http404
    return decision


def undoable_decisions(person: Person) -> list[ModerationDecision]:
    """This moderator's own decisions still within the undo window, newest first."""
    _require_queue(person)
    since = timezone.now() - datetime.timedelta(
        seconds=django_settings.AMENDS_MODERATION_UNDO_SECONDS
    )
    return list(
        ModerationDecision.objects.filter(
            moderator_id=getattr(person, "pk", None), undone=False, decided_at__gte=since
        ).select_related("response")[:20]
    )


_RESPONDER = re.compile(r"^[0-9a-f]{64}$")


def responder_key_for(person: Person, responder: str) -> str:
    """A member's key as a moderator's bulk decision names it."""
    require(relations_to(person), Action.MODERATE, Obj.RESPONSE)
    if not _RESPONDER.match(responder):
        raise Http404
    return responder


def decision_history(person: Person, *, limit: int = 100) -> list[ModerationDecision]:
    _require_queue(person)
    return list(
        ModerationDecision.objects.select_related("response", "response__publication")[:limit]
    )


MODERATION_EVENTS = (
    AuditEventType.RESPONSE_DECIDED,
    AuditEventType.RESPONSE_DECISION_UNDONE,
    AuditEventType.REPORT_DECIDED,
    AuditEventType.PUBLICATION_HIDDEN,
    AuditEventType.PUBLICATION_RESTORED,
    AuditEventType.PUBLICATION_TAKEN_DOWN,
)


def moderation_audit(person: Person, *, limit: int = 200) -> list[AuditEvent]:
    """The audit log's moderation slice: what moderators (and Amends, on a reader's
    report) did to responses and statements."""
    _require_queue(person)
    return list(AuditEvent.objects.filter(event_type__in=MODERATION_EVENTS)[:limit])


# Transparency -----------------------------------------------------------------------


# What each reason category is called on the about page.
REASON_LABELS = {
    Reason.PUBLISHED.value: "Nothing to hold",
    Reason.EMPTY.value: "Empty",
    Reason.TOO_LONG.value: "Too long",
    Reason.REPEAT.value: "Sent twice",
    Reason.RESPONSES_OFF.value: "Responses turned off by the author",
    Reason.AUTHOR_HOLDS.value: "The author reads every response first",
    Reason.FIRST_RESPONSES.value: "A member's first responses",
    Reason.LINK.value: "Contains a link",
    Reason.INSULT.value: "Attacks the person",
    Reason.THREAT.value: "Threat",
    Reason.DOXXING.value: "Names or guesses who someone is",
    Reason.INCITEMENT.value: "Sends people after someone",
    Reason.SELF_HARM.value: "Urges self-harm",
    "velocity": "Too many responses at once to one statement",
}


@dataclass(frozen=True)
class ReasonShare:
    reason: str
    label: str
    published: float
    held: float
    rejected: float
    count: int


@dataclass(frozen=True)
class MeasuredShare:
    """What the classifier that ships was measured to do with anger and pain."""

    name: str
    source: str
    date: str
    version: str
    count: int
    held: float
    rejected: float


def measured_anger_and_pain() -> list[MeasuredShare]:
    """From the model card's measured figures (moderation.measured), never from live
    data: live responses carry no label saying they were anger or pain."""
    out = []
    for m in measured.current():
        count, held, rejected = m.share_held(measured.ANGER_AND_PAIN)
        if count:
            out.append(MeasuredShare(m.name, m.source, m.date, m.version, count, held, rejected))
    return out


def transparency() -> dict[str, object]:
    """From live data: what share of responses stands published, held and rejected,
    overall and by the category of reason moderation first gave each (so a response
    held as an insult and then approved counts as an insult that was published)."""
    rows = list(Response.objects.values_list("status", "category"))
    total = Counter(status for status, _ in rows)
    by_reason: dict[str, Counter[str]] = {}
    for status, category in rows:
        by_reason.setdefault(category, Counter())[status] += 1
    count = sum(total.values())

    def share(counter: Counter[str], status: Status) -> float:
        n = sum(counter.values())
        return counter[status] / n if n else 0.0

    return {
        "count": count,
        "measured": measured_anger_and_pain(),
        "published": share(total, Status.PUBLISHED),
        "held": share(total, Status.HELD),
        "rejected": share(total, Status.REJECTED),
        "reasons": [
            ReasonShare(
                reason=reason,
                label=REASON_LABELS.get(reason, reason.replace("_", " ")),
                published=share(counter, Status.PUBLISHED),
                held=share(counter, Status.HELD),
                rejected=share(counter, Status.REJECTED),
                count=sum(counter.values()),
            )
            for reason, counter in sorted(by_reason.items())
        ],
    }


# Personal data ----------------------------------------------------------------------


def export_responses(holder: object, member: Member) -> list[dict[str, str]]:
    return [
        {
            "statement": response.publication.public_id,
            "month": response.month.strftime("%Y-%m"),
            "pseudonym": response.pseudonym,
            "status": response.status,
            "text": response.text,
            "reply": response.reply,
        }
        for response in Response.objects.filter(responder=member_key(member)).select_related(
            "publication"
        )
    ]
