"""Reads for members: who is logged in."""

from __future__ import annotations

import uuid

from django.http import HttpRequest

from amends.core.permissions import Action, Obj, base_relations, require
from amends.members.models import Member


def member_of(request: HttpRequest) -> Member:
    """The logged-in member. Views call it only behind login_required."""
    user = request.user
    if not isinstance(user, Member):
        raise PermissionError("no member is logged in")
    return user


def account_for(person: object, member_id: uuid.UUID, action: Action) -> Member:
    """A member's account, for the member themself only (see core.permissions)."""
    require(base_relations(person, owner_id=member_id), action, Obj.ACCOUNT)
    assert isinstance(person, Member)
    return person
