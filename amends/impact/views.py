"""Impact statement views: parse, authorise, call an action, render.

These pages are for a person who was harmed. Nothing they type may be lost: every
failure while saving (invalid input, an ended session, a locked vault) answers with
the text they sent. The receipt check page is public and needs no account.
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

from amends.core.permissions import Action
from amends.core.views import keeps_typed_text
from amends.impact import access, actions, receipts
from amends.impact.forms import (
    CheckReceiptForm,
    DeleteImpactStatementForm,
    ImpactStatementForm,
    ShareForm,
    notice_version,
)
from amends.impact.models import ImpactStatement, ImpactVersion
from amends.institutions.access import institutions_taking_cases
from amends.members import saving
from amends.members.access import member_of
from amends.vault import api as vault
from amends.vault.versions import AUTOSAVE_WINDOW


def _private(response: HttpResponse) -> HttpResponse:
    """A page or file with private text: never stored by the browser or a proxy."""
    response["Cache-Control"] = "no-store"
    return response


def _editor(
    request: HttpRequest,
    statement: ImpactStatement,
    form: ImpactStatementForm,
    *,
    status: int = 200,
) -> HttpResponse:
    return _private(
        render(
            request,
            "impact/edit.html",
            {"statement": statement, "form": form, "shares": access.shares_of(statement)},
            status=status,
        )
    )


@require_POST
@login_required
def start(request: HttpRequest) -> HttpResponse:
    statement = actions.do_start_impact_statement(member_of(request))
    return redirect("impact:edit", statement.id)


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text("text")
def edit(request: HttpRequest, impact_id: uuid.UUID) -> HttpResponse:
    if request.method == "GET":
        holder = vault.keyholder_or_none(request)
        if holder is None:
            return redirect_to_login(request.get_full_path())
        statement = access.impact_statement_for(member_of(request), impact_id, Action.READ)
        form = ImpactStatementForm(initial={"text": access.read_latest(holder, statement)})
        return _editor(request, statement, form)

    form = ImpactStatementForm(request.POST)
    holder, error = saving.holder_after_log_in(request)
    if holder is None:
        form.is_valid()
        return _private(
            saving.session_ended(
                request,
                "impact/session_ended.html",
                {"impact_id": impact_id, "form": form, "error": error},
            )
        )
    statement = access.impact_statement_for(member_of(request), impact_id, Action.EDIT)
    if not form.is_valid():
        return _editor(request, statement, form, status=400)
    actions.do_save_impact_statement(holder, statement, form.cleaned_data["text"])
    messages.success(request, "Saved. Only you can read it.")
    return redirect("impact:edit", statement.id)


@require_POST
@keeps_typed_text("text")
def autosave(request: HttpRequest, impact_id: uuid.UUID) -> HttpResponse:
    """The htmx autosave: answers with a status line, never with a redirect."""
    holder = vault.keyholder_or_none(request)
    if holder is None:
        return render(request, "impact/autosave_status.html", {"ended": True}, status=401)
    statement = access.impact_statement_for(member_of(request), impact_id, Action.EDIT)
    form = ImpactStatementForm(request.POST)
    if not form.is_valid():
        return render(request, "impact/autosave_status.html", {"form": form}, status=400)
    version = actions.do_save_impact_statement(
        holder, statement, form.cleaned_data["text"], origin=ImpactVersion.Origin.AUTOSAVE
    )
    return render(
        request,
        "impact/autosave_status.html",
        {"version": version, "now": timezone.localtime()},
    )


@never_cache
@login_required
def versions(request: HttpRequest, impact_id: uuid.UUID) -> HttpResponse:
    statement = access.impact_statement_for(member_of(request), impact_id, Action.READ)
    return render(
        request,
        "impact/versions.html",
        {
            "statement": statement,
            "versions": access.versions_of(statement),
            "autosave_minutes": int(AUTOSAVE_WINDOW.total_seconds() // 60),
        },
    )


def _version(
    request: HttpRequest, impact_id: uuid.UUID, number: int, action: Action = Action.READ
) -> tuple[vault.Keyholder, ImpactStatement, ImpactVersion]:
    holder = vault.keyholder_for(request)
    statement = access.impact_statement_for(member_of(request), impact_id, action)
    return holder, statement, access.version_of(statement, number)


@never_cache
@login_required
def version(request: HttpRequest, impact_id: uuid.UUID, number: int) -> HttpResponse:
    holder, statement, kept = _version(request, impact_id, number)
    return _private(
        render(
            request,
            "impact/version.html",
            {
                "statement": statement,
                "version": kept,
                "text": access.read_version(holder, kept),
            },
        )
    )


@login_required
@require_POST
def restore(request: HttpRequest, impact_id: uuid.UUID, number: int) -> HttpResponse:
    holder, statement, kept = _version(request, impact_id, number, Action.EDIT)
    actions.do_restore_version(holder, statement, kept)
    messages.success(request, f"Version {number} is back, kept as the newest version.")
    return redirect("impact:edit", statement.id)


def _file_name(version: ImpactVersion, suffix: str) -> str:
    return f"impact-statement-version-{version.number}-{version.saved:%Y-%m-%d}{suffix}"


def _download(content: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return _private(response)


@never_cache
@login_required
def version_text(request: HttpRequest, impact_id: uuid.UUID, number: int) -> HttpResponse:
    """The version's text exactly as a receipt covers it, as a file to keep beside it."""
    holder, _, kept = _version(request, impact_id, number)
    text = receipts.canonical_text(access.read_version(holder, kept))
    return _download(text, "text/plain; charset=utf-8", _file_name(kept, ".txt"))


