from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "unionwatch.facts"
    label = "facts"
