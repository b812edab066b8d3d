from django.urls import path

from amends.statements import views

app_name = "statements"
urlpatterns = [
    path("new/", views.start, name="start"),
    path("<uuid:statement_id>/", views.edit, name="edit"),
    path("<uuid:statement_id>/autosave/", views.autosave, name="autosave"),
    path("<uuid:statement_id>/preview/", views.preview, name="preview"),
    path("<uuid:statement_id>/unpublish/", views.unpublish, name="unpublish"),
    path("<uuid:statement_id>/delete/", views.delete, name="delete"),
    path("<uuid:statement_id>/versions/", views.versions, name="versions"),
    path("<uuid:statement_id>/versions/<int:number>/", views.version, name="version"),
    path("<uuid:statement_id>/versions/<int:number>/restore/", views.restore, name="restore"),
    path("<uuid:statement_id>/coach/", views.coach_panel, name="coach_panel"),
    path("<uuid:statement_id>/coach/dismiss/", views.coach_dismiss, name="coach_dismiss"),
]
