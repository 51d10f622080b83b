"""Stocktake: count a depot's shelves, reconcile against the expected items, list missing and extra, alert."""

from armstrace.custody import services
from armstrace.custody.models import Alert, Stocktake
from armstrace.custody.services import Count, Place, parse_counts


def test_balanced_stocktake_raises_no_alert(seizure, depot):
    refs = [Count(f"#{ci.item_id}", "A1") for ci in seizure.items.all()]
    take = services.record_stocktake(depot, refs, counted_by="Insp. Otieno")
    assert (take.expected_count, take.counted_count, take.missing_count, take.extra_count) == (3, 3, 0, 0)
    assert take.balanced and not Alert.objects.exists()
    assert set(take.lines.values_list("result", flat=True)) == {"present"}


def test_missing_extra_misplaced_and_unknown_are_listed_and_alerted(seizure, glock, depot, lab, registry):
    from armstrace.registry import services as reg
    from armstrace.registry.models import FirearmModel

    items = {ci.item.category + (ci.item.serial_number or "x"): ci.item for ci in seizure.items.all()}
    part = items["partBRL-9"]
    # An item of another depot, counted here by mistake.
    other_depot = services.create_depot(code="DEP-2", name="North", shelves=["X"])
    model = FirearmModel.objects.filter(make__name="Glock").first()
    stray_case = services.record_case(services.CaseInput(
        occurred_on=seizure.occurred_on, place="Bus stop", depot=other_depot, received_by="Clerk",
        items=[services.CaseItemInput(new=reg.FirearmInput(serial_number="STRAY-7", make=model.make, model=model))]))
    stray = stray_case.items.get().item

    counts = parse_counts(f"""
        B1; {glock.serial_number}
        A1; STRAY-7
        A2; NO-SUCH-SERIAL
    """)
    take = services.record_stocktake(depot, counts, counted_by="Insp. Otieno")
    by_result = {}
    for line in take.lines.all():
        by_result.setdefault(line.result, []).append(line)
    assert [line.item for line in by_result["misplaced"]] == [glock]
    assert by_result["misplaced"][0].expected_shelf.code == "A1" and by_result["misplaced"][0].counted_shelf.code == "B1"
    assert {line.item for line in by_result["missing"]} == {part, items["firearmx"]}
    assert [line.item for line in by_result["extra"]] == [stray]
    assert [line.reference for line in by_result["unknown"]] == ["NO-SUCH-SERIAL"]
    assert (take.missing_count, take.extra_count, take.misplaced_count) == (2, 2, 1)
    alert = Alert.objects.get(stocktake=take)
    assert alert.depot == depot and "2 missing, 2 extra" in alert.message
    # the result is kept, and an item moved out is no longer expected at the next count
    services.move(part, Place(facility=lab), handed_over_by="A", received_by="B")
    take2 = services.record_stocktake(depot, [Count(glock.serial_number, "A1"), Count(f"#{items['firearmx'].pk}")])
    assert take2.expected_count == 2 and take2.balanced
    assert Stocktake.objects.filter(depot=depot).count() == 2


def test_stocktake_refusals(seizure, depot, glock):
    import pytest

    from armstrace.registry.services import RuleViolation

    with pytest.raises(RuleViolation) as exc:
        services.record_stocktake(depot, [Count(glock.serial_number, "Z9")])
    assert exc.value.code == "unknown_shelf"
    with pytest.raises(RuleViolation) as exc:
        services.record_stocktake(depot, [Count(glock.serial_number, "A1"), Count(f"#{glock.pk}", "A1")])
    assert exc.value.code == "counted_twice"
    assert not Stocktake.objects.exists()
