from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "unionwatch.accounts"
    label = "accounts"

    def ready(self) -> None:
        from unionwatch.accounts import ratelimit  # noqa: F401 - connects the login signals
