from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "unionwatch.web"
    label = "web"
