from django import template

from armstrace.registry.payload_display import country_label

register = template.Library()


@register.filter
def country_name(code):
    """An ISO 3166 alpha-3 code as the country's name ("" for none)."""
    return country_label(code)
