from django.urls import path

from amends.support import views

app_name = "support"
urlpatterns = [
    path("support/", views.index, name="index"),
    path("your-data/", views.your_data, name="your_data"),
]
