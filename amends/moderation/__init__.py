"""Response moderation: the ordered pipeline of named steps and the classifier that ends it.

A plain Python package (no Django). The responses app builds a `Context` from the
statement's settings and the member's history and calls `moderate(text, context)`; the
command line (`amends moderate --jsonl FILE`) and bench/moderation_eval.py call the same.
"""

from __future__ import annotations

from amends.moderation.pipeline import (
    APPROVALS_TO_TRUST,
    MAX_CHARS,
    STEPS,
    Context,
    Outcome,
    StatementSettings,
    moderate,
)
from amends.moderation.verdict import EXPLANATIONS, Decision, Reason, Verdict

__all__ = [
    "APPROVALS_TO_TRUST",
    "EXPLANATIONS",
    "MAX_CHARS",
    "STEPS",
    "Context",
    "Decision",
    "Outcome",
    "Reason",
    "StatementSettings",
    "Verdict",
    "moderate",
]
