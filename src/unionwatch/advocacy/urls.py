from django.urls import path

from unionwatch.advocacy import views

urlpatterns = [
    path("cases/<int:pk>/letter/", views.letter, name="advocacy-letter"),
    path("interventions/<int:pk>/file/", views.intervention_file, name="advocacy-intervention-file"),
    path("interventions/<int:pk>/follow-up/", views.follow_up, name="advocacy-follow-up"),
    path("directory/", views.directory, name="advocacy-directory"),
    path("directory/new/", views.contact_edit, name="advocacy-contact-new"),
    path("directory/<int:pk>/", views.contact_edit, name="advocacy-contact-edit"),
    path("standards/import/", views.csv_import, name="advocacy-import"),
    path("countries/", views.countries, name="advocacy-countries"),
    path("countries/<str:code>/", views.country, name="advocacy-country"),
]
