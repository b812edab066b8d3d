"""Saving private writing when the session may have ended: shared by every editor.

Nothing a member types may be lost. An editor's POST can arrive after the idle
timeout logged the member out; the editor then answers with the text and a way to
log in and save it in one step. These helpers are that step, for every app that
keeps private writing (statements, impact statements).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from amends.members import actions
from amends.members.forms import log_in_forms
from amends.vault import api as vault


def log_in_from_post(request: HttpRequest) -> str:
    """Log in with credentials sent along with the writing; returns an error message or ''."""
    login = log_in_forms(request.POST)
    if login.credentials is None:
        return "Enter your codename, or your handle and passphrase."
    try:
        actions.do_log_in(request, login.credentials.lookup, login.credentials.secret)
    except actions.LoginRefused as refused:
        return str(refused)
    return ""


def holder_after_log_in(request: HttpRequest) -> tuple[vault.Keyholder | None, str]:
    """The key to save with: the session's, or one opened by credentials sent with the
    text (the form "members/_log_in_to_save.html" adds). Returns (None, error) when
    neither works; the caller then gives the text back with `session_ended`."""
    holder = vault.keyholder_or_none(request)
    if holder is None and request.POST.get("way"):
        error = log_in_from_post(request)
        if error:
            return None, error
        holder = vault.keyholder_or_none(request)
    return holder, ""


def session_ended(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """The page that gives the text back with the login forms (status 401)."""
    login = log_in_forms()
    return render(
        request,
        template,
        {**context, "codename_form": login.codename_form, "handle_form": login.handle_form},
        status=401,
    )
