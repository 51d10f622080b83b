from django.apps import AppConfig


class TracingConfig(AppConfig):
    name = "armstrace.tracing"
    label = "tracing"
