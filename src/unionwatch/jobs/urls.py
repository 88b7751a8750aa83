from django.urls import path

from unionwatch.jobs import views

urlpatterns = [
    path("", views.job_list, name="job-list"),
    path("upload/", views.upload, name="job-upload"),
]
