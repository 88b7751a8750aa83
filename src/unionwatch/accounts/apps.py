from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "unionwatch.accounts"
    label = "accounts"
