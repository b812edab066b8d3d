"""The coach's result types: plain frozen data that the web app can store and compare."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

_SPACES = re.compile(r"\W+")


def finding_key(family: str, kind: str, text: str) -> str:
    """A stable id for a finding that survives edits elsewhere in the draft.

    Offsets move whenever the member types above a finding, so the key is built from
    what the finding is about (its normalised words), never from where it sits.
    """
    norm = _SPACES.sub(" ", text.casefold()).strip()
    digest = hashlib.sha256(f"{family}|{kind}|{norm}".encode()).hexdigest()
    return f"{family}:{kind}:{digest[:16]}"


@dataclass(frozen=True)
class Finding:
    family: str  # "detail" | "pattern" | "missing"
    kind: str
    start: int | None
    end: int | None
    text: str
    reason: str
    suggestion: str
    whose: str | None = None
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            # Frozen: the key is derived once, at construction.
            object.__setattr__(self, "key", finding_key(self.family, self.kind, self.text))

    def shifted(self, offset: int) -> Finding:
        """The same finding re-based onto the whole text (for per-paragraph results)."""
        if self.start is None or self.end is None:
            return self
        return Finding(
            self.family,
            self.kind,
            self.start + offset,
            self.end + offset,
            self.text,
            self.reason,
            self.suggestion,
            self.whose,
            self.key,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Review:
    findings: list[Finding] = field(default_factory=list)
    risk: str = "low"  # "low" | "medium" | "high"
    risk_reasons: list[str] = field(default_factory=list)

    def of_family(self, family: str) -> list[Finding]:
        return [f for f in self.findings if f.family == family]

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "risk": self.risk,
            "risk_reasons": list(self.risk_reasons),
        }
