"""The coach's reading of identifying details, applied to a response.

A response that names or narrows down who the author or the harmed person is works
against the anonymity the statement was written under. The coach already reads names,
places, organisations, contact details, roles and singling-out descriptions; moderation
asks it for the kinds of detail it finds and lets the classifier weigh them with the
wording around them (a guess, or the writer's own story).
"""

from __future__ import annotations

from amends.coach import get_coach


def detail_kinds(text: str) -> list[str]:
    """The kinds of identifying detail the coach finds in a response, in order."""
    return [finding.kind for finding in get_coach().review(text).of_family("detail")]
