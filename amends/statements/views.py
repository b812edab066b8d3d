"""Statement views: parse, authorise, call an action, render.

Nothing a member types may be lost. Every failure path while saving (invalid input,
an ended session, a locked vault, a server error) answers with the text the member
sent, so that it is still in front of them.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.coaching import access as coaching_access
from amends.coaching import actions as coaching_actions
from amends.coaching.actions import DISMISS_REASONS
from amends.coaching.review import StatementReview
from amends.coaching.summary import Refusal, summarise
from amends.core.permissions import Action
from amends.core.views import keeps_typed_text
from amends.members import saving
from amends.members.access import member_of
from amends.statements import access, actions
from amends.statements.forms import DeleteStatementForm, PublishForm, StatementForm
from amends.statements.models import Statement, StatementVersion
from amends.statements.sections import SECTION_KEYS, SECTION_TITLES, SECTIONS
from amends.vault import api as vault
from amends.vault.versions import AUTOSAVE_WINDOW


def review_for(
    holder: vault.Keyholder, statement: Statement, sections: dict[str, str]
) -> StatementReview:
    """The coach's review of these sections, with the author's keep-out list and dismissals."""
    return coaching_access.review_for(
        holder, statement.author_id, statement.id, SECTION_TITLES, sections
    )


def editor_response(
    request: HttpRequest,
    holder: vault.Keyholder,
    statement: Statement,
    form: StatementForm,
    sections: dict[str, str],
    *,
    status: int = 200,
    refusal: Refusal | None = None,
) -> HttpResponse:
    review = review_for(holder, statement, sections)
    summary = summarise(review)
    guided = [
        (section, form[section.key], count)
        for section, count in zip(SECTIONS, summary.sections, strict=True)
    ]
    return render(
        request,
        "statements/edit.html",
        {
            "statement": statement,
            "form": form,
            "guided": guided,
            "review": review,
            "summary": summary,
            "reasons": DISMISS_REASONS,
            "refusal": refusal,
        },
        status=status,
    )


def _session_ended(
    request: HttpRequest, statement_id: uuid.UUID, form: StatementForm, error: str = ""
) -> HttpResponse:
    """The text comes back with a way to log in and save it in one step."""
    form.is_valid()
    guided = [(section, form[section.key], None) for section in SECTIONS]
    return saving.session_ended(
        request,
        "statements/session_ended.html",
        {"statement_id": statement_id, "guided": guided, "error": error},
    )


@require_POST
@login_required
def start(request: HttpRequest) -> HttpResponse:
    statement = actions.do_start_statement(member_of(request))
    return redirect("statements:edit", statement.id)


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text(*SECTION_KEYS)
def edit(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    if request.method == "GET":
        holder = vault.keyholder_or_none(request)
        if holder is None:
            return redirect_to_login(request.get_full_path())
        statement = access.statement_for_author(member_of(request), statement_id, Action.READ)
        saved = access.read_latest(holder, statement)
        return editor_response(request, holder, statement, StatementForm(initial=saved), saved)

    form = StatementForm(request.POST)
    holder, error = saving.holder_after_log_in(request)
    if holder is None:
        return _session_ended(request, statement_id, form, error)
    statement = access.statement_for_author(member_of(request), statement_id, Action.EDIT)
    if not form.is_valid():
        saved = access.read_latest(holder, statement)
        return editor_response(request, holder, statement, form, saved, status=400)
    actions.do_save_draft(holder, statement, form.cleaned_data)
    messages.success(request, "Draft saved. Only you can read it.")
    if request.POST.get("then") == "preview":
        return redirect("statements:preview", statement.id)
    return redirect("statements:edit", statement.id)


@require_POST
@keeps_typed_text(*SECTION_KEYS)
def autosave(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    """The htmx autosave: answers with a status line, never with a redirect."""
    holder = vault.keyholder_or_none(request)
    if holder is None:
        return render(request, "statements/autosave_status.html", {"ended": True}, status=401)
    statement = access.statement_for_author(member_of(request), statement_id, Action.EDIT)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return render(request, "statements/autosave_status.html", {"form": form}, status=400)
    version = actions.do_save_draft(
        holder, statement, form.cleaned_data, origin=StatementVersion.Origin.AUTOSAVE
    )
    return render(
        request,
        "statements/autosave_status.html",
        {"version": version, "now": timezone.localtime()},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    holder = vault.keyholder_for(request)
    statement = access.statement_for_author(member_of(request), statement_id, Action.PUBLISH)
    sections = access.read_latest(holder, statement)
    review = review_for(holder, statement, sections)
    form = PublishForm(request.POST or None, findings=review.open_findings())
    empty = actions.empty_sections(sections)
    if request.method == "POST" and form.is_valid() and not empty:
        try:
            actions.do_publish_statement(
                holder,
                statement,
                form.cleaned_data["tags"],
                acknowledged=form.cleaned_data["confirmed_details"]
                + form.cleaned_data["acknowledged"],
            )
        except actions.NotReadyToPublish as refused:
            # The draft changed in another tab between this preview and the press.
            form.add_error(None, f"{refused} Read the preview again before publishing.")
        else:
            messages.success(
                request, "Your statement is published in the library under a pseudonym."
            )
            return redirect("statements:edit", statement.id)
    shown = [(section, sections[section.key]) for section in SECTIONS]
    return render(
        request,
        "statements/preview.html",
        {
            "statement": statement,
            "shown": shown,
            "form": form,
            "empty": empty,
            "review": review,
            "summary": summarise(review),
            "details": form.details,
            "concerns": form.concerns,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def unpublish(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    statement = access.statement_for_author(member_of(request), statement_id, Action.WITHDRAW)
    actions.do_unpublish_statement(statement)
    messages.success(request, "Your statement is no longer in the library. Your draft is kept.")
    return redirect("statements:edit", statement.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    statement = access.statement_for_author(member_of(request), statement_id, Action.DELETE)
    form = DeleteStatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_delete_statement(statement)
        messages.success(request, "The statement and all its versions are deleted.")
        return redirect("members:home")
    opening = access.opening_of(vault.keyholder_for(request), statement)
    return render(
        request,
        "statements/delete.html",
        {"statement": statement, "form": form, "opening": opening},
    )


@never_cache
@login_required
def versions(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    statement = access.statement_for_author(member_of(request), statement_id, Action.READ)
    return render(
        request,
        "statements/versions.html",
        {
            "statement": statement,
            "versions": access.versions_of(statement),
            "autosave_minutes": int(AUTOSAVE_WINDOW.total_seconds() // 60),
        },
    )


@never_cache
@login_required
def version(request: HttpRequest, statement_id: uuid.UUID, number: int) -> HttpResponse:
    holder = vault.keyholder_for(request)
    statement = access.statement_for_author(member_of(request), statement_id, Action.READ)
    kept = access.version_of(statement, number)
    sections = access.read_version(holder, kept)
    shown = [(section, sections[section.key]) for section in SECTIONS]
    return render(
        request,
        "statements/version.html",
        {"statement": statement, "version": kept, "shown": shown},
    )


@login_required
@require_POST
def restore(request: HttpRequest, statement_id: uuid.UUID, number: int) -> HttpResponse:
    holder = vault.keyholder_for(request)
    statement = access.statement_for_author(member_of(request), statement_id, Action.EDIT)
    actions.do_restore_version(holder, statement, access.version_of(statement, number))
    messages.success(request, f"Version {number} is restored as the newest version.")
    return redirect("statements:edit", statement.id)


def _coach_panel(
    request: HttpRequest,
    statement: Statement,
    review: StatementReview,
    refusal: Refusal | None = None,
) -> HttpResponse:
    """The panel alone, for htmx; the counts beside each section's box come along out of band."""
    return render(
        request,
        "coaching/panel.html",
        {
            "statement": statement,
            "review": review,
            "summary": summarise(review),
            "reasons": DISMISS_REASONS,
            "refusal": refusal,
            "oob": True,
        },
        status=400 if refusal else 200,
    )


