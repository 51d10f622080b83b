"""Where the registry's seized arms came from: origin country -> seizure country, from tracing results and routes.

The origin of a seized arm (firearm of a seizure case) is the first of these that is known:
1. tracing_answer: the country that answered an outgoing tracing request about the arm (the answer's responding
   country, else the request's counterpart), the latest answer first;
2. diversion: where the national registry shows the arm left legal control (tracing.history.analyse_history):
   a theft, a loss, an unrecorded transfer or a seizure from the registered holder -> this country; a recovery
   after a legal export -> the export's destination country;
3. national_registry: the arm was held legally in this country (registered, manufactured or imported here);
4. last_import: the item's country of last import;
5. route: the case's route, country of departure;
6. manufacture: the item's country of manufacture.
Arms with none of these are counted as unknown and left out of the flows. The seizure country is the profile's
country. An arm in two seizure cases counts twice, as in the IAFQ tables.
"""

from collections import Counter

from django.db import models
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

from armstrace.custody.models import CaseItem
from armstrace.monitoring.charts import FlowTable
from armstrace.profile import get_profile
from armstrace.registry.models import Event
from armstrace.tracing.history import analyse_history
from armstrace.tracing.models import RequestStatus, TracingRequest


class Basis(models.TextChoices):
    TRACING_ANSWER = "tracing_answer", _("Answer to a tracing request")
    DIVERSION = "diversion", _("Point of diversion in the national registry")
    NATIONAL_REGISTRY = "national_registry", _("Held legally in the national registry")
    LAST_IMPORT = "last_import", _("Country of last import")
    ROUTE = "route", _("Route of the case: country of departure")
    MANUFACTURE = "manufacture", _("Country of manufacture")


def origin(item, history, requests, route_departure, home):
    """(country, Basis) of one seized arm, or ("", None) when nothing tells (module docstring)."""
    answered = [r for r in requests if r.direction == TracingRequest.Direction.OUTGOING and r.answered_at
                and r.status in (RequestStatus.ANSWERED, RequestStatus.CLOSED)]
    if answered:
        latest = max(answered, key=lambda r: (r.answered_at, r.pk))
        country = (latest.answer or {}).get("responding_country") or latest.counterpart_country
        if country:
            return country.upper(), Basis.TRACING_ANSWER
    diversion = history.diversion
    if diversion is not None:
        if diversion.kind == "after_export":
            if diversion.destination_country:
                return diversion.destination_country, Basis.DIVERSION
        else:
            return home, Basis.DIVERSION
    if history.ever_held_legally:
        return home, Basis.NATIONAL_REGISTRY
    for country, basis in ((item.country_of_import, Basis.LAST_IMPORT), (route_departure, Basis.ROUTE),
                           (item.country_of_manufacture, Basis.MANUFACTURE)):
        if country:
            return country.upper(), basis
    return "", None


def _seized_arms(year):
    qs = CaseItem.objects.filter(case__kind="seizure", item__category="firearm")
    if year:
        qs = qs.filter(case__occurred_on__year=year)
    return qs


def registry_flows(year=None, home=None) -> FlowTable:
    """Origin -> seizure country of the seized arms of `year` (every year when None). The table also says how each
    origin was established (`basis`: Counter of Basis) and how many arms have no known origin (`unknown`)."""
    home = home or get_profile().country
    lines = (_seized_arms(year).select_related("case", "item").order_by("pk")
             .prefetch_related(Prefetch("item__events", queryset=Event.objects.order_by("seq")),
                               "item__tracing_requests"))
    table = FlowTable()
    table.basis, table.unknown = Counter(), 0
    for line in lines.iterator(chunk_size=2000):
        item = line.item
        history = analyse_history(item, list(item.events.all()))
        country, basis = origin(item, history, list(item.tracing_requests.all()), line.case.route_departure, home)
        if country:
            table.add(country, home)
            table.basis[basis] += 1
        else:
            table.unknown += 1
    return table


def route_flows(year=None, home=None) -> FlowTable:
    """Country of departure -> country of destination (this country when not recorded) of the seized arms whose
    case records a route."""
    home = home or get_profile().country
    per_route = (_seized_arms(year).exclude(case__route_departure="")
                 .values_list("case__route_departure", "case__route_destination").annotate(n=Count("id")))
    return FlowTable((departure, destination or home, n) for departure, destination, n in per_route)
