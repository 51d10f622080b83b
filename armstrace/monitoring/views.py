from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from armstrace.custody.models import CaseItem
from armstrace.monitoring import charts, codelist as cl, export, iafq, maps, methods, sdg
from armstrace.monitoring.flows import Basis, registry_flows, route_flows
from armstrace.monitoring.hotspots import registry_hotspots
from armstrace.monitoring.models import PortalDataset
from armstrace.monitoring.portal import sdg_series_from_dataset
from armstrace.monitoring.screen_labels import screen_label
from armstrace.profile import get_profile
from armstrace.registry.models import ManufactureMethod
from armstrace.tracing.history import country_name


def _year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = date.today().year - 1  # the IAFQ reports on the last complete calendar year
    if not 1900 <= year <= 2100:
        raise Http404
    return year


@login_required
def dashboard(request):
    year = _year(request)
    method = request.GET.get("method") if request.GET.get("method") in ManufactureMethod.values else None
    rows = iafq.compute(year, method=method)
    counts = {y: iafq.tracing_counts(iafq._tracing_only(y)) for y in (year, year + 1)}
    ratio = sdg.proportion_traced(counts[year])
    exact, years = sdg.two_year_mean(sdg.per_year(counts), year)
    flows = registry_flows(year)
    hot = [h for h in registry_hotspots(year) if h.flagged]
    context = {
        "year": year, "years": range(date.today().year, date.today().year - 10, -1),
        "tables": iafq.table(rows),
        "sdg_ratio": ratio, "sdg_value": sdg.round_published(ratio.value) if ratio.value is not None else None,
        "sdg_mean": sdg.round_published(exact) if exact is not None else None, "sdg_years": years,
        "hotspots": hot[:10],
        "chart_types": mark_safe(charts.stacked_bars(_seized_by_type(year, method), _("Arms seized by type"))),
        "chart_flow": mark_safe(charts.flow_view(flows, _("Origin → seizure country"))),
        "chart_matrix": mark_safe(charts.matrix(flows, _("Source → recovery"))),
        "datasets": PortalDataset.objects.all(),
        **_method_context(year, method),
    }
    return render(request, "monitoring/dashboard.html", context)


def _method_context(year, method):
    regions = methods.by_region(year, method)
    return {
        "method": method, "methods": ManufactureMethod.choices,
        "chart_methods": mark_safe(charts.stacked_bars(methods.by_year(year, method=method),
                                                       _("Arms seized by manufacture method"))),
        "chart_method_regions": mark_safe(charts.stacked_bars(regions, _("Arms seized by method and region"))),
        "method_table": methods.table(regions),
    }


def _seized_by_type(last_year, method=None, span=10):
    """Seized firearms per year and type over `span` years; with `method`, only the items made that way."""
    qs = CaseItem.objects.filter(case__kind="seizure", item__category="firearm",
                                 case__occurred_on__gte=date(last_year - span + 1, 1, 1),
                                 case__occurred_on__lt=date(last_year + 1, 1, 1))
    if method:
        qs = qs.filter(item__manufacture_method=method)
    qs = qs.values_list("case__occurred_on__year", "item__firearm_type").annotate(n=Count("id"))
    return charts.by_period_and_type((y, screen_label(cl.TYPE.get(t, cl.TYPE_UNKNOWN)), n) for y, t, n in qs)


