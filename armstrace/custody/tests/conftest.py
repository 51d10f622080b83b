"""Custody fixtures: a depot with shelves, a laboratory, a court, and a recorded seizure of three items."""

from datetime import date

import pytest


@pytest.fixture
def depot(registry):
    from armstrace.custody import services

    return services.create_depot(code="DEP-1", name="Central evidence depot", shelves=["A1", "A2", "B1"])


@pytest.fixture
def lab(db):
    from armstrace.custody.models import Facility

    return Facility.objects.create(kind=Facility.Kind.LABORATORY, name="National forensic laboratory")


@pytest.fixture
def court(db):
    from armstrace.custody.models import Facility

    return Facility.objects.create(kind=Facility.Kind.COURT, name="High Court")


@pytest.fixture
def seizure(registry, glock, depot):
    """A seizure of the registered Glock, an unmarked 3D-printed pistol and a barrel, plus 50 rounds, into DEP-1/A1."""
    from armstrace.custody import services
    from armstrace.custody.models import CaseItem
    from armstrace.registry.models import Calibre, Item
    from armstrace.registry.services import FirearmInput

    shelf = depot.locations.get(code="A1")
    return services.record_case(services.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", number="SZ-TEST-1", place="Harbour gate 4", admin_area="Coast",
        location_type="harbour", legal_justification="illicit_trafficking",
        suspected_offences=["drug_trafficking", "organised_crime"], route_departure="NGA", route_transit=["GHA"],
        route_destination="KEN",
        items=[
            services.CaseItemInput(item=glock),
            services.CaseItemInput(new=FirearmInput(serial_number="", firearm_type="pistol",
                                                    description="3D-printed polymer pistol"),
                                   condition=CaseItem.Condition.ASSEMBLED,
                                   marking_status=CaseItem.MarkingStatus.NO_MARKING),
            services.CaseItemInput(new=FirearmInput(serial_number="BRL-9", category=Item.Category.PART,
                                                    part_kind=Item.PartKind.BARREL)),
        ],
        ammunition=[services.AmmunitionInput(quantity=50, calibre=Calibre.objects.first())],
        persons=[services.PersonInput(name="J. Doe", role="suspect", nationality="KEN", sex="male", age=31,
                                      arrested=True)],
        depot=depot, shelf=shelf, handed_over_by="Sgt. Mwangi", received_by="Depot clerk Achieng",
    ))
