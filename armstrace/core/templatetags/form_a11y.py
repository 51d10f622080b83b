"""One rendering of a form field's widget for every form: its help and error texts are tied to it with
aria-describedby (ids that form_fields.html and the formset cells give them), aria-invalid when it has errors,
and an aria-label where no <label> stands beside it (a formset's table cell); a date input's value in ISO format."""

from django import template

from armstrace.core.bounds import iso_date_widget

register = template.Library()


def help_id(field):
    return f"{field.auto_id}-help"


def errors_id(field):
    return f"{field.auto_id}-errors"


@register.filter
def described(field, labelled=""):
    """The widget of `field`; `labelled` ("label") adds aria-label = the field's label."""
    iso_date_widget(field.field.widget)  # a date field added after the form's bounds were set
    attrs = {}
    if field.auto_id:
        ids = ([help_id(field)] if field.help_text else []) + ([errors_id(field)] if field.errors else [])
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if labelled == "label":
        attrs["aria-label"] = str(field.label)
    return field.as_widget(attrs=attrs)
