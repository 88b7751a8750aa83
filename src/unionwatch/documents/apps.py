from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "unionwatch.documents"
    label = "documents"
