from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "unionwatch.advocacy"
    label = "advocacy"
    verbose_name = "Advocacy and standards"
