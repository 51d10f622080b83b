"""An alert's title in the reader's language, from its kind and params (codes, names, dates)."""

from django.utils.translation import gettext as _

from armstrace.registry.models import EventKind, ItemStatus


def _label(choices, value):
    return choices(value).label if value in choices.values else value


def _missing_recovered(p):
    return _("%(event)s: %(item)s had been reported %(report)s on %(reported_on)s by %(agency)s") % {
        "event": _label(EventKind, p.get("event", "")), "item": p.get("item", ""),
        "report": _("stolen") if p.get("report") == EventKind.THEFT_REPORTED else _("lost"),
        "reported_on": p.get("reported_on", ""), "agency": p.get("agency") or _("an unnamed agency")}


def _marking_hit(p):
    return _("Hit: the marking search \"%(query)s\" found %(item)s, %(status)s") % {
        "query": p.get("query", ""), "item": p.get("item", ""),
        "status": _label(ItemStatus, p.get("status", "")).lower()}


def _stocktake_gap(p):
    return _("Stocktake of %(depot)s on %(date)s: %(missing)s missing, %(extra)s extra") % {
        "depot": p.get("depot", ""), "date": p.get("date", ""), "missing": p.get("missing", 0),
        "extra": p.get("extra", 0)}


def _tracing_overdue(p):
    return _("Tracing request %(ref)s to %(country)s is overdue (due %(due)s)") % {
        "ref": p.get("ref", ""), "country": p.get("country", ""), "due": p.get("due", "")}


def _blueprint_match(p):
    return _("Blueprint file %(sha)s of case %(case)s was also seized in %(others)s") % {
        "sha": p.get("sha", ""), "case": p.get("case", ""), "others": p.get("others", "")}


# by alerts.models.AlertKind value (the models import this module for Alert.__str__)
TITLES = {"missing_recovered": _missing_recovered, "marking_hit": _marking_hit, "stocktake_gap": _stocktake_gap,
          "tracing_overdue": _tracing_overdue, "blueprint_match": _blueprint_match}


def title(alert):
    """Known kinds are written from their params; a hook's own text is `params["title"]`."""
    writer = TITLES.get(alert.kind)
    if alert.params.get("title") or writer is None:
        return str(alert.params.get("title") or alert.get_kind_display())
    return writer(alert.params)
