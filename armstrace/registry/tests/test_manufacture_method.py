"""The manufacture method is part of the item's own record: set by its registration or by the seizure of an
unregistered item, kept as a projection of its events (rebuilt equal), shown and filtered on."""

from datetime import date

import pytest

from armstrace.conftest import at
from armstrace.custody import services as custody
from armstrace.registry import services
from armstrace.registry.methods import MethodInput
from armstrace.registry.models import Event, Item, Make, ManufactureMethod
from armstrace.registry.projection import rebuild_projections

M = ManufactureMethod
# method -> (details given, IAFQ condition expected)
CASES = {
    M.FACTORY: ({}, "industrial"),
    M.CRAFT: ({"material": "steel pipe"}, "otherwise_illicit"),
    M.PRINTED: ({"printed": "full", "material": "PLA+", "evidence": "layer lines"}, "assembled"),
    M.CONVERTED: ({"converted_from": "alarm_blank", "evidence": "barrel bored out"}, "converted"),
    M.REACTIVATED: ({"evidence": "barrel plug removed"}, "reactivated"),
    M.ASSEMBLED: ({}, "assembled"),
    M.UNKNOWN: ({}, "unknown"),
}


def _check(item, method, details, condition):
    item.refresh_from_db()
    assert item.manufacture_method == method
    assert item.iafq_condition == condition
    assert item.method_material == details.get("material", "")
    assert item.method_evidence == details.get("evidence", "")
    assert item.method_variant == details.get("printed", details.get("converted_from", ""))
    first = Event.objects.filter(item=item).order_by("seq").first()
    assert first.payload["method"]["method"] == method  # the entry event records it, hash-chained
    assert rebuild_projections(write=False) == []


@pytest.mark.parametrize("method", list(CASES))
def test_each_method_at_registration(registry, method):
    details, condition = CASES[method]
    make = Make.objects.get(name="Glock")
    item = services.create_item(
        services.FirearmInput(serial_number=f"REG-{method}", make=make, firearm_type="pistol",
                              method=MethodInput(method, **details)),
        holder=registry.dealer, occurred_at=at(2020, 1, 1))
    _check(item, method, details, condition)


@pytest.mark.parametrize("method", list(CASES))
def test_each_method_at_seizure_of_an_unregistered_item(registry, method):
    details, condition = CASES[method]
    case = custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 1), place="Port", items=[custody.CaseItemInput(
            new=services.FirearmInput(serial_number="", firearm_type="pistol"),
            method=MethodInput(method, **details))]))
    line = case.items.get()
    _check(line.item, method, details, condition)
    assert line.condition == condition and line.get_item_condition_display()


def test_defaults_factory_when_registered_unknown_when_seized(registry, glock):
    glock.refresh_from_db()
    assert (glock.manufacture_method, glock.iafq_condition) == (M.FACTORY, "industrial")
    case = custody.record_case(custody.CaseInput(occurred_on=date(2024, 3, 1), place="Port", items=[
        custody.CaseItemInput(new=services.FirearmInput(serial_number="", firearm_type="rifle"))]))
    item = case.items.get().item
    assert (item.manufacture_method, item.iafq_condition) == (M.UNKNOWN, "unknown")


def test_a_legacy_condition_stands_for_a_method(registry):
    case = custody.record_case(custody.CaseInput(occurred_on=date(2024, 3, 1), place="Port", items=[
        custody.CaseItemInput(new=services.FirearmInput(serial_number="", firearm_type="rifle"), condition="modified")]))
    item = case.items.get().item
    assert (item.manufacture_method, item.method_variant, item.iafq_condition) == (M.CONVERTED, "other", "modified")


@pytest.mark.parametrize("given, field", [
    (MethodInput("laser"), "method"),
    (MethodInput(M.FACTORY, printed="full"), "printed"),
    (MethodInput(M.PRINTED, converted_from="gas"), "converted_from"),
])
def test_bad_methods_are_refused_by_field(registry, given, field):
    with pytest.raises(services.RuleViolation) as refused:
        services.create_item(services.FirearmInput(serial_number="X-1", make=Make.objects.get(name="Glock"),
                                                   firearm_type="pistol", method=given), holder=registry.dealer)
    assert refused.value.field == field
    assert not Item.objects.filter(serial_number="X-1").exists()


def test_registration_form_api_and_filters(registry, client, api_client, user):
    make = Make.objects.get(name="Glock")
    response = api_client.post("/api/items/", {
        "serial_number": "P3D-1", "make": make.pk, "firearm_type": "pistol", "holder": registry.dealer.pk,
        "method": {"method": "3d_printed", "printed": "essential_parts", "material": "PLA"}}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["manufacture_method"] == "3d_printed" and response.json()["method_variant"] == "essential_parts"
    bad = api_client.post("/api/items/", {"serial_number": "P3D-2", "make": make.pk, "firearm_type": "pistol",
                                          "holder": registry.dealer.pk, "method": {"method": "laser"}}, format="json")
    assert bad.status_code == 400 and "method" in str(bad.json())
    assert not Item.objects.filter(serial_number="P3D-2").exists()
    services.create_item(services.FirearmInput(serial_number="F-1", make=make, firearm_type="pistol"),
                         holder=registry.dealer)
    listed = api_client.get("/api/items/?manufacture_method=3d_printed").json()["results"]
    assert [i["serial_number"] for i in listed] == ["P3D-1"]
    client.force_login(user)
    page = client.get("/registry/items/?method=3d_printed").content.decode()
    assert "P3D-1" in page and "F-1" not in page
    detail = client.get(f"/registry/items/{listed[0]['id']}/").content.decode()
    assert "3D-printed" in detail and "PLA" in detail
