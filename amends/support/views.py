"""Pages every visitor can read: where to find help, and what happens to their data."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from amends.support.resources import grouped


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "support/index.html", {"groups": grouped()})


@require_GET
def your_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "support/your_data.html",
        {"idle_minutes": settings.SESSION_COOKIE_AGE // 60},
    )
