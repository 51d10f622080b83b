from django import template
from django.utils.safestring import mark_safe

from armstrace.core.extensions import object_panels as panels_of

register = template.Library()


@register.simple_tag(takes_context=True)
def object_panels(context, kind, obj):
    """The panels other apps add to the page of `obj` (core.extensions.OBJECT_PANELS); each panel escapes its own
    content (it is a rendered template)."""
    request = context.get("request")
    return mark_safe("".join(panels_of(request, kind, obj))) if request is not None else ""


@register.simple_tag(takes_context=True)
def topbar_items(context):
    """What other apps add to the top bar (core.extensions.TOPBAR_ITEMS), each a rendered template."""
    from armstrace.core.extensions import topbar_items as items

    request = context.get("request")
    return mark_safe("".join(items(request))) if request is not None else ""
