from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "unionwatch.api"
    label = "api"
