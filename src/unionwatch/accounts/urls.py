from django.urls import path

from unionwatch.accounts import views

urlpatterns = [
    path("documents/<int:pk>/confidentiality/", views.document_confidentiality,
         name="document-confidentiality"),
]
