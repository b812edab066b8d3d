from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def leave_quickly(request: HttpRequest) -> dict[str, str]:
    """Every page carries the "Leave quickly" link (base.html)."""
    return {"leave_url": settings.AMENDS_LEAVE_URL}
