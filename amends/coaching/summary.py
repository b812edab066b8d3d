"""What the coach's panel says first: how much it found, how risky the draft is, and
where each finding sits, so that a member on a phone knows what is waiting below.

The coach rates the risk on every detail it saw. The panel rates it again on the
details the member has not dismissed, so that dismissing a placeholder name lowers
the risk shown at once, with the reason that still holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amends.coach.engine import _risk as risk_of_details
from amends.coaching.review import PlacedFinding, StatementReview


@dataclass(frozen=True)
class Refusal:
    """A dismissal the server refused, shown beside its finding with what was chosen."""

    key: str
    reason: str
    note: str
    message: str


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@dataclass(frozen=True)
class SectionCount:
    key: str
    title: str
    details: int
    patterns: int

    @property
    def total(self) -> int:
        return self.details + self.patterns

    @property
    def sentence(self) -> str:
        """What the count beside a section's box says."""
        if not self.total:
            return ""
        parts = []
        if self.details:
            parts.append(_count(self.details, "detail", "details"))
        if self.patterns:
            parts.append(_count(self.patterns, "pattern", "patterns"))
        return "The coach raises " + " and ".join(parts) + " in this part."


@dataclass(frozen=True)
class PanelSummary:
    empty: bool
    details: int
    patterns: int
    missing: int
    dismissed: int
    risk: str
    risk_reasons: list[str] = field(default_factory=list)
    sections: list[SectionCount] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.details + self.patterns + self.missing

    @property
    def counts(self) -> list[str]:
        """The counts by family, as a person would say them; only the ones that are not zero."""
        said = []
        if self.details:
            said.append(
                _count(
                    self.details,
                    "detail that could identify someone",
                    "details that could identify someone",
                )
            )
        if self.patterns:
            said.append(
                _count(
                    self.patterns,
                    "way of writing that shrinks or shifts the harm",
                    "ways of writing that shrink or shift the harm",
                )
            )
        if self.missing:
            said.append(_count(self.missing, "element not there yet", "elements not there yet"))
        return said


def _open(findings: list[PlacedFinding], family: str) -> list[PlacedFinding]:
    return [f for f in findings if f.open and f.finding.family == family]


def summarise(review: StatementReview) -> PanelSummary:
    if not any(section.text.strip() for section in review.sections):
        # Nothing written yet: every element is "missing", which tells nobody anything.
        return PanelSummary(
            empty=True,
            details=0,
            patterns=0,
            missing=0,
            dismissed=0,
            risk="low",
            sections=[SectionCount(s.key, s.title, 0, 0) for s in review.sections],
        )
    in_text = [f for section in review.sections for f in section.findings]
    details = _open(in_text, "detail")
    risk, reasons = risk_of_details([placed.finding for placed in details])
    return PanelSummary(
        empty=False,
        details=len(details),
        patterns=len(_open(in_text, "pattern")),
        missing=len([f for f in review.missing if f.open]),
        dismissed=len(review.dismissed()),
        risk=risk,
        risk_reasons=reasons,
        sections=[
            SectionCount(
                section.key,
                section.title,
                len(_open(section.findings, "detail")),
                len(_open(section.findings, "pattern")),
            )
            for section in review.sections
        ],
    )
