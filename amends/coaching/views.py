"""The member's keep-out list. The coach beside the editor lives with the editor
(statements.views), which reads it through coaching.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from amends.coaching import access, actions
from amends.coaching.forms import KeepOutForm
from amends.core.views import keeps_typed_text
from amends.members.access import member_of
from amends.vault import api as vault


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@keeps_typed_text("items")
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
