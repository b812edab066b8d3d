"""Restorative cases: the case, its facilitators, its parties' codes, letters and notes.

Everything a person wrote (the responsible party's acknowledgement, letters, the
facilitators' notes and requests for changes) lives in the vault, encrypted for
exactly its entitled readers; the rows here hold only what the gates need to decide
(dates, yes/no answers, codes from fixed lists).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from amends.cases.stages import Stage
from amends.institutions.models import CaseKind, Institution, SingleUseCode
from amends.vault.models import PrivateText


class Origin(models.TextChoices):
    HARMED_REQUEST = "harmed_request", "the harmed party asked"
    RESPONSIBLE_REQUEST = (
        "responsible_request",
        "the responsible party asked for accountability work",
    )
    REFERRAL = "referral", "a facilitator referred it"


class Party(models.TextChoices):
    HARMED = "harmed", "harmed party"
    RESPONSIBLE = "responsible", "responsible party"


class Contraindication(models.TextChoices):
    """G4: what rules out an encounter. The first two are the danger path, not a case."""

    ONGOING_THREAT = "ongoing_threat", "an ongoing threat to anyone's safety"
    OTHERS_AT_RISK = "others_at_risk", "the responsible party may be harming others now"
    INTIMATE_PARTNER = "intimate_partner", "intimate-partner violence or coercive control"
    WEAPONS = "weapons", "weapons or severe violence"
    DRUGGING = "drugging", "drugging"
    PRIOR_VIOLENCE = "prior_violence", "prior violence"
    EMPLOYEE_STUDENT = "employee_student", "an employee and a student"
    ADULT_MINOR = "adult_minor", "an adult and a minor"


DANGER_SIGNS = frozenset({Contraindication.ONGOING_THREAT, Contraindication.OTHERS_AT_RISK})


class Reporting(models.TextChoices):
    """G5: the facilitator's decision about the institution's reporting duties."""

    NO_DUTY = "no_duty", "no reporting duty applies"
    REPORTED = "reported", "reported under the institution's duty"
    LEAD_CONSULTED = "lead_consulted", "the designated lead was consulted and decided"


class Mode(models.TextChoices):
    DIRECT = "direct", "meet, with the facilitator there (arranged outside Amends)"
    LETTERS = "letters", "letters relayed by the facilitator"
    ADVOCATE = "advocate", "through an advocate who speaks for me"


class Support(models.TextChoices):
    NONE = "none", "no support person"
    FRIEND = "friend", "a friend or family member"
    ADVOCATE = "advocate", "an advocate or counsellor"


class SpeaksFirst(models.TextChoices):
    ME = "me", "I speak first"
    THEM = "them", "they speak first"
    FACILITATOR = "facilitator", "the facilitator decides with me"


class Pace(models.TextChoices):
    SLOW = "slow", "one step at a time, when I say so"
    STEADY = "steady", "a step every week or two"


class Repair(models.TextChoices):
    APOLOGY = "apology", "an apology"
    THERAPY_COSTS = "therapy_costs", "paying for my therapy or support"
    CHANGE = "change", "changed behaviour that someone checks"
    INSTITUTION = "institution", "changes at the institution"
    OTHER = "other", "something else I will tell the facilitator"


class Decision(models.TextChoices):
    GO = "go", "go"
    NO_GO = "no_go", "no-go"


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    origin = models.CharField(max_length=24, choices=Origin.choices)
    stage = models.CharField(max_length=32, choices=Stage.choices, default=Stage.REFERRAL)
    stage_since = models.DateTimeField(default=timezone.now)
    opened = models.DateTimeField(auto_now_add=True)
    # The parties, once they joined. No cascade: a party who deletes their account
    # leaves the case (erase_cases withdraws it first).
    harmed = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responsible = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # G5: when each party acknowledged the notice, and the reporting decision.
    harmed_notice_ack = models.DateTimeField(null=True, blank=True)
    responsible_notice_ack = models.DateTimeField(null=True, blank=True)
    reporting = models.CharField(max_length=16, choices=Reporting.choices, blank=True)
    # G3: the responsible party's acknowledgement (their own words, in the vault) and
    # the facilitator's readiness check.
    acknowledgement = models.OneToOneField(
        PrivateText, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responsibility_acknowledged = models.DateTimeField(null=True, blank=True)
    readiness_checked = models.DateTimeField(null=True, blank=True)
    # G4: the contraindication screen.
    screened_at = models.DateTimeField(null=True, blank=True)
    contraindications = models.JSONField(default=list, blank=True)
    # G1, G2: the one approach to the harmed party, and their answer. There is no
    # field for a deadline: none can be put on them.
    offered_at = models.DateTimeField(null=True, blank=True)
    opted_in_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    no_contact = models.BooleanField(default=False)
    # G7: the harmed party's choices.
    mode = models.CharField(max_length=16, choices=Mode.choices, blank=True)
    support = models.CharField(max_length=16, choices=Support.choices, blank=True)
    speaks_first = models.CharField(max_length=16, choices=SpeaksFirst.choices, blank=True)
    pace = models.CharField(max_length=16, choices=Pace.choices, blank=True)
    repair_forms = models.JSONField(default=list, blank=True)
    # G7: the harmed party ended the session: nothing passes either way, and the
    # encounter neither starts nor goes on, until they say they are ready to go on.
    session_ended = models.DateTimeField(null=True, blank=True)
    # G8: the facilitators' go/no-go, cleared whenever the case enters that stage again.
    decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Why the case ended, stopped or went to a specialist: a code, never text.
    reason = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-stage_since"]

    def __str__(self) -> str:
        return f"case {str(self.id)[:8]} ({self.get_stage_display()})"

    @property
    def stage_enum(self) -> Stage:
        return Stage(self.stage)

    def days_waiting(self) -> int:
        return (timezone.now() - self.stage_since).days

    def party_of(self, member_id: uuid.UUID | None) -> Party | None:
        if member_id is None:
            return None
        if member_id == self.harmed_id:
            return Party.HARMED
        if member_id == self.responsible_id:
            return Party.RESPONSIBLE
        return None

    def member_of(self, party: Party) -> uuid.UUID | None:
        return self.harmed_id if party == Party.HARMED else self.responsible_id

    def notice_acknowledged(self, party: Party) -> bool:
        """Acknowledged the notice as it now stands (G5): a changed notice is read again."""
        acked = self.harmed_notice_ack if party == Party.HARMED else self.responsible_notice_ack
        changed = self.institution.notice_updated
        return acked is not None and (changed is None or acked >= changed)

    def contraindication_labels(self) -> list[str]:
        labels = dict(Contraindication.choices)
        return [labels.get(code, code) for code in self.contraindications]

    def repair_labels(self) -> list[str]:
        labels = dict(Repair.choices)
        return [labels.get(code, code) for code in self.repair_forms]


class CaseFacilitator(models.Model):
    """A facilitator on a case: the lead and any co-facilitators (G8: recorded)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="facilitators")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    lead = models.BooleanField(default=False)
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "member"], name="one_seat_per_facilitator")
        ]

    def __str__(self) -> str:
        return f"{'lead' if self.lead else 'co-'}facilitator on case {str(self.case_id)[:8]}"


