from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("amends.library.urls")),
    path("", include("amends.members.urls")),
    path("", include("amends.institutions.urls")),
    path("reflection/", include("amends.reflections.urls")),
    path("statements/", include("amends.statements.urls")),
    path("coach/", include("amends.coaching.urls")),
    path("", include("amends.responses.urls")),
    path("", include("amends.support.urls")),
    path("", include("amends.impact.urls")),
    path("cases/", include("amends.cases.urls")),
]

handler500 = "amends.core.views.server_error"
