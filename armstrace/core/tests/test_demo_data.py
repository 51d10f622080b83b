"""The demo shows every part working: depots and a laboratory with items in them, tracing requests in each state
(one overdue), cases with agencies and clean place names."""

import pytest
from django.utils import timezone

from armstrace.demo import generate_demo


@pytest.fixture
def demo(db):
    from armstrace.registry.reference import load_reference_data, sync_agencies

    load_reference_data()
    sync_agencies()
    generate_demo(30, seed=3)


def test_depots_and_laboratory_hold_items(demo):
    from armstrace.custody.models import CustodyPosition, Depot, Facility

    depots = Depot.objects.all()
    assert depots.count() >= 2 and all(d.locations.exists() for d in depots)
    on_shelves = CustodyPosition.objects.filter(depot__isnull=False, shelf__isnull=False)
    assert on_shelves.count() >= 2 and {p.depot_id for p in on_shelves}
    laboratory = Facility.objects.get(kind=Facility.Kind.LABORATORY)
    assert CustodyPosition.objects.filter(facility=laboratory).count() >= 1


def test_tracing_requests_in_each_state_and_one_overdue(demo):
    from armstrace.tracing import services as tracing
    from armstrace.tracing.models import RequestStatus, TracingRequest

    assert set(TracingRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    overdue = list(tracing.overdue(timezone.localdate()))
    assert len(overdue) >= 1 and all(r.due_date < timezone.localdate() for r in overdue)
    assert TracingRequest.objects.filter(direction=TracingRequest.Direction.INCOMING).exists()


def test_cases_have_agencies_and_clean_places(demo):
    from armstrace.custody.models import SeizureCase

    cases = list(SeizureCase.objects.all())
    assert cases
    assert all(c.agency_id for c in cases), [c.number for c in cases if not c.agency_id]
    assert all(c.place and c.admin_area and c.place != c.admin_area for c in cases)
    customs = [c for c in cases if c.location_type in ("land_border", "airport", "harbour")]
    assert all(c.agency.kind == "customs" for c in customs)