class PartyInvitation(SingleUseCode):
    """A single-use code a facilitator hands a party so that they can join the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="invitations")
    party = models.CharField(max_length=16, choices=Party.choices)

    class Meta(SingleUseCode.Meta):
        pass

    def __str__(self) -> str:
        return f"code for the {self.get_party_display()} of case {str(self.case_id)[:8]}"


class Letter(models.Model):
    """A letter a party writes to the other party, relayed (or not) by the facilitator.

    Parties never write to each other: a letter is readable first by its writer and
    the facilitators on the case, and by the other party only once a facilitator
    passes it on (the vault wraps its key for them then, and not before).
    """

    class Status(models.TextChoices):
        COACH_HOLDS = "coach_holds", "held by the coach"
        WITH_FACILITATOR = "with_facilitator", "with the facilitator"
        CHANGES_ASKED = "changes_asked", "changes asked"
        HELD = "held", "held by the facilitator"
        PASSED_ON = "passed_on", "passed on"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    author = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")
    # Which party wrote it; the recipient is the other one.
    party = models.CharField(max_length=16, choices=Party.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    text = models.OneToOneField(PrivateText, on_delete=models.PROTECT, related_name="+")
    # The facilitator's request for changes, for the writer alone and the facilitators.
    feedback = models.OneToOneField(
        PrivateText, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    passed_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["written"]

    def __str__(self) -> str:
        return f"letter {str(self.id)[:8]} ({self.get_status_display()})"

    @property
    def recipient_party(self) -> Party:
        return Party.RESPONSIBLE if self.party == Party.HARMED else Party.HARMED

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.COACH_HOLDS, self.Status.CHANGES_ASKED)


class CaseNote(models.Model):
    """A facilitator's private note, encrypted for the facilitators on the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "members.Member", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.OneToOneField(PrivateText, on_delete=models.PROTECT, related_name="+")
    written = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written"]

    def __str__(self) -> str:
        return f"note {str(self.id)[:8]} on case {str(self.case_id)[:8]}"
