"""Extension points for the other apps: navigation links and actions on the item page.

An app appends to these lists in its AppConfig.ready(), e.g.
    NAV_LINKS.append(("tracing-requests", _("Tracing requests")))
    ITEM_LINKS.append(("trace-report", _("Trace report")))    # the URL takes the item pk
"""

from django.urls import NoReverseMatch, reverse

NAV_LINKS: list[tuple[str, str]] = []
ITEM_LINKS: list[tuple[str, str]] = []


def _may_open(user, name):
    from armstrace.accounts.policy import may_open

    return user is None or may_open(user, name)


def nav_links(user=None):
    """The navigation links; given a user, only those to pages the user may open."""
    return [{"url": reverse(name), "label": label} for name, label in NAV_LINKS if _may_open(user, name)]


def item_links(item, user=None):
    links = []
    for name, label in ITEM_LINKS:
        if not _may_open(user, name):
            continue
        try:
            links.append({"url": reverse(name, args=[item.pk]), "label": label})
        except NoReverseMatch:
            continue
    return links
