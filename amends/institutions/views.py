"""Pages for roles: redeeming an invitation code, the operators' page, an institution's
staff page, and the audit log slices. Views parse and call; access and actions decide."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from amends.core.permissions import Action
from amends.institutions import access, actions
from amends.institutions.forms import InstitutionForm, ProfileForm, RedeemForm
from amends.institutions.models import Institution, RoleKind
from amends.members.access import member_of
from amends.members.models import Member


def _with_code(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    """A page that shows a new invitation code: once, never cached."""
    response = render(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


def _back_to_staff_page(member: Member, institution: Institution | None) -> HttpResponse:
    """Operators go back to their page; an institution's admins to their institution's."""
    if institution is not None and not member.is_staff:
        return redirect("institutions:manage", institution.slug)
    return redirect("institutions:operator")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = RedeemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            role = actions.do_redeem_invitation(member_of(request), form.cleaned_data["code"])
        except actions.InvitationRefused as refused:
            form.add_error("code", str(refused))
        else:
            messages.success(request, f"You are now {role}.")
            return redirect("members:home")
    return render(
        request, "institutions/join.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def operator(request: HttpRequest) -> HttpResponse:
    member = member_of(request)
    institutions = access.all_institutions(member)
    form = InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        institution = actions.do_create_institution(member, **form.cleaned_data)
        messages.success(request, f"{institution.name} is created. Give its admin a code.")
        return redirect("institutions:operator")
    return render(
        request,
        "institutions/operator.html",
        {
            "institutions": institutions,
            "form": form,
            "site_roles": access.site_roles(member),
            "invitations": access.open_invitations(member, None),
        },
    )


@login_required
@require_POST
def issue_invitation(request: HttpRequest) -> HttpResponse:
    """Issue a code: operators for admins and moderators, an institution's admins for
    its facilitators. The action checks who may issue what."""
    member = member_of(request)
    try:
        kind = RoleKind(request.POST.get("kind", ""))
    except ValueError:
        return HttpResponse("Choose which role the code is for.", status=400)
    slug = request.POST.get("institution", "")
    institution = access.institution_by_slug(slug) if slug else None
    invitation, code = actions.do_issue_invitation(member, kind, institution)
    return _with_code(request, "institutions/code.html", {"invitation": invitation, "code": code})


@never_cache
@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    member = member_of(request)
    institution = access.institution_for(member, slug, Action.APPOINT_FACILITATOR)
    return render(
        request,
        "institutions/manage.html",
        {
            "institution": institution,
            "roles": access.roles_at(member, institution),
            "invitations": access.open_invitations(member, institution),
        },
    )


@login_required
@require_POST
def revoke_role(request: HttpRequest, role_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    role = access.role_for(member, role_id, Action.REVOKE)
    institution = role.institution
    actions.do_revoke_role(member, role)
    messages.success(request, "The role is revoked.")
    return _back_to_staff_page(member, institution)


@login_required
@require_POST
def revoke_invitation(request: HttpRequest, invitation_id: uuid.UUID) -> HttpResponse:
    member = member_of(request)
    invitation = access.invitation_for(member, invitation_id, Action.REVOKE)
    institution = invitation.institution
    actions.do_revoke_invitation(member, invitation)
    messages.success(request, "The code no longer works.")
    return _back_to_staff_page(member, institution)


@never_cache
@login_required
def audit_log(request: HttpRequest, slug: str = "") -> HttpResponse:
    member = member_of(request)
    institution = access.institution_by_slug(slug) if slug else None
    events = access.audit_events_for(member, institution)
    return render(
        request, "institutions/audit.html", {"institution": institution, "events": events}
    )


def directory(request: HttpRequest) -> HttpResponse:
    """Institutions that take requests, for anyone, logged in or not."""
    return render(
        request,
        "institutions/directory.html",
        {"institutions": access.institutions_taking_cases()},
    )


def profile(request: HttpRequest, slug: str) -> HttpResponse:
    institution = access.institution_for(request.user, slug, Action.READ)
    return render(request, "institutions/profile.html", {"institution": institution})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request: HttpRequest, slug: str) -> HttpResponse:
    member = member_of(request)
    institution = access.institution_for(member, slug, Action.EDIT)
    initial = {name: getattr(institution, name) for name in actions.PROFILE_FIELDS}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_profile(member, institution, **form.cleaned_data)
        except actions.ProfileIncomplete as incomplete:
            form.add_error("accepts_requests", str(incomplete))
        else:
            messages.success(request, "The profile is saved.")
            return redirect("institutions:profile", institution.slug)
    return render(
        request,
        "institutions/edit_profile.html",
        {"institution": institution, "form": form},
        status=400 if form.errors else 200,
    )
