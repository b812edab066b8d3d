"""Error pages that give a member's text back instead of losing it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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


def _kept_text(request: HttpRequest) -> list[tuple[str, str]]:
    """Everything the member typed into the form, however short, except secrets."""
    if request.method != "POST":
        return []
    kept = []
    for name in request.POST:
        value = request.POST.get(name, "")
        control = name.split("-")[-1] in _CONTROL_FIELDS or name.startswith("reason-")
        if control or any(secret in name for secret in _SECRET_FIELDS) or not value.strip():
            continue
        kept.append((name.replace("_", " ").replace("-", " "), value))
    return kept


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
    return render(
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
    return render(
        request,
        "core/kept_text.html",
        {
            "heading": "Something went wrong on our side",
            "explanation": "What you just sent was not saved. Nothing you typed is lost: it is "
            "below. Copy it somewhere safe, then try again in a moment.",
            "kept": kept,
        },
        status=500,
    )
