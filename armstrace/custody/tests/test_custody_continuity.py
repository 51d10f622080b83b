"""Chain of custody: every movement is an event; an item is in one place; a movement starts where the item is."""

from datetime import timedelta

import pytest
from django.utils import timezone

from armstrace.custody import services
from armstrace.custody.models import CustodyMovement, CustodyPosition
from armstrace.custody.services import Place
from armstrace.registry.services import RuleViolation


@pytest.fixture
def glock_case(seizure, glock):
    return seizure, glock


def test_lab_and_court_round_trip_is_a_chain_of_events(glock_case, depot, lab, court):
    case, glock = glock_case
    a1 = depot.locations.get(code="A1")
    t = timezone.now() - timedelta(days=10)
    services.move(glock, Place(facility=lab), from_place=Place(depot=depot, shelf=a1), handed_over_by="Clerk",
                  received_by="Dr Njeri", moved_at=t, purpose="Ballistics")
    services.move(glock, Place(depot=depot, shelf=depot.locations.get(code="B1")), handed_over_by="Dr Njeri",
                  received_by="Clerk", moved_at=t + timedelta(days=2))
    services.move(glock, Place(facility=court), handed_over_by="Clerk", received_by="Court registrar",
                  moved_at=t + timedelta(days=5))
    glock.refresh_from_db()
    assert glock.location == "Court: High Court"
    moves = list(CustodyMovement.objects.filter(item=glock).order_by("moved_at", "id"))
    assert [m.purpose for m in moves][:2] == ["Intake", "Ballistics"]
    assert [(m.handed_over_by, m.received_by) for m in moves[1:]] == [
        ("Clerk", "Dr Njeri"), ("Dr Njeri", "Clerk"), ("Clerk", "Court registrar")]
    # each link starts where the previous one ended
    for before, after in zip(moves, moves[1:]):
        assert Place.of_movement_to(before).key() == (after.from_depot_id, after.from_shelf_id, after.from_facility_id,
                                                      after.from_label.casefold())
    events = glock.events.filter(kind="custody_moved").order_by("seq")
    assert events.count() == 4 and [m.event_id for m in moves] == list(events.values_list("id", flat=True))
    assert events.last().payload["received_by"] == "Court registrar"
    assert CustodyPosition.objects.filter(item=glock).count() == 1
    assert CustodyPosition.objects.get(item=glock).facility == court


def test_movement_cannot_start_where_the_item_is_not(glock_case, depot, lab):
    case, glock = glock_case
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(depot=depot), from_place=Place(facility=lab), handed_over_by="A", received_by="B")
    assert exc.value.code == "not_there"
    with pytest.raises(RuleViolation) as exc:  # right depot, wrong shelf
        services.move(glock, Place(facility=lab), from_place=Place(depot=depot, shelf=depot.locations.get(code="A2")),
                      handed_over_by="A", received_by="B")
    assert exc.value.code == "not_there"
    glock.refresh_from_db()
    assert glock.location.endswith("/ A1")
    assert not CustodyMovement.objects.filter(item=glock, to_facility=lab).exists()


def test_item_cannot_be_in_two_places(glock_case, depot, lab, court):
    """Two movements from the depot: once the item went to the lab, it is no longer in the depot to go to court."""
    case, glock = glock_case
    services.move(glock, Place(facility=lab), from_place=Place(depot=depot), handed_over_by="A", received_by="B")
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(facility=court), from_place=Place(depot=depot), handed_over_by="A", received_by="C")
    assert exc.value.code == "not_there"
    assert CustodyPosition.objects.filter(item=glock).count() == 1
    assert CustodyPosition.objects.get(item=glock).facility == lab


def test_moving_to_where_the_item_is_is_refused(glock_case, depot):
    case, glock = glock_case
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(depot=depot, shelf=depot.locations.get(code="A1")), handed_over_by="A",
                      received_by="B")
    assert exc.value.code == "same_place"


def test_item_not_in_custody_cannot_move(registry, depot, lab):
    from armstrace.registry import services as reg
    from armstrace.registry.models import FirearmModel

    model = FirearmModel.objects.filter(make__name="Glock").first()
    held = reg.create_item(reg.FirearmInput(serial_number="HELD-1", make=model.make, model=model),
                           holder=registry.alice)
    with pytest.raises(RuleViolation) as exc:
        services.move(held, Place(facility=lab), handed_over_by="A", received_by="B")
    assert exc.value.code == "not_in_custody"


@pytest.mark.parametrize("kw, code", [
    ({"handed_over_by": ""}, "handover_required"),
    ({"received_by": "  "}, "receiver_required"),
    ({"to": Place()}, "bad_place"),
])
def test_movement_refusals(glock_case, kw, code):
    case, glock = glock_case
    args = {"to": Place(label="Prosecutor's office"), "handed_over_by": "A", "received_by": "B", **kw}
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, args.pop("to"), **args)
    assert exc.value.code == code


def test_shelf_of_another_depot_and_backdated_movement_are_refused(glock_case, depot, lab):
    case, glock = glock_case
    other = services.create_depot(code="DEP-2", name="North", shelves=["X"])
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(depot=depot, shelf=other.locations.get()), handed_over_by="A", received_by="B")
    assert exc.value.code == "bad_shelf"
    services.move(glock, Place(facility=lab), handed_over_by="A", received_by="B")
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(depot=depot), handed_over_by="B", received_by="A",
                      moved_at=timezone.now() - timedelta(days=1))
    assert exc.value.code in ("out_of_order",)


def test_concurrent_view_of_position_is_the_projection(glock_case, lab):
    """The item's location projection (rebuilt from events alone) equals the custody position."""
    from armstrace.registry.projection import rebuild_projections

    case, glock = glock_case
    services.move(glock, Place(facility=lab), handed_over_by="A", received_by="B")
    assert rebuild_projections(write=False) == []
    glock.refresh_from_db()
    assert glock.location == services.position_of(glock).text
