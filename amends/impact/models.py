"""Impact statements: a harmed member's private record, in dated versions, and its shares.

The text lives only in the versions, sealed in the vault for the member alone. A
share wraps one version's key for named facilitators of one institution (or, later,
of one case); the rows here say who holds such a key and why, so that revoking can
take every one of them away.
"""

from __future__ import annotations

import uuid

from django.db import models

from amends.vault.versions import KeptVersion


class ImpactStatement(models.Model):
    """A harmed member's impact statement. A member may keep several."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="impact_statements"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return f"impact statement {str(self.id)[:8]}"

    @property
    def working_title(self) -> str:
        # No title of the member's own: a title is private text too, and the list in
        # My space would need the vault open to show it.
        return f"Impact statement started {self.created:%-d %B %Y}"


class ImpactVersion(KeptVersion):
    """One dated version of an impact statement's text."""

    statement = models.ForeignKey(
        ImpactStatement, on_delete=models.CASCADE, related_name="versions"
    )
    # Set when the version is shared or a receipt is given for it: from then on an
    # autosave keeps a new version instead of refining this one, so that what a
    # facilitator reads, and what a receipt covers, never changes under them.
    fixed = models.BooleanField(default=False)

    class Meta(KeptVersion.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "number"], name="unique_impact_version_number"
            )
        ]

    def may_refine(self) -> bool:
        return not self.fixed and super().may_refine()


class ImpactShare(models.Model):
    """One version of an impact statement, shared read-only with named facilitators.

    Shared with the facilitators of an institution, or of one case at it (`case_id`,
    set by the cases app, which sits above this one and so is not a foreign key).
    A statement is shared at most once with each institution and once with each case;
    sharing again replaces the version and the readers.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    statement = models.ForeignKey(ImpactStatement, on_delete=models.CASCADE, related_name="shares")
    version = models.ForeignKey(ImpactVersion, on_delete=models.CASCADE, related_name="shares")
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, related_name="+"
    )
    case_id = models.UUIDField(null=True, blank=True, db_index=True)
    shared = models.DateTimeField()
    # Kept after revocation, with its readers, so that the audit events that point
    # at them still say who could read what, and until when.
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-shared"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "institution"],
                condition=models.Q(case_id__isnull=True, revoked__isnull=True),
                name="one_impact_share_per_institution",
            ),
            models.UniqueConstraint(
                fields=["statement", "case_id"],
                condition=models.Q(case_id__isnull=False, revoked__isnull=True),
                name="one_impact_share_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"impact statement shared {str(self.id)[:8]}"

    @property
    def is_active(self) -> bool:
        return self.revoked is None


class ImpactShareReader(models.Model):
    """A facilitator given a key to a share's version, from `granted` until `revoked`.

    Each grant and each revocation records an audit event pointing at this row: the
    institution's log then says who could read a member's statement, and when, and
    never what it says.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    share = models.ForeignKey(ImpactShare, on_delete=models.CASCADE, related_name="readers")
    reader = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    granted = models.DateTimeField()
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["share", "reader"],
                condition=models.Q(revoked__isnull=True),
                name="one_active_impact_reader_per_share",
            )
        ]

    def __str__(self) -> str:
        return f"reader {str(self.reader_id)[:8]} of share {str(self.share_id)[:8]}"
