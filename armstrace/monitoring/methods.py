"""Seizures by manufacture method (registry.methods): per year, and per region (the case's administrative area) in
one year, for the dashboard's charts and table. A seizure is a firearm case line of a seizure case, as in the IAFQ."""

from collections import defaultdict
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _

from armstrace.custody.models import CaseItem
from armstrace.registry.models import ManufactureMethod


def _seized_arms(first_year, last_year, method=None):
    lines = CaseItem.objects.filter(case__kind="seizure", item__category="firearm",
                                    case__occurred_on__gte=date(first_year, 1, 1),
                                    case__occurred_on__lt=date(last_year + 1, 1, 1))
    return lines.filter(item__manufacture_method=method) if method else lines


def label(method):
    return str(ManufactureMethod(method).label) if method in ManufactureMethod.values else _("Not recorded")


def by_year(last_year, span=10, method=None):
    """{year: {method label: n}} over the `span` years up to `last_year`."""
    rows = (_seized_arms(last_year - span + 1, last_year, method).order_by()
            .values_list("case__occurred_on__year", "item__manufacture_method").annotate(n=Count("id")))
    series = defaultdict(dict)
    for year, code, n in rows:
        series[year][label(code)] = series[year].get(label(code), 0) + n
    return dict(series)


def by_region(year, method=None):
    """{region: {method label: n}} in `year` (region: the case's administrative area)."""
    rows = (_seized_arms(year, year, method).order_by()
            .values_list("case__admin_area", "item__manufacture_method").annotate(n=Count("id")))
    series = defaultdict(dict)
    for area, code, n in rows:
        region = area or _("Area not recorded")
        series[region][label(code)] = series[region].get(label(code), 0) + n
    return dict(series)


def table(series):
    """(column labels in ManufactureMethod order, [(row, [n per column], total)]) of a {row: {label: n}} series."""
    used = {c for counts in series.values() for c in counts}
    columns = [str(m.label) for m in ManufactureMethod if str(m.label) in used]
    columns += sorted(used - set(columns))
    rows = [(name, [series[name].get(c, 0) for c in columns], sum(series[name].values()))
            for name in sorted(series, key=str)]
    return columns, rows
