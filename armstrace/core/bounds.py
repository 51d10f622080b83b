"""Bounds on every input of the API and the forms, from the country profile's `limits` (armstrace/profile.py).

One mechanism for all: the API's serializers derive from `Serializer` / `ModelSerializer` below and its JSON bodies
go through `BoundedJSONParser`; the forms derive from `Form` / `ModelForm`. Each field without a bound of its own
gets one: a maximum length for text, a range for numbers (the profile's `quantity` for quantities and counts),
dates from 1 January of `earliest_year` to `days_ahead` days ahead (`validity_years` for the end of a validity), a
maximum depth and size for JSON values, a maximum length for lists (`markings_per_item` for markings)."""

import re
from datetime import date, datetime, timedelta

from django import forms
from django.conf import settings
from django.core import validators
from django.core.exceptions import ValidationError
from django.forms.widgets import DateTimeBaseInput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.drainage import set_override
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

from armstrace.profile import get_profile

VALIDITY_ENDS = {"valid_until", "expires_on"}  # dates that may lie years ahead
QUANTITY = re.compile(r"(^|_)(quantity|count)$")
STRUCTURE_DEPTH = 16  # levels of a request body around its JSON values (lists of lines of items of markings, ...)


def limits():
    return get_profile().limits


# ---------------------------------------------------------------- checks shared by the API and the forms


def json_shape(value):
    """(depth, number of values, its strings) of a JSON value, without recursion: `{}` and `{"a": 1}` are 1 deep."""
    depth, nodes, strings, stack = 0, 0, [], [(value, 1)]
    while stack:
        value, level = stack.pop()
        nodes += 1
        if isinstance(value, str):
            strings.append(value)
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            depth = max(depth, level)
            strings.extend(value if isinstance(value, dict) else ())
            stack.extend((child, level + 1) for child in children)
    return depth, nodes, strings


def check_json(value):
    """A JSON value (custom fields, ...) within the profile's depth and size, with text a database can store."""
    depth, nodes, strings = json_shape(value)
    for text in strings:
        check_text(text)
    if depth > limits().json_depth:
        raise ValidationError(_("Nested more than %(n)d levels deep.") % {"n": limits().json_depth}, code="too_deep")
    if nodes > limits().list_length:
        raise ValidationError(_("More than %(n)d values.") % {"n": limits().list_length}, code="too_large")


