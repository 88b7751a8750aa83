from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "unionwatch.cases"
    label = "cases"
