from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from amends.core.permissions import Action
from amends.core.views import keeps_typed_text
from amends.members.access import member_of
from amends.reflections import access, actions
from amends.reflections.forms import ReflectionForm
from amends.reflections.questions import QUESTIONS
from amends.vault import api as vault


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@keeps_typed_text(*(question.key for question in QUESTIONS))
def reflect(request: HttpRequest) -> HttpResponse:
    action = Action.EDIT if request.method == "POST" else Action.READ
    member = access.reflection_of(request.user, member_of(request).id, action)
    holder = vault.keyholder_for(request)
    if request.method == "POST":
        form = ReflectionForm(request.POST)
        if form.is_valid():
            actions.do_save_answers(holder, member, form.cleaned_data)
            messages.success(request, "Your reflection is saved. Only you can read it.")
            return redirect("reflections:reflect")
    else:
        form = ReflectionForm(initial=access.read_answers(holder, member))
    themed = [(question, form[question.key]) for question in QUESTIONS]
    return render(request, "reflections/reflect.html", {"form": form, "themed": themed})
