from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.core.views import keeps_typed_text
from amends.members import actions, forms
from amends.members.access import member_of
from amends.members.personal_data import registered
from amends.vault import api as vault


def _shown_once(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    """Render a page that carries a secret: never cached, never stored by the browser."""
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
def home(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    holder = vault.keyholder_for(request)
    # Each app that keeps something for the member shows it here (members.personal_data).
    cards = [
        {"template": entry.space_template, **entry.space_context(holder, member)}
        for entry in registered()
        if entry.space_template and entry.space_context is not None
    ]
    return render(request, "members/home.html", {"cards": cards})


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text("handle-handle")
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("members:home")
    codename_form = forms.CodenameSignUpForm(prefix="codename")
    handle_form = forms.HandleSignUpForm(prefix="handle")
    throttled = False
    try:
        if request.method == "POST" and request.POST.get("way") == "codename":
            codename_form = forms.CodenameSignUpForm(request.POST, prefix="codename")
            if codename_form.is_valid():
                created = actions.do_sign_up_with_codename(request)
                return _shown_once(
                    request,
                    "members/welcome.html",
                    {"created": created, "next": _safe_next(request)},
                )
        elif request.method == "POST":
            handle_form = forms.HandleSignUpForm(request.POST, prefix="handle")
            if handle_form.is_valid():
                try:
                    created = actions.do_sign_up_with_handle(
                        request,
                        handle_form.cleaned_data["handle"],
                        handle_form.cleaned_data["passphrase"],
                    )
                except actions.HandleTaken:
                    handle_form.add_error("handle", "This handle is taken. Choose another one.")
                else:
                    return _shown_once(
                        request,
                        "members/welcome.html",
                        {"created": created, "next": _safe_next(request)},
                    )
    except actions.TooManyAttempts as refused:
        throttled = True
        form = codename_form if request.POST.get("way") == "codename" else handle_form
        form.add_error(None, str(refused))
    return render(
        request,
        "members/sign_up.html",
        # A reader sent here from a page (the "identifies me" form) goes back to it.
        {"codename_form": codename_form, "handle_form": handle_form, "next": _safe_next(request)},
        status=429 if throttled else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text("handle-handle")
def log_in(request: HttpRequest) -> HttpResponse:
    login = forms.log_in_forms(request.POST if request.method == "POST" else None)
    error = ""
    throttled = False
    if login.credentials is not None:
        try:
            actions.do_log_in(request, login.credentials.lookup, login.credentials.secret)
        except actions.LoginRefused as refused:
            error, throttled = str(refused), refused.throttled
        else:
            return redirect(_safe_next(request) or "members:home")
    return render(
        request,
        "members/log_in.html",
        {
            "codename_form": login.codename_form,
            "handle_form": login.handle_form,
            "error": error,
            "next": _safe_next(request),
        },
        status=429 if throttled else (400 if error else 200),
    )


def _safe_next(request: HttpRequest) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@require_POST
def log_out(request: HttpRequest) -> HttpResponse:
    actions.do_log_out(request)
    messages.info(
        request, "You are logged out. Nothing you wrote can be read until you log in again."
    )
    return redirect("library:index")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    change_form = forms.ChangePassphraseForm(prefix="change")
    codename_form = forms.NewCodenameForm(prefix="newcodename")
    delete_form = forms.DeleteAccountForm(prefix="delete")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "change":
                change_form = forms.ChangePassphraseForm(request.POST, prefix="change")
                if change_form.is_valid():
                    data = change_form.cleaned_data
                    actions.do_change_secret(request, member, data["current"], data["passphrase"])
                    messages.success(request, "Your passphrase is changed.")
                    return redirect("members:account")
            elif action == "new-codename":
                codename_form = forms.NewCodenameForm(request.POST, prefix="newcodename")
                if codename_form.is_valid():
                    codename = actions.do_new_codename(
                        request, member, codename_form.cleaned_data["current"]
                    )
                    return _shown_once(request, "members/new_codename.html", {"codename": codename})
            elif action == "delete":
                delete_form = forms.DeleteAccountForm(request.POST, prefix="delete")
                if delete_form.is_valid():
                    actions.do_delete_account(request, member, delete_form.cleaned_data["current"])
                    messages.info(request, "Your account and everything in it are deleted.")
                    return redirect("library:index")
        except vault.WrongSecret as wrong:
            target = {"change": change_form, "new-codename": codename_form, "delete": delete_form}[
                action or ""
            ]
            target.add_error("current", str(wrong))
    return render(
        request,
        "members/account.html",
        {"change_form": change_form, "codename_form": codename_form, "delete_form": delete_form},
    )


@never_cache
@login_required
def export(request: HttpRequest, readable: bool = False) -> HttpResponse:
    """A download of everything the member wrote, decrypted for them alone: as JSON for
    another program, or as a Markdown document a person can read."""
    import json

    from amends.members.export import export_for, readable_export

    document = export_for(vault.keyholder_for(request), member_of(request))
    if readable:
        body, kind, name = readable_export(document), "text/markdown", "amends-export.md"
    else:
        body = json.dumps(document, ensure_ascii=False, indent=2)
        kind, name = "application/json", "amends-export.json"
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text("handle")
def recover(request: HttpRequest) -> HttpResponse:
    form = forms.RecoverForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = actions.do_recover(
                request,
                data["recovery_key"],
                data.get("passphrase") or "",
                handle=data.get("handle") or "",
            )
        except ValidationError as weak:
            form.add_error("passphrase", weak)
        except (vault.WrongSecret, actions.TooManyAttempts) as refused:
            form.add_error(None, str(refused))
            status = 429 if isinstance(refused, actions.TooManyAttempts) else 400
        else:
            return _shown_once(
                request, "members/welcome.html", {"created": created, "recovered": True}
            )
    return render(request, "members/recover.html", {"form": form}, status=status)
