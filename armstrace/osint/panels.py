"""The monitoring dashboard's panel of open-source seizures (core.extensions.OBJECT_PANELS, kind
"monitoring_dashboard", object: the year shown): per country and year, official, open source, overlap and open
source only, with a chart drawn by monitoring's SVG charts."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from armstrace.monitoring import charts
from armstrace.osint.merge import by_year, counts

YEARS_SHOWN = 5


def dashboard_panel(request, year):
    first_year = year - YEARS_SHOWN + 1
    rows = counts(first_year, year)
    chart = charts.stacked_bars(by_year(rows, range(first_year, year + 1)), _("Seizures: official and open sources"))
    return render_to_string("osint/dashboard_panel.html", {
        "rows": [r for r in rows if r.year == year], "all_rows": rows, "year": year,
        "first_year": first_year, "chart": mark_safe(chart)}, request=request)