@login_required
def iafq_download(request, year, fmt):
    if fmt not in ("xlsx", "csv"):
        raise Http404
    profile = get_profile()
    rows = iafq.compute(year)
    name = f"iafq_{profile.country}_{year}"
    if fmt == "xlsx":
        response = HttpResponse(export.to_xlsx(rows, year, profile.country, profile.name),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(export.to_csv(rows, year, profile.country, profile.name), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def sdg_download(request, fmt):
    if fmt not in ("csv", "xml"):
        raise Http404
    profile = get_profile()
    first, last = _year_pair(request)
    counts = {y: iafq.tracing_counts(iafq._tracing_only(y)) for y in range(first, last + 2)}
    series = [o for o in sdg.published_series(counts) if first <= o.year <= last]
    name = f"{sdg.SERIES}_{profile.country}_{first}-{last}"
    if fmt == "xml":
        response = HttpResponse(sdg.sdmx_ml(profile.country, series), content_type="application/xml")
    else:
        response = HttpResponse(sdg.sdmx_csv(profile.country, series), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _year_pair(request):
    this = date.today().year
    try:
        first, last = int(request.GET.get("from", this - 4)), int(request.GET.get("to", this))
    except ValueError as exc:
        raise Http404 from exc
    if not (1900 <= first <= last <= 2100):
        raise Http404
    return first, last


@login_required
def flow_view(request):
    """Origin -> seizure country of the seized arms of a year (or of every year), and the routes of the cases."""
    year = _year(request) if request.GET.get("year") else None
    flows, routes = registry_flows(year), route_flows(year)
    origins = [{"code": s, "name": country_name(s), "arms": flows.source_total(s),
                "share": flows.source_total(s) / flows.total} for s in flows.sources()]
    return render(request, "monitoring/flows.html", {
        "year": year, "years": range(date.today().year, date.today().year - 10, -1), "flows": flows,
        "origins": origins, "in_place_share": flows.in_place_share(),
        "basis": [(label, flows.basis.get(code, 0)) for code, label in Basis.choices],
        "chart_flow": mark_safe(charts.flow_view(flows, _("Origin → seizure country"))),
        "chart_matrix": mark_safe(charts.matrix(flows, _("Source → recovery"))),
        "chart_routes": mark_safe(charts.flow_view(routes, _("Route: departure → destination"))),
        "routes_total": routes.total, "map": mark_safe(maps.flow_map(flows)),
    })


@login_required
def hotspot_list(request):
    """Flagged months of a year (every tested month with `?all=1`), a year picker and the map of arms seized."""
    years, given = seizure_years(), request.GET.get("year", "")
    if given and not (given.isdigit() and 1900 <= int(given) <= 2100):
        return HttpResponseBadRequest(_("year: a year from 1900 to 2100 is expected"), content_type="text/plain")
    year = int(given) if given else (years[0] if years else date.today().year - 1)
    show_all = request.GET.get("all") == "1"
    hotspots = registry_hotspots(year)
    return render(request, "monitoring/hotspots.html", {
        "year": year, "years": sorted(set(years) | {year}, reverse=True), "show_all": show_all,
        "hotspots": hotspots if show_all else [h for h in hotspots if h.flagged],
        "tested": len(hotspots), "map": mark_safe(maps.hotspot_map(year)),
    })


def seizure_years():
    """The years with a seizure in the registry, newest first."""
    return sorted(CaseItem.objects.filter(case__kind="seizure").values_list("case__occurred_on__year", flat=True)
                  .distinct(), reverse=True)


@login_required
def portal_dataset(request, pk):
    dataset = get_object_or_404(PortalDataset, pk=pk)
    countries = (dataset.values.values("iso3", "country").annotate(n=Count("id")).order_by("country"))
    return render(request, "monitoring/portal_dataset.html", {"dataset": dataset, "countries": countries})


@login_required
def portal_country(request, pk, iso3):
    dataset = get_object_or_404(PortalDataset, pk=pk)
    values = dataset.values.filter(iso3=iso3)
    years = sorted(set(values.values_list("year", flat=True)), reverse=True)
    if not years:
        raise Http404
    year = int(request.GET.get("year") or years[0]) if (request.GET.get("year") or "").isdigit() else years[0]
    tables = {}
    for v in values.filter(year=year):
        tables.setdefault((v.indicator, v.dimension), []).append(v)
    by_type = charts.by_period_and_type(
        (y, screen_label(c), n) for y, c, n in
        values.filter(indicator=cl.ARMS_SEIZED, dimension=cl.BY_TYPE).values_list("year", "category", "value"))
    return render(request, "monitoring/portal_country.html", {
        "dataset": dataset, "iso3": iso3, "country": values.first().country, "year": year, "years": years,
        "tables": dict(sorted(tables.items())), "sdg_series": sdg_series_from_dataset(dataset, iso3),
        "chart_types": mark_safe(charts.stacked_bars({y: {k: int(n) for k, n in d.items()} for y, d in by_type.items()},
                                                     _("Arms seized by type"))),
    })