def check_text(value):
    """Text that both databases store: valid Unicode, without NUL characters (PostgreSQL refuses them)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(_("The text contains characters that are not valid Unicode."), code="bad_text")
        if "\x00" in value:
            raise ValidationError(_("The text contains NUL characters."), code="null_characters")


class MaxTextLength(validators.MaxLengthValidator):
    """MaxLengthValidator that lets pass what a field has already turned into an object (a holder, ...)."""

    def clean(self, x):
        return len(x) if isinstance(x, str) else 0


def date_range(name):
    """The first and last day a date field named `name` accepts."""
    today, bounds = timezone.localdate(), limits()
    if name in VALIDITY_ENDS:
        last = date(min(today.year + bounds.validity_years, 9999), today.month, min(today.day, 28))
    else:
        last = today + timedelta(days=bounds.days_ahead)
    return date(bounds.earliest_year, 1, 1), last


class DateBounds:
    """Refuses a date (or the day of a datetime) outside `date_range(name)`."""

    def __init__(self, name):
        self.name = name

    def __call__(self, value):
        day = value.date() if isinstance(value, datetime) else value
        first, last = date_range(self.name)
        if isinstance(day, date) and not first <= day <= last:
            raise ValidationError(_("Give a date between %(first)s and %(last)s.") % {"first": first, "last": last},
                                  code="date_out_of_range")


def _number_bound(name, current_max):
    bounds = limits()
    if QUANTITY.search(name):
        return min(current_max, bounds.quantity) if current_max is not None else bounds.quantity
    return bounds.integer if current_max is None else current_max


# ---------------------------------------------------------------- API


def bound_serializer_field(name, field):
    """Give a DRF field (and the fields nested in it) the bounds it lacks. Idempotent."""
    if field.read_only or getattr(field, "_bounded", False):
        return
    field._bounded = True
    lists = limits().markings_per_item if name == "markings" else limits().list_length
    if isinstance(field, serializers.ListSerializer):
        field.max_length = min(field.max_length or lists, lists)
        field.validators.append(validators.MaxLengthValidator(field.max_length))  # and the schema's maxItems
        bound_serializer_field(name, field.child)
    elif isinstance(field, serializers.PrimaryKeyRelatedField):
        field.pk_field = field.pk_field or IdField()
    elif isinstance(field, serializers.SlugRelatedField):  # the body's size bounds the slug before the look-up
        field.validators.append(MaxTextLength(limits().text_length))
        set_override(field, "field", {"type": "string", "maxLength": limits().text_length})
    elif isinstance(field, serializers.Serializer):
        for child_name, child in field.fields.items():
            bound_serializer_field(child_name, child)
    elif isinstance(field, (serializers.ListField, serializers.ManyRelatedField)):
        if getattr(field, "max_length", None) is None:
            field.max_length = lists
            field.validators.append(validators.MaxLengthValidator(lists))
        child = field.child if isinstance(field, serializers.ListField) else field.child_relation
        bound_serializer_field(name, child)
    elif isinstance(field, (serializers.DictField, serializers.JSONField)):
        field.validators.append(check_json)
        if isinstance(field, serializers.DictField):
            bound_serializer_field(name, field.child)
    elif isinstance(field, serializers.CharField):
        _bound_text(field)
    elif isinstance(field, (serializers.IntegerField, serializers.FloatField, serializers.DecimalField)):
        _bound_number(name, field)
    elif isinstance(field, (serializers.DateField, serializers.DateTimeField)):
        field.validators.append(DateBounds(name))


class IdField(serializers.IntegerField):
    """The id a related field reads: an integer key of at most 18 digits, as in paths (armstrace.api.ID_PATTERN)."""

    def __init__(self):
        super().__init__(min_value=0, max_value=10**18 - 1)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        self.run_validators(value)
        return value


def _bound_text(field):
    if field.max_length is None:
        field.max_length = limits().text_length
        field.validators.append(MaxTextLength(field.max_length))
    field.validators.append(check_text)


def _bound_number(name, field):
    top = _number_bound(name, field.max_value)
    if top != field.max_value:
        field.max_value = top
        field.validators.append(validators.MaxValueValidator(top))
    if field.min_value is None:
        field.min_value = -limits().integer
        field.validators.append(validators.MinValueValidator(field.min_value))


class BoundedFields:
    """Serializer mixin: every writable field gets the bounds it lacks (bound_serializer_field)."""

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            bound_serializer_field(name, field)
        return fields


class Serializer(BoundedFields, serializers.Serializer):
    pass


class ModelSerializer(BoundedFields, serializers.ModelSerializer):
    pass


_STRINGS = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]++")


def nesting_exceeds(text, limit):
    """Whether a JSON text nests arrays/objects more than `limit` deep (read without parsing: Python's json
    recurses and fails with RecursionError on deep input)."""
    depth = 0
    for bracket in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser, bounded: at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes, nested at most the profile's
    json_depth plus STRUCTURE_DEPTH levels. Anything else is a 400 that says why."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise ParseError(_("The request body is larger than %(n)d bytes.") % {"n": limit})
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(_("The request body is not %(encoding)s text.") % {"encoding": encoding})
        depth = limits().json_depth + STRUCTURE_DEPTH
        if nesting_exceeds(text, depth):
            raise ParseError(_("The JSON body is nested too deep (more than %(n)d levels).") % {"n": depth})
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ParseError(_("The JSON body cannot be read: %(error)s") % {"error": exc})


# ---------------------------------------------------------------- forms

# The value of <input type="date"> (and datetime-local) is ISO whatever the language: a value written in the
# locale's format (12/01/2026) leaves the browser's field blank.
ISO_WIDGET_FORMATS = {"date": "%Y-%m-%d", "datetime-local": "%Y-%m-%dT%H:%M"}


def iso_date_widget(widget):
    """Make a date or datetime-local input write its value in ISO format. Returns the widget."""
    iso = ISO_WIDGET_FORMATS.get(widget.attrs.get("type") or getattr(widget, "input_type", ""))
    if iso and isinstance(widget, DateTimeBaseInput):
        widget.format = iso
    return widget


def bound_form_field(name, field):
    """Give a Django form field the bounds it lacks (and its widget the matching HTML attributes). Idempotent."""
    if getattr(field, "_bounded", False):
        return
    field._bounded = True
    if isinstance(field, forms.JSONField):
        field.validators.append(check_json)
    elif isinstance(field, forms.CharField):
        if field.max_length is None:
            field.max_length = limits().text_length
            field.validators.append(MaxTextLength(field.max_length))
        field.widget.attrs.setdefault("maxlength", str(field.max_length))
        field.validators.append(check_text)
    elif isinstance(field, (forms.IntegerField, forms.FloatField, forms.DecimalField)):
        _bound_number(name, field)
        field.widget.attrs.update({"max": field.max_value, "min": field.min_value})
    elif isinstance(field, (forms.DateField, forms.DateTimeField)):
        field.validators.append(DateBounds(name))
        iso_date_widget(field.widget)


class BoundedFormMixin:
    """Form mixin: every field gets the bounds it lacks, those a subclass adds after __init__ too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._bound_fields()

    def _bound_fields(self):
        for name, field in self.fields.items():
            bound_form_field(name, field)

    def full_clean(self):
        self._bound_fields()
        super().full_clean()


class Form(BoundedFormMixin, forms.Form):
    pass


class ModelForm(BoundedFormMixin, forms.ModelForm):
    pass
