"""The REST API root: one router that every app registers its viewsets on, and the error format."""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from armstrace.registry.services import Conflict, RuleViolation

router = DefaultRouter()


def exception_handler(exc, context):
    """Rule violations become 400 (409 for a concurrent change) with a stable `code` and a readable `detail`."""
    if isinstance(exc, RuleViolation):
        body = {"code": exc.code, "detail": exc.message}
        if exc.field:
            body["field"] = exc.field
        return Response(body, status=status.HTTP_409_CONFLICT if isinstance(exc, Conflict) else status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)


def _register_app_apis():
    from armstrace.registry import api as registry_api

    registry_api.register(router)
    for app in ("custody", "transfers", "tracing", "monitoring", "accounts"):
        try:
            module = __import__(f"armstrace.{app}.api", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"armstrace.{app}.api":
                raise
            continue
        module.register(router)


_register_app_apis()