@login_required
@require_POST
@keeps_typed_text(*SECTION_KEYS)
def coach_panel(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    """The coach's review of the text as it is in the editor now, not as last saved."""
    holder = vault.keyholder_for(request)
    statement = access.statement_for_author(member_of(request), statement_id, Action.READ)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return render(request, "coaching/panel_error.html", {"form": form}, status=400)
    return _coach_panel(request, statement, review_for(holder, statement, form.cleaned_data))


@login_required
@require_POST
@keeps_typed_text(*SECTION_KEYS, "note-*")
def coach_dismiss(request: HttpRequest, statement_id: uuid.UUID) -> HttpResponse:
    """Dismiss one finding with a reason. The editor's text comes along and is saved too,
    so that a member without JavaScript loses nothing by pressing Dismiss."""
    holder = vault.keyholder_for(request)
    statement = access.statement_for_author(member_of(request), statement_id, Action.EDIT)
    key = request.POST.get("dismiss", "") or request.POST.get("restore", "")
    form = StatementForm(request.POST)
    sections = form.cleaned_data if form.is_valid() else None
    if sections is not None:
        actions.do_save_draft(holder, statement, sections)
    elif not request.headers.get("HX-Request"):
        # The text cannot be saved as it is (a section is too long): give it back in the
        # editor with the reason, rather than redirecting to the last saved version.
        saved = access.read_latest(holder, statement)
        return editor_response(request, holder, statement, form, saved, status=400)
    refusal = None
    if request.POST.get("dismiss"):
        reason, note = request.POST.get(f"reason-{key}", ""), request.POST.get(f"note-{key}", "")
        try:
            coaching_actions.do_dismiss_finding(holder, statement.id, key, reason, note)
        except coaching_actions.DismissalRefused as refused:
            refusal = Refusal(key, reason, note, str(refused))
    elif key:
        coaching_actions.do_restore_finding(holder, statement.id, key)
    current = sections or access.read_latest(holder, statement)
    if request.headers.get("HX-Request"):
        return _coach_panel(request, statement, review_for(holder, statement, current), refusal)
    if refusal is not None:
        return editor_response(
            request, holder, statement, form, current, status=400, refusal=refusal
        )
    messages.success(request, "Noted. The coach will not raise it again for this statement.")
    return redirect("statements:edit", statement.id)
