"""Responses to published statements, readers' reports, and moderators' decisions.

Nothing here names a member in the clear. A response, a report and a reporter's
history carry the member only as an HMAC under the pepper (identity.py), the same for
all of one member's responses so that the per-member rules can count them (first
responses held, rate limits, bulk decisions), but one a copy of the database cannot
tie to an account, nor to the statements that account wrote. What readers see is a
pseudonym derived afresh for each statement, and the month.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ResponseSettings(models.Model):
    """The author's choices for one statement, and whether slow mode is on.

    Keyed on the publication and holding no author: only the author's statement links
    the author to their publication, and the author changes these through it
    (library.authorship).
    """

    publication = models.OneToOneField(
        "library.Publication", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    responses_open = models.BooleanField(default=True)
    hold_all = models.BooleanField(default=False)
    # Switched on and off by damping.py from the share of held and rejected responses.
    slow_mode = models.BooleanField(default=False)

    def __str__(self) -> str:
        return "response settings"


class Status(models.TextChoices):
    PUBLISHED = "published", "published"
    HELD = "held", "waiting for review"
    REJECTED = "rejected", "not published"


class Response(models.Model):
    publication = models.ForeignKey(
        "library.Publication", on_delete=models.CASCADE, related_name="+"
    )
    # HMAC of the member under the pepper (identity.responder_key): never the member.
    responder = models.CharField(max_length=64, db_index=True)
    # Derived from the member and this publication; another statement gives another.
    pseudonym = models.CharField(max_length=60)
    # The first day of the month it was sent: readers see the month only. Order comes
    # from the id; the time windows of damping.py live in the cache, not here.
    month = models.DateField()
    text = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices)
    # The reason code of the decision that stands (moderation.verdict.Reason, damping's
    # own, or a moderator's), and the step that gave it.
    reason = models.CharField(max_length=40)
    step = models.CharField(max_length=40)
    # The reason the pipeline gave when it was sent, kept whatever moderators decide
    # later: the category the transparency figures count it under.
    category = models.CharField(max_length=40)
    # Every reason code the pipeline gave, in order, for moderators and the audit log.
    trail = models.CharField(max_length=300, blank=True)
    # The author's one reply, public like the response.
    reply = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["publication", "status"])]

    def __str__(self) -> str:
        return f"response {self.pk}"

    @property
    def responder_code(self) -> str:
        """What moderators see to tell one member's responses from another's."""
        return self.responder[:8]


class ReportKind(models.TextChoices):
    ATTACK = "attack", "It attacks a person rather than what was done"
    THREAT = "threat", "It threatens someone or urges them to hurt themself"
    IDENTIFIES = "identifies", "It identifies me or someone I know"
    PILE_ON = "pile_on", "It sends people after someone, here or elsewhere"
    DISAGREE = "disagree", "I disagree with it"


class ReportStatus(models.TextChoices):
    OPEN = "open", "open"
    UPHELD = "upheld", "upheld"
    DISMISSED = "dismissed", "dismissed"


class Report(models.Model):
    """A reader's report of a response, or ("identifies me") of a statement.

    "I disagree" is kept as a report so that each reader counts once, but it is counted
    apart and never reaches the queue.
    """

    # Both are set to null when what was reported leaves (withdrawn, taken down): the
    # report stays as the reporter's history (its kind and outcome), with no text.
    response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    publication = models.ForeignKey(
        "library.Publication", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporter = models.CharField(max_length=64, db_index=True)  # identity.reporter_key
    kind = models.CharField(max_length=12, choices=ReportKind.choices)
    # The reporter's weight when they reported (access.reporter_weight).
    weight = models.FloatField()
    status = models.CharField(max_length=12, choices=ReportStatus.choices, default="open")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "reporter"], name="one_report_per_response"
            ),
            models.UniqueConstraint(
                fields=["publication", "reporter"], name="one_report_per_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"report {self.pk}"


class ModerationDecision(models.Model):
    """One moderator's decision on a response, kept for the history and for undo."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    before_status = models.CharField(max_length=12, choices=Status.choices)
    before_reason = models.CharField(max_length=40)
    status = models.CharField(max_length=12, choices=Status.choices)
    reason = models.CharField(max_length=40)
    decided_at = models.DateTimeField(auto_now_add=True)
    undone = models.BooleanField(default=False)
    # The reports this decision closed, reopened if it is undone.
    closed_reports = models.ManyToManyField(Report, blank=True, related_name="+")

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.status} ({self.reason})"
