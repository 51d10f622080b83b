"""Extension points for the apps: navigation links and actions on the item page.

An app appends to these lists in its AppConfig.ready(), e.g.
    NAV_LINKS.append(("tracing-requests", _("Tracing requests")))
    ITEM_LINKS.append(("trace-report", _("Trace report")))    # the URL takes the item pk
The caller passes `allowed(url_name)` (accounts.policy.may_open for the user) so that only links the user may open
are shown.
"""

from django.urls import NoReverseMatch, reverse

NAV_LINKS: list[tuple[str, str]] = []
ITEM_LINKS: list[tuple[str, str]] = []


def _everything(name):
    return True


def nav_links(allowed=_everything):
    """The navigation links to pages `allowed` lets through."""
    return [{"url": reverse(name), "label": label} for name, label in NAV_LINKS if allowed(name)]


def item_links(item, allowed=_everything):
    links = []
    for name, label in ITEM_LINKS:
        if not allowed(name):
            continue
        try:
            links.append({"url": reverse(name, args=[item.pk]), "label": label})
        except NoReverseMatch:
            continue
    return links
