"""Pages for responses and their moderation. Views parse and call; access and actions decide."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.core.permissions import Action, Obj
from amends.library.access import Withdrawn
from amends.library.models import Publication
from amends.members.access import member_of
from amends.moderation.verdict import Decision
from amends.responses import access, actions, damping
from amends.responses.forms import (
    DecisionForm,
    ReplyForm,
    ReportForm,
    ResponseForm,
    SettingsForm,
)
from amends.responses.highlight import highlighted
from amends.responses.models import ReportKind, Status

QUEUE_VIEWS = ("pending", "reported", "identifies")


def _publication(request: HttpRequest, public_id: str, action: Action, obj: Obj) -> Publication:
    try:
        return access.publication_for(request.user, public_id, action, obj)
    except Withdrawn:
        raise Http404 from None


def _thread_page(
    request: HttpRequest,
    publication: Publication,
    form: ResponseForm,
    *,
    status: int = 200,
    **extra: object,
) -> HttpResponse:
    thread = access.thread_for(request.user, publication)
    context: dict[str, object] = {
        "thread": thread,
        "form": form,
        "busy": damping.statement_is_busy(publication),
        "settings_form": SettingsForm(
            initial={
                "responses_open": thread.settings.responses_open,
                "hold_all": thread.settings.hold_all,
            }
        ),
        "reply_form": ReplyForm(),
        **extra,
    }
    return render(request, "responses/thread.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def thread(request: HttpRequest, public_id: str) -> HttpResponse:
    if request.method == "GET":
        publication = _publication(request, public_id, Action.READ, Obj.RESPONSE)
        return _thread_page(request, publication, ResponseForm())
    if not request.user.is_authenticated:
        return redirect(f"{reverse('members:log_in')}?next={request.path}")
    publication = _publication(request, public_id, Action.CREATE, Obj.RESPONSE)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return _thread_page(request, publication, form, status=400)
    try:
        sent = actions.do_respond(
            member_of(request),
            publication,
            form.cleaned_data["text"],
            send_anyway=form.cleaned_data["send_anyway"],
        )
    except damping.TooFast as too_fast:
        return _thread_page(request, publication, form, status=429, too_fast=too_fast)
    if sent.nudge:
        # The same text, and the choice: edit it, or send it for review as it is.
        nudged = ResponseForm(initial={"text": form.cleaned_data["text"], "send_anyway": True})
        return _thread_page(request, publication, nudged, nudge=actions.NUDGE)
    if sent.verdict.decision is Decision.REJECT:
        kept = ResponseForm(initial={"text": form.cleaned_data["text"]})
        return _thread_page(request, publication, kept, rejected=sent.verdict.explanation)
    if sent.verdict.decision is Decision.HOLD:
        messages.info(request, sent.verdict.explanation)
    else:
        messages.success(request, sent.verdict.explanation)
    return redirect("responses:thread", publication.public_id)


@never_cache
@login_required
@require_POST
def settings(request: HttpRequest, public_id: str) -> HttpResponse:
    publication = _publication(request, public_id, Action.EDIT, Obj.RESPONSE_SETTINGS)
    form = SettingsForm(request.POST)
    if form.is_valid():
        actions.do_set_response_settings(
            member_of(request),
            publication,
            responses_open=form.cleaned_data["responses_open"],
            hold_all=form.cleaned_data["hold_all"],
        )
        messages.success(request, "Your choices for responses are saved.")
    return redirect("responses:thread", publication.public_id)


@never_cache
@login_required
@require_POST
def reply(request: HttpRequest, response_id: int) -> HttpResponse:
    response = access.response_for(request.user, response_id, Action.REPLY)
    publication = response.publication
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _thread_page(
            request, publication, ResponseForm(), status=400, reply_to=response.pk, reply_form=form
        )
    try:
        verdict = actions.do_reply(member_of(request), response, form.cleaned_data["text"])
    except actions.NotAllowed as refused:
        messages.error(request, str(refused))
        return redirect("responses:thread", publication.public_id)
    if verdict.decision is not Decision.PUBLISH:
        return _thread_page(
            request,
            publication,
            ResponseForm(),
            reply_to=response.pk,
            reply_form=form,
            reply_refused=verdict.explanation,
        )
    messages.success(request, "Your reply is published.")
    return redirect("responses:thread", publication.public_id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, response_id: int) -> HttpResponse:
    response = access.response_for(request.user, response_id, Action.CREATE)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = ReportKind(form.cleaned_data["kind"])
        actions.do_report_response(member_of(request), response, kind)
        if kind == ReportKind.DISAGREE:
            messages.info(
                request,
                "Thank you. Disagreeing is counted, and a response is "
                "never removed for being disagreed with.",
            )
        else:
            messages.success(
                request,
                "Thank you. A moderator will read it. Nobody else learns that you reported it.",
            )
        return redirect("responses:thread", response.publication.public_id)
    return render(
        request,
        "responses/report.html",
        {"response": response, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def identifies(request: HttpRequest, public_id: str) -> HttpResponse:
    """ "This identifies me or someone I know": confirm, and it leaves the library.

    Anyone may follow the link, but hiding a statement at once must not be open to
    anonymous scripts: a reader who is not logged in is asked to log in or get a
    codename, and comes back to this form."""
    if not request.user.is_authenticated:
        try:
            publication = access.readable_publication(public_id)
        except Withdrawn:
            raise Http404 from None
        return render(
            request,
            "responses/identifies_log_in.html",
            {"publication": publication, "next": request.path},
            status=403 if request.method == "POST" else 200,
        )
    publication = _publication(request, public_id, Action.CREATE, Obj.REPORT)
    if request.method == "POST":
        try:
            actions.do_report_statement(member_of(request), publication)
        except damping.TooFast as refused:
            return render(
                request,
                "responses/identifies.html",
                {"publication": publication, "wait": refused.minutes},
                status=429,
            )
        return render(request, "responses/identifies_done.html", {"hidden": publication.hidden})
    return render(request, "responses/identifies.html", {"publication": publication})


# Moderators -------------------------------------------------------------------------


def _queue_item(response: object, reason: str) -> dict[str, object]:
    return {"response": response, "segments": highlighted(response.text, reason)}  # type: ignore[attr-defined]


@never_cache
@login_required
@require_http_methods(["GET"])
def queue(request: HttpRequest) -> HttpResponse:
    person = request.user
    counts = access.queue_counts(person)
    view = request.GET.get("view", "pending")
    if view not in QUEUE_VIEWS:
        view = "pending"
    items: list[dict[str, object]] = []
    statements: list[Publication] = []
    if view == "pending":
        items = [_queue_item(r, r.reason) for r in access.pending_responses(person)]
    elif view == "reported":
        items = [
            {**_queue_item(r, r.category), "reports": access.report_kinds(r)}
            for r in access.reported_responses(person)
        ]
    else:
        statements = access.hidden_statements(person)
    return render(
        request,
        "responses/queue.html",
        {
            "view": view,
            "counts": counts,
            "items": items,
            "statements": statements,
            "reasons": actions.MODERATOR_REASONS,
            "undoable": access.undoable_decisions(person),
        },
    )


def _back_to_queue(request: HttpRequest) -> HttpResponse:
    view = request.POST.get("view", "pending")
    return redirect(
        f"{reverse('responses:queue')}?view={view if view in QUEUE_VIEWS else 'pending'}"
    )


def _decided(request: HttpRequest, decide: Callable[[Status, str], str]) -> HttpResponse:
    """Read a decision and a reason, make it, and say what happened on the queue."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a decision and a reason.")
        return _back_to_queue(request)
    try:
        said = decide(Status(form.cleaned_data["status"]), form.cleaned_data["reason"])
    except actions.NotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, said)
    return _back_to_queue(request)