@login_required
@require_POST
def receipt(request: HttpRequest, impact_id: uuid.UUID, number: int) -> HttpResponse:
    holder, statement, kept = _version(request, impact_id, number, Action.RECEIPT)
    try:
        given = actions.do_give_receipt(holder, statement, kept)
    except actions.ReceiptRefused as refused:
        messages.error(request, str(refused))
        return redirect("impact:version", statement.id, number)
    return _download(given.to_json(), "application/json", _file_name(kept, ".receipt.json"))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, impact_id: uuid.UUID) -> HttpResponse:
    """Two steps, without JavaScript: choose an institution, then read its notice (G5)
    and share. Only institutions with a notice are offered."""
    member = member_of(request)
    action = Action.SHARE if request.method == "POST" else Action.READ
    statement = access.impact_statement_for(member, impact_id, action)
    institutions = institutions_taking_cases()
    form = ShareForm(request.POST or None, institutions=institutions)
    wanted = str(request.POST.get("institution") or request.GET.get("institution") or "")
    chosen = form.institutions.get(wanted)
    error = ""
    if request.method == "POST" and form.is_valid():
        holder = vault.keyholder_for(request)
        try:
            shared = actions.do_share_impact_statement(
                holder,
                statement,
                form.chosen(),
                notice_acknowledged=form.cleaned_data["notice_acknowledged"],
            )
        except actions.ShareRefused as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                f"Version {shared.version.number} is shared with the facilitators of "
                f"{shared.institution.name}. You can stop sharing at any time.",
            )
            return redirect("impact:share", statement.id)
    return render(
        request,
        "impact/share.html",
        {
            "statement": statement,
            "form": form,
            "error": error,
            "institutions": institutions,
            "chosen": chosen,
            "notice_version": notice_version(chosen) if chosen else "",
            "shares": access.shares_of(statement),
            "latest": access.latest_version(statement),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def revoke(request: HttpRequest, share_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    shared = access.share_for(member, share_id, Action.REVOKE)
    actions.do_revoke_share(member, shared)
    messages.success(
        request,
        f"The facilitators of {shared.institution.name} can no longer read your impact statement.",
    )
    return redirect("impact:share", shared.statement_id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, impact_id: uuid.UUID) -> HttpResponse:
    statement = access.impact_statement_for(member_of(request), impact_id, Action.DELETE)
    form = DeleteImpactStatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_delete_impact_statement(statement)
        messages.success(request, "The impact statement and all its versions are deleted.")
        return redirect("members:home")
    return render(request, "impact/delete.html", {"statement": statement, "form": form})


@never_cache
@login_required
def shared_with_me(request: HttpRequest) -> HttpResponse:
    """A facilitator's list of the impact statements shared with them."""
    return render(
        request, "impact/shared_list.html", {"shares": access.shared_with(member_of(request))}
    )


@never_cache
@login_required
def shared(request: HttpRequest, share_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    found = access.share_for(member, share_id, Action.READ)
    if found.statement.author_id == member.id:
        # The author reads their own words in their editor, not as a facilitator would.
        return redirect("impact:version", found.statement_id, found.version.number)
    text = access.read_shared(vault.keyholder_for(request), found)
    return _private(render(request, "impact/shared.html", {"share": found, "text": text}))


@require_http_methods(["GET", "POST"])
@keeps_typed_text("receipt_pasted", "text_pasted")
def check_receipt(request: HttpRequest) -> HttpResponse:
    """Anyone, with or without an account, checks a receipt against a text."""
    keys = receipts.public_keys()
    form = CheckReceiptForm(request.POST or None, request.FILES or None)
    verdict = ""
    refusal = ""
    checked = None
    if request.method == "POST" and form.is_valid():
        checked = form.cleaned_data["receipt"]
        try:
            receipts.verify(checked, form.cleaned_data["text"], keys)
        except receipts.ReceiptError as error:
            refusal = str(error)
        else:
            verdict = "valid"
    return render(
        request,
        "impact/check_receipt.html",
        {
            "form": form,
            "keys": keys,
            "verdict": verdict,
            "refusal": refusal,
            "checked": checked,
        },
        status=400 if form.errors else 200,
    )
