"""The REST API root: one router that every app registers its viewsets on (the error format is core.api)."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()


def _register_app_apis():
    from armstrace.registry import api as registry_api

    registry_api.register(router)
    for app in ("custody", "transfers", "tracing", "monitoring", "screening", "accounts", "exchange"):
        try:
            module = __import__(f"armstrace.{app}.api", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"armstrace.{app}.api":
                raise
            continue
        module.register(router)


_register_app_apis()
