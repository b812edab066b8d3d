from django.urls import path

from amends.institutions import views

app_name = "institutions"
urlpatterns = [
    path("roles/join/", views.join, name="join"),
    path("roles/codes/", views.issue_invitation, name="issue_invitation"),
    path("roles/<uuid:role_id>/revoke/", views.revoke_role, name="revoke_role"),
    path(
        "roles/codes/<uuid:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("operator/", views.operator, name="operator"),
    path("operator/audit/", views.audit_log, name="operator_audit"),
    path("institutions/", views.directory, name="directory"),
    path("institutions/<slug:slug>/", views.profile, name="profile"),
    path("institutions/<slug:slug>/profile/", views.edit_profile, name="edit_profile"),
    path("institutions/<slug:slug>/staff/", views.manage, name="manage"),
    path("institutions/<slug:slug>/audit/", views.audit_log, name="audit"),
]
