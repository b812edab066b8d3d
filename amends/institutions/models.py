"""Institutions and the roles members hold in them, or site-wide.

A role is held by a member through their own login and nothing else: there are no
shared staff accounts. Holding a role grants actions on objects (see
amends.core.permissions), never the means to read anyone's private text: that
takes a key the vault wrapped for the reader.
"""

from __future__ import annotations

import uuid

from django.db import models


class Institution(models.Model):
    """A school, employer or community that runs restorative processes on Amends."""

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

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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


class Invitation(models.Model):
    """A single-use code that gives whoever redeems it a role. No e-mail is ever sent.

    Only an HMAC of the code is stored (members.identity), so the database does not
    hold codes that could be redeemed by whoever reads it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    kind = models.CharField(max_length=24, choices=RoleKind.choices)
    code_lookup = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        "members.Member", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued"]

    def __str__(self) -> str:
        return f"invitation to be {self.get_kind_display()}"
