"""The monitoring pages' maps (monitoring/worldmap.py draws them): arms seized by country for the hotspots page,
origins of the seized arms for the flows page."""

from django.utils.translation import gettext as _

from armstrace.custody.models import CaseItem
from armstrace.monitoring import codelist as cl
from armstrace.monitoring.models import PortalDataset, PortalValue
from armstrace.monitoring.worldmap import world_map_svg
from armstrace.profile import get_profile


def registry_arms_seized(year):
    return CaseItem.objects.filter(case__kind="seizure", item__category="firearm", case__occurred_on__year=year).count()


def seized_by_country(year):
    """{ISO3: arms seized in `year`}: other countries' totals from the latest imported UNODC portal dataset, this
    country's from the registry."""
    counts = {}
    dataset = PortalDataset.objects.order_by("-pk").first()
    if dataset is not None:
        totals = PortalValue.objects.filter(dataset=dataset, indicator=cl.ARMS_SEIZED, dimension=cl.TOTAL,
                                            category=cl.TOTAL, year=year).values_list("iso3", "value")
        for iso3, value in totals:
            counts[iso3] = max(counts.get(iso3, 0), float(value))
    home = get_profile().country
    counts[home] = registry_arms_seized(year)
    return counts


def hotspot_map(year):
    home = get_profile().country
    return world_map_svg(seized_by_country(year), title=_("Arms seized in %(year)s, by country") % {"year": year},
                         legend_label=_("Arms seized"), highlight={home})


def flow_map(flows):
    """The countries of origin of the seized arms (a FlowTable), the seizure country outlined."""
    home = get_profile().country
    return world_map_svg({s: flows.source_total(s) for s in flows.sources()},
                         title=_("Countries of origin of the seized arms"), legend_label=_("Arms"), highlight={home})
