from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "unionwatch.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
