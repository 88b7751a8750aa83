from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from unionwatch.accounts.views import RateLimitedLoginView
from unionwatch.api.api import api

urlpatterns = [
    path("login/", RateLimitedLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("unionwatch.audit.urls")),
    path("", include("unionwatch.accounts.urls")),
    path("api/", api.urls),
    path("advocacy/", include("unionwatch.advocacy.urls")),
    path("jobs/", include("unionwatch.jobs.urls")),
    path("search/", include("unionwatch.search.urls")),
    path("", include("unionwatch.web.urls")),
]
