from django.urls import path

from amends.reflections import views

app_name = "reflections"
urlpatterns = [
    path("", views.reflect, name="reflect"),
    path("autosave/", views.autosave, name="autosave"),
]
