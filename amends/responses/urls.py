from django.urls import path

from amends.responses import views

app_name = "responses"
urlpatterns = [
    path("library/<str:public_id>/responses/", views.thread, name="thread"),
    path("library/<str:public_id>/responses/settings/", views.settings, name="settings"),
    path("library/<str:public_id>/identifies/", views.identifies, name="identifies"),
    path("responses/<int:response_id>/reply/", views.reply, name="reply"),
    path("responses/<int:response_id>/report/", views.report, name="report"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/responses/<int:response_id>/", views.decide, name="decide"),
    path("moderation/responders/<str:responder>/", views.decide_all, name="decide_all"),
    path("moderation/decisions/<int:decision_id>/undo/", views.undo, name="undo"),
    path("moderation/statements/<str:public_id>/", views.decide_statement, name="decide_statement"),
    path("moderation/history/", views.history, name="history"),
]
