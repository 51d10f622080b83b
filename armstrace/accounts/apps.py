from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "armstrace.accounts"
    label = "accounts"
