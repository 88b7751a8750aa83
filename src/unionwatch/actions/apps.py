from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "unionwatch.actions"
    label = "actions"
