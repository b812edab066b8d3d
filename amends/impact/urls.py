from django.urls import path

from amends.impact import views

app_name = "impact"
urlpatterns = [
    path("impact/new/", views.start, name="start"),
    path("impact/<uuid:impact_id>/", views.edit, name="edit"),
    path("impact/<uuid:impact_id>/autosave/", views.autosave, name="autosave"),
    path("impact/<uuid:impact_id>/versions/", views.versions, name="versions"),
    path("impact/<uuid:impact_id>/versions/<int:number>/", views.version, name="version"),
    path(
        "impact/<uuid:impact_id>/versions/<int:number>/restore/",
        views.restore,
        name="restore",
    ),
    path(
        "impact/<uuid:impact_id>/versions/<int:number>/text/",
        views.version_text,
        name="version_text",
    ),
    path(
        "impact/<uuid:impact_id>/versions/<int:number>/receipt/",
        views.receipt,
        name="receipt",
    ),
    path("impact/<uuid:impact_id>/sharing/", views.share, name="share"),
    path("impact/<uuid:impact_id>/delete/", views.delete, name="delete"),
    path("impact/shared/", views.shared_with_me, name="shared_with_me"),
    path("impact/shared/<uuid:share_id>/", views.shared, name="shared"),
    path("impact/shared/<uuid:share_id>/revoke/", views.revoke, name="revoke"),
    path("receipts/check/", views.check_receipt, name="check_receipt"),
]
