"""Forms, serializers and services: a rule violation shown on the form, and a service's input from validated data."""

from dataclasses import fields

from armstrace.core.errors import RuleViolation


def run_service(form, call):
    """Run a service command; a rule violation becomes an error on the form (on its field when it names one)."""
    try:
        return call()
    except RuleViolation as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None


def input_of(cls, data, **given):
    """The input dataclass `cls` of a service from validated data (a form's cleaned_data, a serializer's
    validated_data): the fields of `cls` that `data` holds, and those `given`."""
    names = {f.name for f in fields(cls)}
    return cls(**{**{k: v for k, v in data.items() if k in names}, **given})
