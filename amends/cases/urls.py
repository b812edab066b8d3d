from django.urls import path

from amends.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.index, name="index"),
    path("caseload/", views.caseload, name="caseload"),
    path("join/", views.join, name="join"),
    path("refer/", views.refer, name="refer"),
    path("ask/<slug:slug>/", views.ask, name="ask"),
    path("<uuid:case_id>/", views.case_page, name="case"),
    path("<uuid:case_id>/support/", views.support, name="support"),
    path("<uuid:case_id>/audit/", views.audit_log, name="audit"),
    path("<uuid:case_id>/move/", views.move, name="move"),
    path("<uuid:case_id>/take/", views.take, name="take"),
    path("<uuid:case_id>/cofacilitator/", views.add_cofacilitator, name="add_cofacilitator"),
    path("<uuid:case_id>/screening/", views.screening, name="screening"),
    path("<uuid:case_id>/readiness/", views.readiness, name="readiness"),
    path("<uuid:case_id>/reporting/", views.reporting, name="reporting"),
    path("<uuid:case_id>/decision/", views.decision, name="decision"),
    path("<uuid:case_id>/codes/", views.party_code, name="party_code"),
    path("<uuid:case_id>/notes/", views.note, name="note"),
    path("<uuid:case_id>/notice/", views.acknowledge_notice, name="notice"),
    path("<uuid:case_id>/responsibility/", views.responsibility, name="responsibility"),
    path("<uuid:case_id>/answer/", views.answer, name="answer"),
    path("<uuid:case_id>/choices/", views.choices, name="choices"),
    path("<uuid:case_id>/session/", views.session, name="session"),
    path("<uuid:case_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:case_id>/impact/", views.share_impact, name="share_impact"),
    path(
        "<uuid:case_id>/impact/<uuid:share_id>/stop/",
        views.stop_sharing_impact,
        name="stop_sharing_impact",
    ),
    path("<uuid:case_id>/letters/new/", views.write_letter, name="write_letter"),
    path("letters/<uuid:letter_id>/", views.letter_page, name="letter"),
    path("letters/<uuid:letter_id>/relay/", views.relay, name="relay"),
]
