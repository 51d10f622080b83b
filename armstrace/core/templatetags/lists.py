"""`{% sort_th lst "key" %}`: a list's column header that sorts by the column (core/lists.py)."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def sort_th(lst, key):
    column = next(c for c in lst.columns if c.key == key)
    if not column.order_by:
        return format_html("<th>{}</th>", column.label)
    state = lst.sort_state(key)
    arrow = {"ascending": " ▲", "descending": " ▼"}.get(state, "")
    aria = format_html(' aria-sort="{}"', state) if state else ""
    return format_html('<th{}><a class="sort" data-sort="{}" href="{}">{}{}</a></th>', aria, key, lst.sort_url(key),
                       column.label, arrow)
