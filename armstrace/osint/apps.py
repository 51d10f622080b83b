from django.apps import AppConfig


class OsintConfig(AppConfig):
    """Open-source seizure intelligence. No models yet: the extraction runs without a database."""

    name = "armstrace.osint"
    label = "osint"
