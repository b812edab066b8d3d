"""The audit log: who acted on someone else's data, in which role, and why.

Every `do_*` action that touches data belonging to someone other than the person
acting (an operator's take-down, a facilitator's move of a case, a moderator's
decision) records one `AuditEvent` in the same transaction as the change, so that
the log and the data can never disagree.

An event says who acted (a member id, never a handle), in which role, for which
institution, on which object (its model label and id), what kind of thing
happened (an `AuditEventType`) and a short reason code. It never holds an IP
address, a user agent or any private text: the log is read by institution admins
and operators, who are not entitled to what members wrote.

The log is append-only: the model refuses updates and deletes through the ORM,
the admin shows it read-only, and on PostgreSQL a trigger refuses UPDATE and
DELETE from anyone (migration core.0002).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Model

# Reason codes are short machine words ("identifies_someone", "g2_no_opt_in"), so that
# nobody is tempted to put a sentence of private text into the log.
REASON_CODE = re.compile(r"^[a-z0-9_]{0,60}$")


class AuditRole(models.TextChoices):
    """The capacity in which someone acted. A member acting on their own data is not audited."""

    OPERATOR = "operator", "operator"
    INSTITUTION_ADMIN = "institution_admin", "institution admin"
    FACILITATOR = "facilitator", "facilitator"
    MODERATOR = "moderator", "moderator"
    PARTY = "party", "party to a case"
    SYSTEM = "system", "Amends itself"


class AuditEventType(models.TextChoices):
    # Roles and institutions
    INSTITUTION_CREATED = "institution_created", "institution created"
    INSTITUTION_UPDATED = "institution_updated", "institution profile changed"
    ROLE_GRANTED = "role_granted", "role granted"
    ROLE_REVOKED = "role_revoked", "role revoked"
    INVITATION_ISSUED = "invitation_issued", "invitation code issued"
    INVITATION_ACCEPTED = "invitation_accepted", "invitation code used"
    # The library
    PUBLICATION_TAKEN_DOWN = "publication_taken_down", "statement taken down"
    PUBLICATION_HIDDEN = "publication_hidden", "statement hidden pending review"
    PUBLICATION_RESTORED = "publication_restored", "statement restored to the library"
    # Cases (restorative processes)
    CASE_OPENED = "case_opened", "case opened"
    CASE_MOVED = "case_moved", "case moved to another stage"
    CASE_MOVE_REFUSED = "case_move_refused", "case move refused by a gate"
    CASE_WITHDRAWN = "case_withdrawn", "a party withdrew"
    CASE_RECORDED = "case_recorded", "a decision recorded on a case"
    SHARE_GRANTED = "share_granted", "private text shared"
    SHARE_REVOKED = "share_revoked", "private text no longer shared"
    LETTER_RELAYED = "letter_relayed", "letter relayed"
    LETTER_RETURNED = "letter_returned", "letter returned for changes"
    LETTER_HELD = "letter_held", "letter held"
    # Responses and moderation
    RESPONSE_DECIDED = "response_decided", "moderation decision"
    RESPONSE_DECISION_UNDONE = "response_decision_undone", "moderation decision undone"
    REPORT_DECIDED = "report_decided", "report decided"


class AppendOnly(Exception):
    """The audit log is never edited or deleted."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("audit events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events cannot be deleted")


class AuditEvent(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The member who acted. No database constraint and no cascade: the log outlives
    # accounts (an operator who leaves does not take their take-downs with them),
    # and it holds only the id, which names nobody once the account is gone.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    role = models.CharField(max_length=24, choices=AuditRole.choices)
    institution_id = models.UUIDField(null=True, blank=True, db_index=True)
    event_type = models.CharField(max_length=40, choices=AuditEventType.choices)
    target_type = models.CharField(max_length=60)
    target_id = models.CharField(max_length=64)
    reason = models.CharField(max_length=60, blank=True)
    # Staff need to know when: to the second, unlike anything about members.
    acted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-acted_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.get_event_type_display()} ({self.get_role_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit events cannot be deleted")


def target_of(obj: Model) -> tuple[str, str]:
    return obj._meta.label, str(obj.pk)


def record(
    actor: Model | None,
    role: AuditRole,
    event_type: AuditEventType,
    target: Model | tuple[str, str],
    *,
    institution_id: uuid.UUID | None = None,
    reason: str = "",
) -> AuditEvent:
    """Record one event. Call it inside the transaction of the change it describes."""
    if not REASON_CODE.match(reason):
        raise ValueError(f"a reason code is a short word, not text: {reason[:20]!r}")
    if not transaction.get_connection().in_atomic_block:
        # An event outside the change's transaction could be written without the
        # change, or the change without the event.
        raise RuntimeError("audit.record() must run inside the action's transaction")
    target_type, target_id = target if isinstance(target, tuple) else target_of(target)
    event = AuditEvent(
        actor_id=actor.pk if actor is not None else None,
        role=role,
        institution_id=institution_id,
        event_type=event_type,
        target_type=target_type,
        target_id=target_id,
        reason=reason,
    )
    event.save(force_insert=True)
    return event
