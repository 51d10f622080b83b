"""The REST API root: one router that every app registers its viewsets on, and the error format."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request, page_not_found
from rest_framework import status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from armstrace.registry.services import Conflict, RuleViolation

ID_PATTERN = "[0-9]{1,18}"  # every object is looked up by an integer key: ids in paths fit 64 bits


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


def exception_handler(exc, context):
    """Rule violations become 400 (409 for a concurrent change) with a stable `code` and a readable `detail`."""
    if isinstance(exc, RuleViolation):
        body = {"code": exc.code, "detail": exc.message}
        if exc.field:
            body["field"] = exc.field
        return Response(body, status=status.HTTP_409_CONFLICT if isinstance(exc, Conflict) else status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    detail = response.data.get("detail") if response is not None and isinstance(response.data, dict) else None
    if isinstance(detail, ErrorDetail):
        response.data.setdefault("code", detail.code)  # {"code", "detail"} as for rule violations
    return response


ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}, "field": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERRORS_SCHEMA = {
    "type": "object",
    "description": "Field name (or non_field_errors) -> messages; nested serializers nest the same way.",
    "additionalProperties": {"type": ["array", "object"]},
}


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the error answers every operation may give, with their bodies.

    401/403: no or refused credentials (policy); 404: an unknown id in the path; 400: invalid query or body, or a
    rule violation (writes); 409: a concurrent change (writes)."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    components["ValidationErrors"] = VALIDATION_ERRORS_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    invalid = {"application/json": {"schema": {"anyOf": [{"$ref": "#/components/schemas/Error"},
                                                          {"$ref": "#/components/schemas/ValidationErrors"}]}}}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            wanted = {"401": ("Not authenticated", error), "403": ("Not allowed for this user", error)}
            if any(p.get("in") == "path" for p in parameters):
                wanted["404"] = ("Not found", error)
            for parameter in parameters:
                if parameter.get("in") == "path" and parameter.get("schema", {}).get("type") == "integer":
                    parameter["schema"]["maximum"] = 10**18 - 1  # ID_PATTERN
            writes = method in ("post", "put", "patch", "delete")
            if writes or "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
                wanted["400"] = ("Invalid input or rule violation", invalid)
            if writes:
                wanted["409"] = ("Changed concurrently: read it again", error)
            for code, (description, content) in wanted.items():
                responses.setdefault(code, {"description": description, "content": content})
    return result


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
