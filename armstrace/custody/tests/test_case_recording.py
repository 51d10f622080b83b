"""Recording a seizure, find or surrender of many items in one transaction, and its refusals."""

from datetime import date, timedelta

import pytest

from armstrace.custody import services
from armstrace.custody.models import CaseItem, CustodyPosition, SeizureCase
from armstrace.registry.models import Event, Item
from armstrace.registry.services import FirearmInput, RuleViolation


def test_seizure_records_all_items_parts_ammunition_and_persons(seizure, glock):
    assert seizure.items.count() == 3 and seizure.ammunition.get().quantity == 50
    assert seizure.persons.get().arrested is True
    glock.refresh_from_db()
    assert glock.status == "seized" and glock.current_holder is None
    assert glock.location == "DEP-1 Central evidence depot / A1"
    kinds = list(glock.events.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["registered", "seized", "custody_moved"]
    seized = glock.events.get(kind="seized")
    assert seized.payload["case"] == "SZ-TEST-1" and seized.payload["location"] == "Harbour gate 4"
    printed = seizure.items.get(marking_status="no_marking").item
    assert printed.status == "seized" and printed.serial_number == "" and not printed.markings.exists()
    assert seizure.items.get(item__category="part").was_registered is False
    assert seizure.items.get(item=glock).was_registered is True
    assert CustodyPosition.objects.filter(depot__code="DEP-1", shelf__code="A1").count() == 3


def test_found_and_surrendered_items_get_their_own_event_kind(registry, glock):
    found = services.record_case(services.CaseInput(
        occurred_on=date(2024, 1, 2), kind="found", place="Roadside",
        items=[services.CaseItemInput(new=FirearmInput(serial_number="ZZ1", firearm_type="rifle"))]))
    surrendered = services.record_case(services.CaseInput(
        occurred_on=date(2024, 1, 3), kind="surrender", place="Police station",
        items=[services.CaseItemInput(item=glock)]))
    assert found.number.startswith("FD-2024-") and surrendered.number.startswith("SR-2024-")
    assert found.items.get().item.events.get().kind == "found"
    glock.refresh_from_db()
    assert glock.status == "surrendered"


def _case(**kw):
    base = dict(occurred_on=date(2024, 3, 5), place="Market",
                items=[services.CaseItemInput(new=FirearmInput(serial_number="", firearm_type="pistol"))])
    base.update(kw)
    return services.CaseInput(**base)


@pytest.mark.parametrize("kw, code", [
    ({"items": [], "ammunition": []}, "empty_case"),
    ({"kind": "theft"}, "bad_kind"),
    ({"occurred_on": date.today() + timedelta(days=3)}, "future_date"),
    ({"location_type": "moon"}, "bad_location_type"),
    ({"legal_justification": "whim"}, "bad_justification"),
    ({"suspected_offences": ["jaywalking"]}, "bad_offence"),
    ({"route_departure": "XXX"}, "bad_country"),
    ({"route_transit": ["KEN", "ZZZ"]}, "bad_country"),
    ({"ammunition": [services.AmmunitionInput(quantity=0)]}, "bad_quantity"),
    ({"items": [services.CaseItemInput()]}, "bad_case_item"),
    ({"items": [services.CaseItemInput(new=FirearmInput(serial_number="A"), condition="shiny")]}, "bad_case_item"),
    ({"items": [services.CaseItemInput(new=FirearmInput(serial_number="", category="ammunition"))]}, "bad_case_item"),
    ({"received_by": "Clerk"}, "depot_required"),
])
def test_case_refusals(registry, kw, code):
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(**kw))
    assert exc.value.code == code
    assert not SeizureCase.objects.exists() and not Item.objects.filter(status="seized").exists()


def test_depot_without_receiver_is_refused(registry, depot):
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(depot=depot))
    assert exc.value.code == "receiver_required"


def test_duplicate_case_number_and_duplicate_item_are_refused(seizure, glock, registry):
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(number="SZ-TEST-1"))
    assert exc.value.code == "duplicate_case"
    from armstrace.registry.services import create_item

    other = create_item(FirearmInput(serial_number="Q-1", make=glock.make, model=glock.model),
                                 holder=registry.alice)
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(items=[services.CaseItemInput(item=other), services.CaseItemInput(item=other)]))
    assert exc.value.code == "duplicate_item"


def test_whole_case_rolls_back_when_one_item_is_refused(registry, glock):
    """The glock is destroyed: the registry refuses to seize it, and nothing of the case remains."""
    from armstrace.registry import services as reg

    reg.destroy(glock, method="crushing")
    events_before = Event.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(items=[
            services.CaseItemInput(new=FirearmInput(serial_number="NEW-1", firearm_type="rifle")),
            services.CaseItemInput(item=glock),
        ]))
    assert exc.value.code == "destroyed"
    assert Event.objects.count() == events_before
    assert not SeizureCase.objects.exists() and not CaseItem.objects.exists()
    assert not Item.objects.filter(serial_number="NEW-1").exists()


def test_an_item_already_in_custody_cannot_enter_another_case(seizure, glock):
    """The glock (seized, in DEP-1) cannot be seized again in a second case: it would be in two places."""
    with pytest.raises(RuleViolation) as exc:
        services.record_case(_case(items=[services.CaseItemInput(item=glock)]))
    assert exc.value.code == "already_in_custody"
    assert CustodyPosition.objects.filter(item=glock).count() == 1
