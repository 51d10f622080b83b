"""What every app's API shares: the error format and its documentation in the schema, the page class (settings
REST_FRAMEWORK), and the serializer mixin for blank choices."""

from rest_framework import status
from rest_framework.exceptions import ErrorDetail
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from armstrace.core.errors import Conflict, RuleViolation


ID_PATTERN = "[0-9]{1,18}"  # ids in API paths (armstrace.api.IntegerIdRouter): integer keys that fit 64 bits


def exception_handler(exc, context):
    """Rule violations become 400 (409 for a concurrent change) with a stable `code` and a readable `detail`."""
    if isinstance(exc, RuleViolation):
        body = {"code": exc.code, "detail": exc.message}
        if exc.field:
            body["field"] = exc.field
        if getattr(exc, "item_id", None) is not None:  # the registered item the answer points to
            body["item"] = exc.item_id
        if getattr(exc, "party_id", None) is not None:  # the existing holder the answer points to
            body["party"] = exc.party_id
        return Response(body, status=status.HTTP_409_CONFLICT if isinstance(exc, Conflict) else status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    detail = response.data.get("detail") if response is not None and isinstance(response.data, dict) else None
    if isinstance(detail, ErrorDetail):
        response.data.setdefault("code", detail.code)  # {"code", "detail"} as for rule violations
    return response


ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}, "field": {"type": "string"},
                   "item": {"type": "integer"}, "party": {"type": "integer"}},
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
                schema = parameter.get("schema", {})
                if parameter.get("in") == "path" and (schema.get("pattern") == f"^{ID_PATTERN}$"
                                                      or schema.get("type") == "integer"):
                    parameter["schema"] = {**schema, "type": "integer", "minimum": 0, "maximum": 10**18 - 1}
                    parameter["schema"].pop("pattern", None)
            writes = method in ("post", "put", "patch", "delete")
            if writes or "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
                wanted["400"] = ("Invalid input or rule violation", invalid)
            if writes:
                wanted["409"] = ("Changed concurrently: read it again", error)
            if "requestBody" in operation:
                wanted["415"] = ("The body is not of a media type the operation reads", error)
            for code, (description, content) in wanted.items():
                responses.setdefault(code, {"description": description, "content": content})
    return result


def document_links(result, generator=None, request=None, public=None):
    """drf-spectacular postprocessing hook: OpenAPI links, which clients and stateful fuzzing (bench/api_fuzz.py)
    follow. The id a create answers leads to the operations on that object; an item's GET leads to its writes,
    with its ETag as If-Match."""
    paths = result.get("paths", {})

    def operations_under(prefix, methods=("get", "post", "put", "patch")):
        return [op for path, item in paths.items() if path.startswith(prefix)
                for method, op in item.items() if method in methods]

    for path, item in paths.items():
        created = (item.get("post") or {}).get("responses", {}).get("201")
        if created is not None and "{" not in path:
            created.setdefault("links", {}).update({op["operationId"]: {
                "operationId": op["operationId"], "parameters": {"path.id": "$response.body#/id"}}
                for op in operations_under(f"{path}{{id}}/")})
    read = paths.get("/api/items/{id}/", {}).get("get")
    if read is not None:
        read["responses"]["200"].setdefault("links", {}).update({op["operationId"]: {
            "operationId": op["operationId"],
            "parameters": {"path.id": "$request.path.id", "header.If-Match": "$response.header.ETag"}}
            for op in operations_under("/api/items/{id}/", methods=("post",))})
    return result


class BlankChoicesMixin:
    """Read-only choice fields that may be blank say so in the schema (DRF drops allow_blank from read-only fields,
    while the model still gives "")."""

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        blank = kwargs.get("allow_blank") and "choices" in kwargs
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if blank and kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        return kwargs


class Pagination(LimitOffsetPagination):
    """?limit=&offset= pages; a limit above max_limit gives max_limit rows, an offset past the end an empty page."""

    max_limit = 1000
    max_offset = 2**62  # fits the databases' 64-bit integers

    def get_offset(self, request):
        return min(super().get_offset(request), self.max_offset)
