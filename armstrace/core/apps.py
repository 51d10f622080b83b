from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares (no models): errors, actor, form and API helpers, extension points, projections, and
    the project's own commands (demo, serve, backup, restore)."""

    name = "armstrace.core"
    label = "core"
