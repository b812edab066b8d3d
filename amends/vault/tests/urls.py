"""A tiny URLconf for the vault's own request tests: log in, read, log out.

The real views belong to the members and reflections apps; these stand in for
them so that the vault's session handling is tested on its own.
"""

from __future__ import annotations

import uuid

from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from amends.members.models import Member
from amends.vault import api
from amends.vault.models import PrivateText

BACKEND = "amends.members.backends.MemberBackend"


@csrf_exempt
def log_in(request: HttpRequest) -> HttpResponse:
    member = Member.objects.get(pk=request.POST["member"])
    login(request, member, backend=BACKEND)
    try:
        api.unlock(request, member, request.POST["secret"].encode())
    except api.WrongSecret as exc:
        logout(request)
        return HttpResponse(str(exc), status=400)
    return HttpResponse("unlocked")


@csrf_exempt
def write(request: HttpRequest) -> HttpResponse:
    holder = api.keyholder_for(request)
    binding = api.Binding(model="reflections.Answer", row=request.POST["row"], field="text")
    item = api.seal_text(holder, binding, request.POST["text"])
    return HttpResponse(str(item.pk))


def read(request: HttpRequest, item_id: uuid.UUID, row: str) -> HttpResponse:
    try:
        holder = api.keyholder_for(request)
        item = PrivateText.objects.get(pk=item_id)
        text = api.open_text(holder, item, api.Binding("reflections.Answer", row, "text"))
    except api.VaultLocked as exc:
        return HttpResponse(str(exc), status=403)
    except api.DecryptionFailed as exc:
        return HttpResponse(str(exc), status=409)
    return HttpResponse(text)


@csrf_exempt
def log_out(request: HttpRequest) -> HttpResponse:
    api.lock(request)
    logout(request)
    return HttpResponse("locked")


def nothing(request: HttpRequest) -> HttpResponse:
    return HttpResponse("nothing")


urlpatterns = [
    path("log-in/", log_in),
    path("write/", write),
    path("read/<uuid:item_id>/<str:row>/", read),
    path("log-out/", log_out),
    path("nothing/", nothing),
]
