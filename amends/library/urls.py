from django.urls import path

from amends.library import views

app_name = "library"
urlpatterns = [
    path("", views.index, name="index"),
    path("library/<str:public_id>/", views.statement, name="statement"),
    path("about/", views.about, name="about"),
]
