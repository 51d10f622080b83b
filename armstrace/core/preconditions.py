"""No lost updates: every API write on an item says which version of the item it was decided on.

The version is the item's `last_event_seq`, given as `expected_seq` in the body or as the item's ETag (sent with
every item GET) in an `If-Match` header. Without either the write answers 428 `expected_seq_required`; a version
that is no longer the item's answers 409 `conflict` (registry.services._locked). Forms carry it in a hidden field
(`ItemVersionForm`)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException, ValidationError

from armstrace.core import bounds
from armstrace.core.errors import Conflict

ETAG = re.compile(r'"(\d{1,18})\.(\d{1,18})"')

IF_MATCH = OpenApiParameter(
    "If-Match", {"type": "string", "maxLength": 40}, OpenApiParameter.HEADER, required=False,
    description="The item's ETag as read (GET /api/items/{id}/), instead of expected_seq; 409 if it changed since.")


class PreconditionRequired(APIException):
    status_code = 428
    default_code = "expected_seq_required"
    default_detail = _("Say which version of the item this change is based on: give the item's last_event_seq as "
                       "expected_seq, or its ETag in an If-Match header.")


def item_etag(item):
    """The ETag of an item's current version (its id and last_event_seq)."""
    return f'"{item.pk}.{item.last_event_seq}"'


def expected_seq_field(**kwargs):
    return serializers.IntegerField(
        required=False, allow_null=True, min_value=0, **kwargs,
        help_text="The item's last_event_seq as you read it (or send If-Match); 428 if neither, 409 if it moved on.")


def item_write(view_function):
    """Document an action that writes on one item: its If-Match header (and so its 428 answer)."""
    return extend_schema(parameters=[IF_MATCH])(view_function)


def expected_seq(request, given, item_pk):
    """The version of item `item_pk` that a write was decided on: `given` (expected_seq), else If-Match."""
    if given is not None:
        return given
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        raise PreconditionRequired()
    match = ETAG.fullmatch(header)
    if match is None:
        raise ValidationError({"If-Match": [_("Not an ETag of an item, such as \"12.345\".")]}, code="bad_if_match")
    if int(match[1]) != int(item_pk):
        raise Conflict("conflict", _("The If-Match header names another item's version."))
    return int(match[2])


def require_each(versions, item_pks):
    """`versions` (item id → expected_seq) must name every item of a write on several items (else 428)."""
    missing = sorted({pk for pk in item_pks if pk not in versions})
    if missing:
        raise PreconditionRequired(_("Give expected_seqs, the last_event_seq of each item as you read it; missing: "
                                     "%(ids)s.") % {"ids": ", ".join(map(str, missing))})
    return versions


def document_preconditions(result, generator=None, request=None, public=None):
    """drf-spectacular postprocessing hook (after armstrace.api.document_error_responses). Schema: writes with If-Match may answer 428; an item's GET sends its ETag."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            names = {p.get("name") for p in operation.get("parameters", [])}
            body = (operation.get("requestBody") or {}).get("content", {}).get("application/json", {})
            if "If-Match" in names or _mentions_expected_seq(result, body.get("schema"), set()):
                operation["responses"].setdefault("428", {
                    "description": "expected_seq (or If-Match) missing: say which version of the item you read",
                    "content": error})
            if method == "get" and path == "/api/items/{id}/":
                operation["responses"]["200"]["headers"] = {"ETag": {
                    "schema": {"type": "string"}, "description": "The item's version, for If-Match"}}
    return result


def _mentions_expected_seq(result, schema, seen):
    """Whether a request body schema has an expected_seq(s) property at any depth (following $refs once)."""
    if not isinstance(schema, dict):
        return False
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return False
        seen.add(name)
        return _mentions_expected_seq(result, result["components"]["schemas"].get(name), seen)
    properties = schema.get("properties", {})
    if {"expected_seq", "expected_seqs"} & set(properties):
        return True
    nested = [*properties.values(), schema.get("items"), *schema.get("allOf", []), *schema.get("anyOf", []),
              *schema.get("oneOf", [])]
    return any(_mentions_expected_seq(result, child, seen) for child in nested)


class ItemVersionForm(bounds.Form):
    """The item's last_event_seq when the form was shown: a change made meanwhile is refused (registry conflict)."""

    expected_seq = forms.IntegerField(widget=forms.HiddenInput, min_value=0, error_messages={
        "required": _("The form does not say which version of the item it was filled in on: reload the page."),
        "invalid": _("The form does not say which version of the item it was filled in on: reload the page.")})
