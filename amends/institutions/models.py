"""Institutions and the roles members hold in them, or site-wide.

A role is held by a member through their own login and nothing else: there are no
shared staff accounts. Holding a role grants actions on objects (see
amends.core.permissions), never the means to read anyone's private text: that
takes a key the vault wrapped for the reader.
"""

from __future__ import annotations

import uuid

from django.db import models


class CaseKind(models.TextChoices):
    """The kinds of harm an institution may say it takes restorative cases about."""

    HARASSMENT = "harassment", "sexual harassment"
    ASSAULT = "assault", "sexual assault"
    PRESSURE = "pressure", "pressure or manipulation into sex"
    ONLINE = "online", "image-based or online sexual abuse"
    OTHER = "other", "other sexual harm"


class Institution(models.Model):
    """A school, employer or community that runs restorative processes on Amends.

    Its profile is public: whoever thinks of asking it for a process reads, before
    saying anything, what it keeps confidential and what it must report (G5), whom
    to call when someone is in danger, and the support it offers.
    """

    class Kind(models.TextChoices):
        SCHOOL = "school", "school or university"
        EMPLOYER = "employer", "employer"
        COMMUNITY = "community", "community"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Where its reporting duties come from: "England and Wales", "Ontario"… Free text,
    # because duties differ below the level of countries.
    jurisdiction = models.CharField(max_length=80)
    accepts_requests = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    # The profile: public text the institution's admins write, never a member's.
    accepted_kinds = models.JSONField(default=list, blank=True)
    confidentiality_notice = models.TextField(blank=True)
    reporting_duties = models.TextField(blank=True)
    escalation_contacts = models.TextField(blank=True)
    crisis_resources = models.TextField(blank=True)
    support_offered = models.TextField(blank=True)
    # When the notice or the duties last changed: an acknowledgement is of the notice
    # as it stood, and a party is asked again once it changes.
    notice_updated = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def accepted_kind_labels(self) -> list[str]:
        labels = dict(CaseKind.choices)
        return [labels[kind] for kind in self.accepted_kinds if kind in labels]

    @property
    def can_accept_requests(self) -> bool:
        """Nobody is asked to disclose anything before the notice says what happens to it."""
        return bool(
            self.confidentiality_notice.strip()
            and self.reporting_duties.strip()
            and self.escalation_contacts.strip()
            and self.accepted_kinds
        )


class RoleKind(models.TextChoices):
    INSTITUTION_ADMIN = "institution_admin", "institution admin"
    FACILITATOR = "facilitator", "facilitator"
    MODERATOR = "moderator", "moderator"


# Which kinds are held at an institution and which site-wide.
INSTITUTIONAL = frozenset({RoleKind.INSTITUTION_ADMIN, RoleKind.FACILITATOR})


class Role(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="roles")
    # None for a site-wide role (moderator).
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(max_length=24, choices=RoleKind.choices)
    granted = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "institution", "kind"], name="one_role_of_a_kind"
            ),
            models.UniqueConstraint(
                fields=["member", "kind"],
                condition=models.Q(institution__isnull=True),
                name="one_site_role_of_a_kind",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="moderator", institution__isnull=True)
                    | (~models.Q(kind="moderator") & models.Q(institution__isnull=False))
                ),
                name="moderators_are_site_wide",
            ),
        ]

    def __str__(self) -> str:
        where = self.institution.name if self.institution else "site-wide"
        return f"{self.get_kind_display()} ({where})"


class SingleUseCode(models.Model):
    """A code someone is handed in person, that works once and for a while. No e-mail
    is ever sent.

    Only an HMAC of the code is stored (members.identity), so the database does not
    hold codes that could be redeemed by whoever reads it. Roles (Invitation, below)
    and parties to a case (amends.cases) are both given by such codes, through
    actions.issue_code and actions.claim_code.
    """

    code_lookup = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        "members.Member", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-issued"]


class Invitation(SingleUseCode):
    """A single-use code that gives whoever redeems it a role."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    kind = models.CharField(max_length=24, choices=RoleKind.choices)

    class Meta(SingleUseCode.Meta):
        pass

    def __str__(self) -> str:
        return f"invitation to be {self.get_kind_display()}"
