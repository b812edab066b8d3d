"""Middleware that keeps the client's identity out of Amends, and private pages out of caches."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

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


def private_responses_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Mark every response that may hold private text `Cache-Control: no-store`.

    That is every response to a logged-in member (their pages, the autosave and
    coach-panel fragments, even a library page showing their menu) and every answer
    to a POST (it can hand back what was typed: a form with its errors, the page
    after an expired form). Views need not remember it; public pages read without
    logging in stay cacheable.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        private = request.method not in ("GET", "HEAD") or (
            user is not None and user.is_authenticated
        )
        # A page that already says no-store (one showing a secret once) is left as it is.
        if private and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response

    return middleware
