from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.core.permissions import Action
from amends.core.views import keeps_typed_text
from amends.members.access import member_of
from amends.reflections import access, actions
from amends.reflections.forms import ReflectionForm
from amends.reflections.questions import QUESTIONS
from amends.vault import api as vault


def _logged_out(request: HttpRequest) -> HttpResponse:
    """The session ended while the member wrote: their answers come back, not a login page."""
    kept = [(q.theme, request.POST.get(q.key, "")) for q in QUESTIONS]
    return render(
        request,
        "core/kept_text.html",
        {
            "heading": "You were logged out, so your reflection was not saved",
            "explanation": "Your session ended before these answers were saved. They are "
            "below: copy them somewhere safe, log in again, and paste them back in.",
            "kept": [(theme, text) for theme, text in kept if text.strip()],
        },
        status=401,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@keeps_typed_text(*(question.key for question in QUESTIONS))
def reflect(request: HttpRequest) -> HttpResponse:
    holder = vault.keyholder_or_none(request)
    if holder is None:
        if request.method == "POST":
            return _logged_out(request)
        return redirect_to_login(request.get_full_path())
    action = Action.EDIT if request.method == "POST" else Action.READ
    member = access.reflection_of(request.user, member_of(request).id, action)
    if request.method == "POST":
        form = ReflectionForm(request.POST)
        if form.is_valid():
            actions.do_save_answers(holder, member, form.cleaned_data)
            messages.success(request, "Your reflection is saved. Only you can read it.")
            return redirect("reflections:reflect")
        answered = access.answered_questions(member)
    else:
        saved = access.read_answers(holder, member)
        form = ReflectionForm(initial=saved)
        answered = set(saved)
    themed = [(question, form[question.key]) for question in QUESTIONS]
    return render(
        request,
        "reflections/reflect.html",
        {"form": form, "themed": themed, "progress": access.progress_of(answered)},
    )


@require_POST
def autosave(request: HttpRequest) -> HttpResponse:
    """The htmx autosave: a status line, and the progress beside it, never a redirect."""
    holder = vault.keyholder_or_none(request)
    if holder is None:
        return render(request, "reflections/autosave_status.html", {"ended": True}, status=401)
    member = access.reflection_of(request.user, member_of(request).id, Action.EDIT)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        return render(request, "reflections/autosave_status.html", {"form": form}, status=400)
    actions.do_save_answers(holder, member, form.cleaned_data)
    return render(
        request,
        "reflections/autosave_status.html",
        {
            "now": timezone.localtime(),
            "progress": access.progress_of(access.answered_questions(member)),
            "oob": True,
        },
    )
