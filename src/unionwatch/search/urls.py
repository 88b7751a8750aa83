from django.urls import path

from unionwatch.search import views

urlpatterns = [path("", views.search_page, name="search")]
