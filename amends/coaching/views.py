"""The coach beside the editor: a live panel (htmx), dismissals, and the keep-out list."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.coaching import access, actions
from amends.coaching.forms import KeepOutForm
from amends.coaching.review import StatementReview, review_sections
from amends.core.http import member_of
from amends.members.models import Member
from amends.statements import access as statement_access
from amends.statements import actions as statement_actions
from amends.statements.forms import StatementForm
from amends.statements.models import Statement
from amends.vault import api as vault


def review_for(
    holder: vault.Keyholder, member: Member, statement: Statement, sections: dict[str, str]
) -> StatementReview:
    return review_sections(
        sections,
        keep_out=access.keep_out_of(holder, member),
        dismissed=access.dismissed_of(holder, statement),
    )


def _panel(request: HttpRequest, statement: Statement, review: StatementReview) -> HttpResponse:
    return render(
        request,
        "coaching/panel.html",
        {"statement": statement, "review": review, "reasons": actions.DISMISS_REASONS},
    )


@login_required
@require_POST
def panel(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    """The coach's review of the text as it is in the editor now, not as last saved."""
    holder = vault.keyholder_for(request)
    member = member_of(request)
    statement = statement_access.statement_for_author(member, statement_id)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return render(request, "coaching/panel_error.html", {"form": form}, status=400)
    return _panel(request, statement, review_for(holder, member, statement, form.cleaned_data))


@login_required
@require_POST
def dismiss(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    """Dismiss one finding with a reason. The editor's text comes along and is saved too,
    so that a member without JavaScript loses nothing by pressing Dismiss."""
    holder = vault.keyholder_for(request)
    member = member_of(request)
    statement = statement_access.statement_for_author(member, statement_id)
    key = request.POST.get("dismiss", "") or request.POST.get("restore", "")
    form = StatementForm(request.POST)
    sections = form.cleaned_data if form.is_valid() else None
    if sections is not None:
        statement_actions.do_save_draft(holder, statement, sections)
    elif not request.headers.get("HX-Request"):
        # The text cannot be saved as it is (a section is too long): give it back in the
        # editor with the reason, rather than redirecting to the last saved version.
        from amends.statements.views import editor_response

        saved = statement_access.read_latest(holder, statement)
        return editor_response(request, holder, statement, form, saved, status=400)
    if request.POST.get("dismiss"):
        actions.do_dismiss_finding(
            holder,
            statement,
            key,
            request.POST.get(f"reason-{key}", "other"),
            request.POST.get(f"note-{key}", ""),
        )
    elif key:
        actions.do_restore_finding(holder, statement, key)
    if request.headers.get("HX-Request"):
        current = sections or statement_access.read_latest(holder, statement)
        return _panel(request, statement, review_for(holder, member, statement, current))
    messages.success(request, "Noted. The coach will not raise it again for this statement.")
    return redirect("statements:edit", statement.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def keep_out(request: HttpRequest) -> HttpResponse:
    holder = vault.keyholder_for(request)
    member = member_of(request)
    if request.method == "POST":
        form = KeepOutForm(request.POST)
        if form.is_valid():
            actions.do_set_keep_out(holder, member, form.cleaned_data["items"])
            messages.success(request, "Your keep-out list is saved. Only you can read it.")
            return redirect("coaching:keep_out")
    else:
        form = KeepOutForm(initial={"items": "\n".join(access.keep_out_of(holder, member))})
    return render(request, "coaching/keep_out.html", {"form": form})
