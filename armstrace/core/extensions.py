"""Extension points for the apps: navigation links, actions on the item and tracing request pages, audit checks.

An app appends to these lists in its AppConfig.ready(), e.g.
    NAV_LINKS.append(("tracing-requests", _("Tracing requests")))
    ITEM_LINKS.append(("trace-report", _("Trace report")))    # the URL takes the item pk
    ITEM_LINK_CONDITIONS["custody:item-move"] = in_custody  # shown only when in_custody(item)
The caller passes `allowed(url_name)` (accounts.policy.may_open for the user) so that only links the user may open
are shown. REQUEST_LINKS are actions on a tracing request's page (the URL takes the request pk). AUDIT_CHECKS are
callables that `armstrace audit verify` runs after the event chain: each returns (label, ok, message).
"""

from django.urls import NoReverseMatch, reverse

NAV_LINKS: list[tuple[str, str]] = []
ITEM_LINKS: list[tuple[str, str]] = []
REQUEST_LINKS: list[tuple[str, str]] = []
# url name -> offered(item) -> bool: an item-page action shown only for the items it accepts (e.g. by status).
ITEM_LINK_CONDITIONS: dict = {}
AUDIT_CHECKS: list = []


def _everything(name):
    return True


def nav_links(allowed=_everything):
    """The navigation links to pages `allowed` lets through."""
    return [{"url": reverse(name), "label": label} for name, label in NAV_LINKS if allowed(name)]


def item_links(item, allowed=_everything, entries=None):
    """Links of `entries` (default ITEM_LINKS) whose URL takes `item`'s pk, leaving out those whose condition in
    ITEM_LINK_CONDITIONS refuses the item."""
    links = []
    for name, label in ITEM_LINKS if entries is None else entries:
        if not allowed(name) or not ITEM_LINK_CONDITIONS.get(name, _everything)(item):
            continue
        try:
            links.append({"url": reverse(name, args=[item.pk]), "label": label})
        except NoReverseMatch:
            continue
    return links


# Panels other apps add to the page of a record: (kind, panel(request, obj) -> HTML or ""), kind one of "item",
# "trace_report", "seizure_case", "tracing_request", or "monitoring_dashboard" (obj: the year shown). A page shows them with `{% load extensions %}{% object_panels
# "item" item %}`.
OBJECT_PANELS: list[tuple[str, object]] = []


def object_panels(request, kind, obj):
    return [html for panel_kind, panel in OBJECT_PANELS if panel_kind == kind and (html := panel(request, obj))]


# Items other apps add to the top bar of every page (e.g. an unread-messages badge): item(request) -> HTML or "".
TOPBAR_ITEMS: list = []


def topbar_items(request):
    return [html for item in TOPBAR_ITEMS if (html := item(request))]


# Sections other apps add to an item's trace report (its JSON): (key, section(item) -> JSON-ready value), e.g. the
# federation's partner checks. tracing.api.TraceReportSerializer documents each key.
REPORT_SECTIONS: list[tuple[str, object]] = []


def report_sections(item) -> dict:
    return {key: section(item) for key, section in REPORT_SECTIONS}


# Work that `armstrace serve` runs in each worker's background thread at every round (e.g. the alerts' scan of
# stocktake gaps and overdue tracing requests): task() -> None; it must be idempotent.
BACKGROUND_TASKS: list = []
