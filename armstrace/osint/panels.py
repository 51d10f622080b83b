"""The monitoring dashboard's panel of open-source seizures (core.extensions.OBJECT_PANELS, kind
"monitoring_dashboard", object: the year shown): per country and year, official, open source, overlap and open
source only, with a chart drawn by monitoring's SVG charts and a world map of the open-source seizures."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from armstrace.monitoring import charts
from armstrace.monitoring.worldmap import world_map_svg
from armstrace.osint.merge import by_year, counts

YEARS_SHOWN = 5


def dashboard_panel(request, year):
    first_year = year - YEARS_SHOWN + 1
    rows = counts(first_year, year)
    chart = charts.stacked_bars(by_year(rows, range(first_year, year + 1)), _("Seizures: official and open sources"))
    this_year = [r for r in rows if r.year == year]
    world = world_map_svg({r.country: r.open_source for r in this_year if r.open_source},
                          title=_("Open-source seizures by country, %(year)s") % {"year": year},
                          legend_label=_("Open-source seizures"))
    return render_to_string("osint/dashboard_panel.html", {
        "rows": this_year, "all_rows": rows, "year": year, "first_year": first_year, "chart": mark_safe(chart),
        "world_map": mark_safe(world)}, request=request)
