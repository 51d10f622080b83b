from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "armstrace.transfers"
    label = "transfers"
