"""Case pages: parse, authorise through cases.access, call an action, render.

A refused step re-renders the case page with the gate's words and status 409, and
a rejected form keeps what the person typed (status 400). Facilitators and parties
see different pages of the same case; a party sees nothing of the other party.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.cases import access, actions
from amends.cases.forms import (
    AskForm,
    ChoicesForm,
    ColleagueForm,
    DecisionForm,
    MoveForm,
    PartyCodeForm,
    ReferForm,
    RelayForm,
    ReportingForm,
    ScreeningForm,
    TextForm,
)
from amends.cases.gates import Attempt, first_refusal
from amends.cases.models import Case, Letter, Party
from amends.cases.stages import ENDED, PATH, REASONS_SHOWN, TRANSITIONS, Stage
from amends.core.permissions import Action, Relation
from amends.impact import access as impact_access
from amends.institutions import access as institution_access
from amends.institutions.actions import InvitationRefused
from amends.institutions.forms import RedeemForm
from amends.members.access import member_of
from amends.members.models import Member
from amends.vault import api as vault

# G2: nothing a facilitator sends may carry a date by which the harmed party must answer.
DEADLINE_FIELDS = ("deadline", "respond_by", "reply_by", "due", "expires")


def _open(holder: vault.Keyholder, read: Any, *args: Any) -> str | None:
    """Private text, or None where this reader holds no key to it (never ciphertext)."""
    try:
        return str(read(holder, *args))
    except vault.NotAReader:
        return None


def _letters(holder: vault.Keyholder, letters: list[Letter]) -> list[dict[str, Any]]:
    return [
        {
            "letter": letter,
            "text": _open(holder, access.read_letter, letter),
            "feedback": _open(holder, access.read_feedback, letter),
        }
        for letter in letters
    ]


def _moves(member: Any, case: Case) -> list[dict[str, Any]]:
    """Each move the table allows from here, with what (if anything) stands in its way."""
    moves = []
    for target in (*PATH, Stage.SPECIALIST, Stage.DANGER):
        if target in TRANSITIONS[case.stage_enum] and target != Stage.WITHDRAWN:
            refusal = first_refusal(case, Attempt(step=target, actor_id=member.pk))
            moves.append(
                {"stage": target, "refusal": refusal, "reasons": REASONS_SHOWN.get(target, ())}
            )
    return moves


def _case_page(
    request: HttpRequest, case: Case, *, status: int = 200, refusal: Any = None, **extra: Any
) -> HttpResponse:
    member = member_of(request)
    relations = access.case_relations(member, case)
    holder = vault.keyholder_for(request)
    case.refresh_from_db()
    if Relation.FACILITATOR in relations:
        on_case = access.on_case(member, case)
        context: dict[str, Any] = {
            "case": case,
            "path": PATH,
            "on_case": on_case,
            "facilitators": access.facilitators_on(case),
            "colleagues": [
                role
                for role in institution_access.facilitator_roles_at(member, case.institution)
                if role.member_id not in {f.pk for f in access.facilitators_on(case)}
            ]
            if on_case
            else [],
            "moves": _moves(member, case) if on_case else [],
            "screening_form": ScreeningForm(initial={"contraindications": case.contraindications}),
            "reporting_form": ReportingForm(initial={"decision": case.reporting or None}),
            "letters": _letters(holder, access.letters_on(member, case)) if on_case else [],
            "notes": [
                {"note": note, "text": _open(holder, access.read_note, note)}
                for note in access.notes_on(member, case)
            ]
            if on_case
            else [],
            "acknowledgement": _open(holder, access.read_acknowledgement, case)
            if on_case
            else None,
            "impact": [
                {"share": share, "text": _open(holder, access.read_shared_impact, share)}
                for share in access.impact_shared_on(member, case)
            ],
            "codes": access.open_codes(case),
            "note_form": extra.pop("note_form", TextForm()),
            "refusal": refusal,
            "Party": Party,
            **extra,
        }
        return render(request, "cases/facilitator.html", context, status=status)
    view = access.party_view(member, case)
    context = {
        "view": view,
        "case": case,
        "path": PATH,
        "letters": _letters(holder, view.letters),
        "refusal": refusal,
        "harmed": view.party == Party.HARMED,
        "ended": case.stage in ENDED,
        "impact": access.impact_for_case(member, case) if view.party == Party.HARMED else [],
        **extra,
    }
    return render(request, "cases/party.html", context, status=status)


def _refused(request: HttpRequest, case: Case, error: Exception) -> HttpResponse:
    if isinstance(error, actions.Refused):
        return _case_page(request, case, status=409, refusal=error.refusal)
    messages.error(request, str(error))
    return _case_page(request, case, status=400)


# ------------------------------------------------------------------ pages


@never_cache
@login_required
def index(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    return render(
        request,
        "cases/index.html",
        {
            "cases": access.cases_of_party(member),
            "facilitator": access.is_facilitator(member),
            "institutions": institution_access.institutions_taking_cases(),
        },
    )


@never_cache
@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    institutions = institution_access.institutions_facilitated_by(member)
    return render(
        request,
        "cases/caseload.html",
        {"rows": access.caseload_for(member), "refer_form": ReferForm(institutions)},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    member = member_of(request)
    institution = institution_access.institution_for(member, slug, Action.ASK)
    form = AskForm(institution, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.do_ask(
                member,
                institution,
                party=Party(form.cleaned_data["party"]),
                kind=form.cleaned_data["kind"],
                notice_acknowledged=form.cleaned_data["notice_acknowledged"],
            )
        except actions.NotAllowed as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your request has reached the institution.")
            return redirect("cases:case", case.id)
    return render(
        request,
        "cases/ask.html",
        {"institution": institution, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def refer(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    institutions = institution_access.institutions_facilitated_by(member)
    form = ReferForm(institutions, request.POST)
    if not form.is_valid():
        return render(
            request,
            "cases/caseload.html",
            {"rows": access.caseload_for(member), "refer_form": form},
            status=400,
        )
    institution = institution_access.institution_for(
        member, form.cleaned_data["institution"], Action.REFER
    )
    case = actions.do_refer(member, institution, kind=form.cleaned_data["kind"])
    messages.success(request, "The case is open, and you lead it.")
    return redirect("cases:case", case.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = RedeemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.do_join_case(member_of(request), form.cleaned_data["code"])
        except InvitationRefused as refused:
            form.add_error("code", str(refused))
        else:
            messages.success(request, "You have joined the case.")
            return redirect("cases:case", case.id)
    return render(request, "cases/join.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@login_required
def case_page(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access.case_for(member_of(request), case_id)
    return _case_page(request, case)


@never_cache
@login_required
def support(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = access.case_for(member_of(request), case_id)
    return render(request, "cases/support.html", {"case": case, "institution": case.institution})


@never_cache
@login_required
def audit_log(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.audit_case_for(member, case_id)
    events = access.case_audit_for(member, case)
    return render(
        request,
        "institutions/audit.html",
        {"institution": case.institution, "case": case, "events": events},
    )


# ------------------------------------------------------------ facilitators


@login_required
@require_POST
def move(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.MOVE)
    form = MoveForm(request.POST)
    if not form.is_valid() or form.cleaned_data["target"] not in Stage.values:
        messages.error(request, "Choose a stage to move the case to.")
        return _case_page(request, case, status=400)
    if any(name in request.POST for name in DEADLINE_FIELDS):
        return _refused(request, case, actions.Refused(actions.NO_DEADLINE))
    try:
        actions.do_move_case(
            member, case, Stage(form.cleaned_data["target"]), form.cleaned_data["reason"]
        )
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, case, error)
    return redirect("cases:case", case.id)


def _facilitator_post(
    request: HttpRequest,
    case_id: uuid.UUID,
    form_class: type[forms.Form] | None,
    call: Callable[[Member, Case, dict[str, Any]], object],
) -> HttpResponse:
    """A facilitator's recording on a case: authorise, validate, act, back to the case."""
    member = member_of(request)
    case = access.case_for(member, case_id, Action.MOVE)
    form = form_class(request.POST) if form_class is not None else None
    if form is not None and not form.is_valid():
        messages.error(request, "Choose one of the options.")
        return _case_page(request, case, status=400)
    try:
        call(member, case, form.cleaned_data if form is not None else {})
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, case, error)
    return redirect("cases:case", case.id)


