"""Error pages that give a member's text back instead of losing it."""

from __future__ import annotations

from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

# Fields that carry secrets: never echoed back into a page.
_SECRET_FIELDS = ("csrfmiddlewaretoken", "passphrase", "codename", "current", "recovery_key")
# Fields that carry a button's or a checkbox's value, not something the member wrote.
_CONTROL_FIELDS = {
    "way",
    "then",
    "action",
    "next",
    "dismiss",
    "restore",
    "confirm",
    "tags",
    "confirmed_details",
    "acknowledged",
    "understood",
}


View = TypeVar("View", bound=Callable[..., object])


def keeps_typed_text(*fields: str) -> Callable[[View], View]:
    """Name the fields of a view's form that hold text the member typed (fnmatch
    patterns such as "note-*"), for the error pages below that hand that text back.

    Those pages echo nothing else: not secrets, not buttons, and not a field name a
    forged request made up.
    """

    def decorate(view: View) -> View:
        view.kept_fields = fields  # type: ignore[attr-defined]
        return view

    return decorate


def _form_fields(request: HttpRequest) -> tuple[str, ...]:
    """The typed-text fields of the form this request was sent from, as its view
    declares them (keeps_typed_text); none for an unknown address."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return ()
    return tuple(getattr(match.func, "kept_fields", ()))


def _kept_text(request: HttpRequest) -> list[tuple[str, str]]:
    """Everything the member typed into the form, however short, except secrets.

    Only the fields the form really has: a forged request's made-up field names and
    values are not shown on a page of ours.
    """
    if request.method != "POST":
        return []
    fields = _form_fields(request)
    kept = []
    for name in request.POST:
        value = request.POST.get(name, "")
        control = name.split("-")[-1] in _CONTROL_FIELDS or name.startswith("reason-")
        if control or any(secret in name for secret in _SECRET_FIELDS) or not value.strip():
            continue
        if not any(fnmatchcase(name, pattern) for pattern in fields):
            continue
        kept.append((name.replace("_", " ").replace("-", " "), value))
    return kept


def _private(response: HttpResponse) -> HttpResponse:
    # These pages hand back what was typed: no cache and no browser history keeps them.
    add_never_cache_headers(response)
    return response


def _htmx_status(message: str, status: int) -> HttpResponse:
    """For an autosave: a status line to show beside the editor, not a whole page."""
    from django.utils.html import format_html

    return HttpResponse(format_html('<span class="error">{}</span>', message), status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.headers.get("HX-Request"):
        return _htmx_status(
            "Not saved: this page has expired. Your text is still here. Copy it, reload the "
            "page, paste it back and save.",
            403,
        )
    return _private(
        render(
            request,
            "core/kept_text.html",
            {
                "heading": "Your form had expired, so nothing was saved",
                "explanation": "This happens when a page has been open a long time or your browser "
                "cleared its cookies. Your text is below: copy it, go back, reload the page, and paste it in.",
                "kept": _kept_text(request),
            },
            status=403,
        )
    )


def server_error(request: HttpRequest) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return _htmx_status(
            "Not saved: something went wrong on our side. Your text is still here; try "
            "Save draft in a moment.",
            500,
        )
    kept = _kept_text(request)
    if not kept:
        return render(request, "500.html", status=500)
    return _private(
        render(
            request,
            "core/kept_text.html",
            {
                "heading": "Something went wrong on our side",
                "explanation": "What you just sent was not saved. Nothing you typed is lost: "
                "it is below. Copy it somewhere safe, then try again in a moment.",
                "kept": kept,
            },
            status=500,
        )
    )
