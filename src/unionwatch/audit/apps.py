from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "unionwatch.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from unionwatch.audit import log

        log.connect_signals()
