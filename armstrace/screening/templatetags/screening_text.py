from django import template

from armstrace.screening.explanations import shown

register = template.Library()


@register.filter
def explanation(text):
    """A rule's explanation in the user's language (the default rules'; a profile's own as written)."""
    return shown(text)