@login_required
@require_POST
def take(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _facilitator_post(
        request, case_id, None, lambda member, case, _: actions.do_take_case(member, case)
    )


@login_required
@require_POST
def add_cofacilitator(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    def add(member: Member, case: Case, data: dict[str, Any]) -> None:
        role = institution_access.role_for_colleague(member, case.institution, data["role"])
        actions.do_add_cofacilitator(vault.keyholder_for(request), member, case, role.member)

    return _facilitator_post(request, case_id, ColleagueForm, add)


@login_required
@require_POST
def screening(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _facilitator_post(
        request,
        case_id,
        ScreeningForm,
        lambda member, case, data: actions.do_record_screening(
            member, case, data["contraindications"]
        ),
    )


@login_required
@require_POST
def readiness(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _facilitator_post(
        request, case_id, None, lambda member, case, _: actions.do_record_readiness(member, case)
    )


@login_required
@require_POST
def reporting(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _facilitator_post(
        request,
        case_id,
        ReportingForm,
        lambda member, case, data: actions.do_record_reporting(member, case, data["decision"]),
    )


@login_required
@require_POST
def decision(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _facilitator_post(
        request,
        case_id,
        DecisionForm,
        lambda member, case, data: actions.do_decide(member, case, data["decision"]),
    )


@login_required
@require_POST
def party_code(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.INVITE_PARTY)
    form = PartyCodeForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, status=400)
    if any(name in request.POST for name in DEADLINE_FIELDS):
        return _refused(request, case, actions.Refused(actions.NO_DEADLINE))
    try:
        invitation, code = actions.do_issue_party_code(
            member, case, Party(form.cleaned_data["party"])
        )
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, case, error)
    response = render(
        request, "cases/code.html", {"case": case, "invitation": invitation, "code": code}
    )
    # A code is shown once: never cached, never in the browser's history cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def note(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.MOVE)
    form = TextForm(request.POST)
    if form.is_valid():
        try:
            actions.do_write_note(
                vault.keyholder_for(request), member, case, form.cleaned_data["text"]
            )
        except (actions.Refused, actions.NotAllowed) as error:
            form.add_error("text", str(error))
        else:
            return redirect("cases:case", case.id)
    return _case_page(request, case, status=400, note_form=form)


@login_required
@require_POST
def relay(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    letter = access.letter_for(member, letter_id, Action.RELAY)
    form = RelayForm(request.POST)
    if not form.is_valid():
        return _case_page(request, letter.case, status=400)
    try:
        actions.do_relay_letter(
            vault.keyholder_for(request),
            member,
            letter,
            form.cleaned_data["decision"],
            form.cleaned_data["feedback"],
        )
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, letter.case, error)
    return redirect("cases:case", letter.case_id)


# ----------------------------------------------------------------- parties


@login_required
@require_POST
def acknowledge_notice(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.ACKNOWLEDGE)
    actions.do_acknowledge_notice(member, case)
    return redirect("cases:case", case.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def responsibility(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.TAKE_RESPONSIBILITY)
    holder = vault.keyholder_for(request)
    initial = {"text": _open(holder, access.read_acknowledgement, case) or ""}
    form = TextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_take_responsibility(holder, member, case, form.cleaned_data["text"])
        except (actions.Refused, actions.NotAllowed) as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, "Your acknowledgement is with your facilitator.")
            return redirect("cases:case", case.id)
    return render(
        request,
        "cases/responsibility.html",
        {"case": case, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def answer(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.CHOOSE)
    try:
        actions.do_answer(member, case, request.POST.get("answer", ""))
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, case, error)
    messages.success(request, "Your answer is recorded. You can change it at any time.")
    return redirect("cases:case", case.id)


@login_required
@require_POST
def session(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """G7: the harmed party ends the session, or goes on, in one step."""
    member = member_of(request)
    case = access.case_for(member, case_id, Action.CHOOSE)
    go_on = request.POST.get("session") == "go_on"
    try:
        actions.do_end_session(member, case, go_on=go_on)
    except actions.NotAllowed as error:
        return _refused(request, case, error)
    messages.success(
        request,
        "You are going on. You can end the session again at any time."
        if go_on
        else "The session has ended. Nothing passes until you say you are ready to go on.",
    )
    return redirect("cases:case", case.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def choices(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.CHOOSE)
    initial = {
        "mode": case.mode or None,
        "support": case.support or None,
        "speaks_first": case.speaks_first or None,
        "pace": case.pace or None,
        "repair_forms": case.repair_forms,
    }
    form = ChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.do_choose(member, case, repair_forms=data.pop("repair_forms"), **data)
        except (actions.Refused, actions.NotAllowed) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your choices are saved. You can change them at any time.")
            return redirect("cases:case", case.id)
    return render(
        request,
        "cases/choices.html",
        {"case": case, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def share_impact(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The harmed party shares one of their impact statements for the case."""
    member = member_of(request)
    case = access.case_for(member, case_id, Action.SHARE)
    statement = impact_access.impact_statement_for(
        member, str(request.POST.get("statement", "")), Action.SHARE
    )
    if not request.POST.get("understood"):
        messages.error(
            request,
            "Tick the box to say you understand who will read it, then share.",
        )
        return _case_page(request, case, status=400)
    try:
        shared = actions.do_share_impact_statement(
            vault.keyholder_for(request), member, case, statement
        )
    except (actions.Refused, actions.NotAllowed) as error:
        return _refused(request, case, error)
    messages.success(
        request,
        f"Version {shared.version.number} is shared with the facilitators on your case. "
        "You can stop sharing at any time.",
    )
    return redirect("cases:case", case.id)


@login_required
@require_POST
def stop_sharing_impact(
    request: HttpRequest, case_id: uuid.UUID, share_id: uuid.UUID
) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.SHARE)
    share = access.case_share_for(member, case, share_id)
    actions.do_stop_sharing_impact_statement(member, case, share)
    messages.success(request, "The facilitators on your case can no longer read it.")
    return redirect("cases:case", case.id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.WITHDRAW)
    if request.method == "POST":
        actions.do_withdraw(member, case)
        return render(request, "cases/withdrawn.html", {"case": case})
    return render(request, "cases/withdraw.html", {"case": case})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def write_letter(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    case = access.case_for(member, case_id, Action.WRITE)
    holder = vault.keyholder_for(request)
    form = TextForm(request.POST or None)
    findings: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            letter = actions.do_write_letter(holder, member, case, form.cleaned_data["text"])
        except (actions.Refused, actions.NotAllowed) as error:
            form.add_error("text", str(error))
        else:
            return redirect("cases:letter", letter.id)
    return render(
        request,
        "cases/letter_new.html",
        {"case": case, "form": form, "findings": findings},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def letter_page(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    action = Action.EDIT if request.method == "POST" else Action.READ
    letter = access.letter_for(member, letter_id, action)
    holder = vault.keyholder_for(request)
    text = access.read_letter(holder, letter)
    mine = letter.author_id == member.pk
    form = (
        TextForm(request.POST or None, initial={"text": text}) if mine and letter.editable else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            letter = actions.do_revise_letter(holder, member, letter, form.cleaned_data["text"])
        except actions.NotAllowed as error:
            form.add_error("text", str(error))
        else:
            return redirect("cases:letter", letter.id)
    findings = (
        actions.coach_holds(holder, member, form["text"].value() or "")
        if form is not None and letter.status == Letter.Status.COACH_HOLDS
        else []
    )
    return render(
        request,
        "cases/letter.html",
        {
            "letter": letter,
            "case": letter.case,
            "text": text,
            "feedback": _open(holder, access.read_feedback, letter) if mine else None,
            "mine": mine,
            "form": form,
            "findings": findings,
        },
        status=400 if form is not None and form.errors else 200,
    )
