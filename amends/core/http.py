"""Small helpers shared by views."""

from __future__ import annotations

from django.http import HttpRequest

from amends.members.models import Member


def member_of(request: HttpRequest) -> Member:
    """The logged-in member. Views call it only behind login_required."""
    user = request.user
    if not isinstance(user, Member):
        raise PermissionError("no member is logged in")
    return user
