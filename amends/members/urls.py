from django.urls import path

from amends.members import views

app_name = "members"
urlpatterns = [
    path("me/", views.home, name="home"),
    path("sign-up/", views.sign_up, name="sign_up"),
    path("log-in/", views.log_in, name="log_in"),
    path("log-out/", views.log_out, name="log_out"),
    path("me/account/", views.account, name="account"),
    path("me/export/", views.export, name="export"),
    path("me/export/readable/", views.export, {"readable": True}, name="export_readable"),
    path("recover/", views.recover, name="recover"),
]
