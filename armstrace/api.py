"""The REST API root: one router that every app registers its viewsets on (the error format is core.api), and the
JSON answers of /api/ addresses that no view handles."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request, page_not_found
from rest_framework.routers import DefaultRouter

from armstrace.core.api import ID_PATTERN


class IntegerIdRouter(DefaultRouter):
    """A path id that is not an integer of at most 18 digits does not resolve (404), so no view passes one to the
    database; a viewset may still set its own `lookup_value_regex`."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_field = getattr(viewset, "lookup_field", "pk")
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        value = getattr(viewset, "lookup_value_regex", ID_PATTERN)
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{value})"


router = IntegerIdRouter()


def not_found(request, exception):
    """handler404: an address under /api/ that resolves to nothing answers JSON, as the schema says."""
    if request.path.startswith("/api/"):
        return JsonResponse({"code": "not_found", "detail": _("Not found.")}, status=404)
    return page_not_found(request, exception)


def refused_request(request, exception):
    """handler400: a request Django refuses before any view (too many form fields, a bad host...) answers JSON
    under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"code": "bad_request", "detail": _("The request cannot be read: %(reason)s")
                             % {"reason": exception}}, status=400)
    return bad_request(request, exception)


def _register_app_apis():
    from armstrace.registry import api as registry_api

    registry_api.register(router)
    for app in ("custody", "transfers", "tracing", "monitoring", "screening", "accounts", "exchange", "osint", "alerts"):
        try:
            module = __import__(f"armstrace.{app}.api", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"armstrace.{app}.api":
                raise
            continue
        module.register(router)


_register_app_apis()
