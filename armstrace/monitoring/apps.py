from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "armstrace.monitoring"
    label = "monitoring"
