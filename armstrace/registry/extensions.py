"""Extension points for the other apps: navigation links and actions on the item page.

An app appends to these lists in its AppConfig.ready(), e.g.
    NAV_LINKS.append(("tracing-requests", _("Tracing requests")))
    ITEM_LINKS.append(("trace-report", _("Trace report")))    # the URL takes the item pk
"""

from django.urls import NoReverseMatch, reverse

NAV_LINKS: list[tuple[str, str]] = []
ITEM_LINKS: list[tuple[str, str]] = []


def nav_links():
    return [{"url": reverse(name), "label": label} for name, label in NAV_LINKS]


def item_links(item):
    links = []
    for name, label in ITEM_LINKS:
        try:
            links.append({"url": reverse(name, args=[item.pk]), "label": label})
        except NoReverseMatch:
            continue
    return links
