"""Middleware that keeps the client's identity out of Amends."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Headers that identify a client's machine or network. A proxy in front of Amends
# adds some of them; none is ever needed, so none reaches the application.
_IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_MOBILE",
)


def forget_client_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Remove the client's address and user agent before any other code sees them.

    Nothing in Amends needs them, and what is never read cannot be stored, logged
    or shown in an error report by accident.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        for key in _IDENTIFYING_META:
            request.META.pop(key, None)
        return get_response(request)

    return middleware
