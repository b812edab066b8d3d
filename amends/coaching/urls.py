from django.urls import path

from amends.coaching import views

app_name = "coaching"
urlpatterns = [
    path("keep-out/", views.keep_out, name="keep_out"),
]
