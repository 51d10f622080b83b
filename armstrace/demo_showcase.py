"""What the demo adds so that every part can be seen working: evidence depots with shelves and a forensic
laboratory holding seized items, and tracing requests in each state (one of them overdue).

Everything goes through the services, as in demo.py."""

from datetime import timedelta

from django.utils import timezone

from armstrace.accounts.models import Agency
from armstrace.custody import services as custody
from armstrace.custody.models import CustodyPosition, Depot, Facility
from armstrace.registry.models import Item
from armstrace.tracing import services as tracing
from armstrace.tracing.models import TracingRequest
from armstrace.tracing.status import TracingStatus

DEPOTS = [("DEP-CAP", "Central evidence store", "Capital City", ["A1", "A2", "B1"]),
          ("DEP-PRT", "Harbour evidence store", "Port Town", ["S1", "S2"])]
LABORATORY = "National Forensic Laboratory"
OFFICERS = ["Sgt. Achieng", "Cpl. Mutua", "Insp. Wafula", "Officer Njeri"]
# The place of a case by its location type: a spot inside the administrative area, never the area again.
SPOTS = {"national_territory": ["Market Street", "Bus station", "Main road checkpoint", "River Road", "Industrial area"],
         "land_border": ["Border post"], "airport": ["Airport cargo terminal"], "harbour": ["Container terminal"]}
SEIZING_AGENCY_KINDS = {"land_border": "customs", "airport": "customs", "harbour": "customs"}


def make_depots():
    """The demo's depots (with shelves) and laboratory; existing ones are reused."""
    depots = []
    for code, name, area, shelves in DEPOTS:
        depot = Depot.objects.filter(code=code).first() or custody.create_depot(
            code=code, name=name, shelves=shelves, admin_area=area, agency=Agency.objects.filter(kind="police").first())
        depots.append(depot)
    laboratory, _created = Facility.objects.get_or_create(name=LABORATORY, defaults={
        "kind": Facility.Kind.LABORATORY, "address": "Forensic Science Road, Capital City"})
    return depots, laboratory


def case_place(rng, location_type):
    return rng.choice(SPOTS.get(location_type, SPOTS["national_territory"]))


def seizing_agency(location_type):
    return Agency.objects.filter(kind=SEIZING_AGENCY_KINDS.get(location_type, "police")).first()


def intake(rng, depots):
    """Where a case's items go: (depot, shelf, handed over by, received by)."""
    depot = rng.choice(depots)
    shelf = rng.choice(list(depot.locations.all()) or [None])
    return depot, shelf, rng.choice(OFFICERS), "Evidence officer"


def send_some_to_the_laboratory(rng, laboratory, n=3):
    """Move a few items from the depots' shelves to the laboratory for examination."""
    positions = list(CustodyPosition.objects.filter(depot__isnull=False).select_related("item").order_by("pk")[:n])
    for position in positions:
        custody.move(position.item, custody.Place(facility=laboratory), handed_over_by=rng.choice(OFFICERS),
                     received_by="Dr. Wekesa", purpose="Ballistic examination")


def _request_for(item, direction=TracingRequest.Direction.OUTGOING):
    data = tracing.prefill_from_item(item)
    data.update(direction=direction, counterpart_country=data["counterpart_country"] or "UGA",
                reason_illicit="Recovered in a criminal case", intended_use="Criminal investigation",
                point_of_contact="tracing-desk@police.example", requesting_authority=data["requesting_authority"]
                or "National Police")
    return tracing.create_request(data, item=item)


def make_tracing_requests():
    """Requests in each state: draft, sent (one overdue), acknowledged, answered, closed, and an incoming one."""
    items = list(Item.objects.filter(custody_position__isnull=False).order_by("pk")[:7]) or \
        list(Item.objects.order_by("pk")[:7])
    if not items:
        return []
    now = timezone.now()
    pick = (items[i % len(items)] for i in range(7))
    requests = [_request_for(next(pick))]                                                   # draft
    requests.append(tracing.send(_request_for(next(pick)), at=now - timedelta(days=5)))    # sent, not yet due
    requests.append(tracing.send(_request_for(next(pick)), at=now - timedelta(days=75)))   # sent and overdue
    acknowledged = tracing.send(_request_for(next(pick)), at=now - timedelta(days=12))
    requests.append(tracing.acknowledge(acknowledged, at=now - timedelta(days=9)))
    answered = tracing.send(_request_for(next(pick)), at=now - timedelta(days=90))
    answer = {"outcome": TracingStatus.POINT_OF_DIVERSION, "responding_authority": "Central Firearms Registry",
              "answered_on": (now - timedelta(days=60)).date().isoformat(),
              "findings": {"last_known_holder": "Exported to a licensed dealer in 2016"}}
    requests.append(tracing.record_answer(answered, answer, at=now - timedelta(days=60)))
    closed = tracing.send(_request_for(next(pick)), at=now - timedelta(days=200))
    requests.append(tracing.close(closed, note="The counterpart has no record of the weapon", at=now - timedelta(days=100)))
    incoming = _request_for(next(pick), direction=TracingRequest.Direction.INCOMING)
    requests.append(tracing.send(incoming, at=now - timedelta(days=3)))
    return requests
