"""The coach: identifying details, failure patterns and missing elements in a draft.

A plain Python package (no Django): the web app, the CLI and the benches all call
`get_coach().review(text)`.
"""

from __future__ import annotations

import threading

from amends.coach.engine import Coach
from amends.coach.kinds import Family, Kind
from amends.coach.model import Finding, Review

__all__ = ["Coach", "Family", "Finding", "Kind", "Review", "get_coach"]

_lock = threading.Lock()
_coach: Coach | None = None


def get_coach() -> Coach:
    """The process-wide coach, so that the model and the paragraph cache are shared."""
    global _coach
    if _coach is None:
        with _lock:
            if _coach is None:
                _coach = Coach()
    return _coach