@never_cache
@login_required
@require_POST
def decide(request: HttpRequest, response_id: int) -> HttpResponse:
    response = access.response_to_moderate(request.user, response_id)

    def one(status: Status, reason: str) -> str:
        actions.do_decide(member_of(request), response, status, reason)
        return f"Response {response.pk}: {response.get_status_display()}."

    return _decided(request, one)


@never_cache
@login_required
@require_POST
def decide_all(request: HttpRequest, responder: str) -> HttpResponse:
    key = access.responder_key_for(request.user, responder)

    def every_held(status: Status, reason: str) -> str:
        decided = actions.do_decide_all_held(member_of(request), key, status, reason)
        return f"{len(decided)} held responses decided."

    return _decided(request, every_held)


@never_cache
@login_required
@require_POST
def undo(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = access.decision_for(request.user, decision_id)
    try:
        actions.do_undo(member_of(request), decision)
    except actions.NotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Decision on response {decision.response_id} undone.")
    return _back_to_queue(request)


@never_cache
@login_required
@require_POST
def decide_statement(request: HttpRequest, public_id: str) -> HttpResponse:
    publication = access.hidden_statement_for(request.user, public_id)
    outcome = request.POST.get("outcome")
    if outcome not in ("restore", "take_down"):
        messages.error(request, "Choose to restore the statement or take it down.")
    else:
        restore = outcome == "restore"
        actions.do_decide_hidden_statement(
            member_of(request),
            publication,
            restore=restore,
            reason="identifies_nobody" if restore else "identifies_someone",
        )
        messages.success(
            request,
            "The statement is back in the library." if restore else "The statement is taken down.",
        )
    return redirect(f"{reverse('responses:queue')}?view=identifies")


@never_cache
@login_required
@require_http_methods(["GET"])
def history(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "responses/history.html",
        {
            "decisions": access.decision_history(request.user),
            "events": access.moderation_audit(request.user),
        },
    )
