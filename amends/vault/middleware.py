"""Carries the vault's session key between the member's cookie and the API.

The key that opens a logged-in member's private key lives only in their browser,
in an HttpOnly cookie; the server keeps the private key encrypted under it in the
session. This middleware reads that cookie into the request's VaultState (it
decrypts nothing: api.keyholder_for does, and only when a view asks), and writes
or deletes the cookie when api.unlock or api.lock asked for it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from amends.vault import api


def vault_middleware(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    def middleware(request: HttpRequest) -> HttpResponseBase:
        name = api.cookie_name()
        had_cookie = name in request.COOKIES
        state = api.VaultState(request.COOKIES.get(name))
        setattr(request, api.STATE_ATTRIBUTE, state)
        response = get_response(request)
        if state.new_cookie_key is not None:
            # No max_age: a browser-session cookie, gone when the browser closes. The
            # server side ends with the session (SESSION_COOKIE_AGE of idleness).
            response.set_cookie(
                name,
                api.encode_cookie(state.new_cookie_key),
                path="/",
                secure=settings.SECURE_COOKIES,
                httponly=True,
                samesite="Lax",
            )
        elif had_cookie and (state.forget_cookie or not _session_holds_key(request)):
            # A cookie whose session is gone (logout, expiry) opens nothing; delete it
            # so that no stale key sits in the browser.
            response.delete_cookie(name, path="/", samesite="Lax")
        return response

    return middleware


def _session_holds_key(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return api.SESSION_ENTRY in request.session


class VaultErrorMiddleware:
    """Turn the vault's fail-closed errors into pages a member can act on.

    A locked vault (the key cookie is gone, the session timed out) means "log in
    again"; a decryption failure means the item cannot be shown, and nothing is
    shown in its place.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.contrib.auth import logout
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import render

        if isinstance(exception, api.VaultLocked):
            logout(request)
            return redirect_to_login(request.get_full_path())
        if isinstance(exception, api.DecryptionFailed):
            return render(
                request, "core/decryption_failed.html", {"reason": str(exception)}, status=500
            )
        return None
