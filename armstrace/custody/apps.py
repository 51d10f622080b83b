from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "armstrace.custody"
    label = "custody"
