"""The coach's review of a statement, shaped for the editor and the publishing check.

The statement's sections are reviewed as one text (missing elements and combination
risk are properties of the whole), then each finding is placed back in its section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from amends.coach import Finding, get_coach
from amends.coach.kinds import Kind

SEPARATOR = "\n\n"

WHOSE_LABELS = {
    "harmed": "points to the person you harmed",
    "author": "points to you, and through you to them",
    "other": "points to someone else",
}


@dataclass(frozen=True)
class PlacedFinding:
    finding: Finding
    section_key: str | None
    start: int | None  # within the section
    end: int | None
    dismissed_reason: str | None

    @property
    def key(self) -> str:
        return self.finding.key

    @property
    def dom_id(self) -> str:
        """The key as an HTML id that CSS selectors (and so htmx) can name: no colons."""
        return "finding-" + self.finding.key.replace(":", "-")

    @property
    def label(self) -> str:
        return Kind(self.finding.kind).label

    @property
    def whose_label(self) -> str:
        return WHOSE_LABELS.get(self.finding.whose or "", "")

    @property
    def open(self) -> bool:
        return self.dismissed_reason is None


@dataclass
class SectionReview:
    key: str
    title: str
    text: str
    findings: list[PlacedFinding] = field(default_factory=list)

    def highlighted(self) -> SafeString:
        """The section's text, escaped, with each open finding wrapped in <mark>."""
        pieces: list[str] = []
        cursor = 0
        spans = sorted(
            (f for f in self.findings if f.open and f.start is not None and f.end is not None),
            key=lambda f: (f.start, f.end),
        )
        for placed in spans:
            assert placed.start is not None and placed.end is not None
            if placed.start < cursor:
                continue  # overlapping findings: the first one is marked
            pieces.append(escape(self.text[cursor : placed.start]))
            pieces.append(
                f'<mark class="finding {placed.finding.family}" title="{escape(placed.label)}">'
                f"{escape(self.text[placed.start : placed.end])}</mark>"
            )
            cursor = placed.end
        pieces.append(escape(self.text[cursor:]))
        return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


@dataclass
class StatementReview:
    sections: list[SectionReview]
    missing: list[PlacedFinding]
    risk: str
    risk_reasons: list[str]

    def open_details(self) -> list[PlacedFinding]:
        return [
            f for s in self.sections for f in s.findings if f.open and f.finding.family == "detail"
        ]

    def open_findings(self) -> list[PlacedFinding]:
        return [f for s in self.sections for f in s.findings if f.open] + [
            f for f in self.missing if f.open
        ]

    def dismissed(self) -> list[PlacedFinding]:
        return [f for s in self.sections for f in s.findings if not f.open] + [
            f for f in self.missing if not f.open
        ]

    @property
    def count(self) -> int:
        return len(self.open_findings())


def review_sections(
    titles: tuple[tuple[str, str], ...],
    sections: dict[str, str],
    *,
    keep_out: list[str],
    dismissed: dict[str, str],
) -> StatementReview:
    """Review sections (in the order of `titles`: (key, title) pairs) as one text."""
    starts: list[tuple[int, str]] = []
    parts: list[str] = []
    offset = 0
    for key, _title in titles:
        text = sections.get(key, "")
        starts.append((offset, key))
        parts.append(text)
        offset += len(text) + len(SEPARATOR)
    whole = SEPARATOR.join(parts)
    review = get_coach().review(whole, keep_out=keep_out)

    reviews = {key: SectionReview(key, title, sections.get(key, "")) for key, title in titles}
    missing: list[PlacedFinding] = []
    for finding in review.findings:
        reason = dismissed.get(finding.key)
        if finding.start is None or finding.end is None:
            missing.append(PlacedFinding(finding, None, None, None, reason))
            continue
        section_start, section_key = max(
            (entry for entry in starts if entry[0] <= finding.start), key=lambda entry: entry[0]
        )
        section_text = reviews[section_key].text
        start = finding.start - section_start
        end = min(finding.end - section_start, len(section_text))
        if start >= len(section_text):
            continue  # a span that fell on the separator between sections
        reviews[section_key].findings.append(
            PlacedFinding(finding, section_key, start, end, reason)
        )
    return StatementReview(
        sections=list(reviews.values()),
        missing=missing,
        risk=review.risk,
        risk_reasons=list(review.risk_reasons),
    )
