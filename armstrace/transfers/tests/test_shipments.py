"""Shipments drawn down against authorizations; over-shipment and expiry refused; receipt confirmation."""

from datetime import date, timedelta

import pytest

from armstrace.registry import services as reg
from armstrace.registry.models import Event, FirearmModel, Item
from armstrace.registry.services import RuleViolation
from armstrace.transfers import services
from armstrace.transfers.models import Authorization, Shipment
from armstrace.transfers.tests.conftest import auth_input

TODAY = date.today()


def _pistols(auth):
    return auth.lines.get(description="Pistols, 9 mm")


def _rounds(auth):
    return auth.lines.get(category="ammunition")


def test_quantities_are_drawn_down(export_auth):
    services.record_shipment(export_auth, shipped_on=TODAY, lines=[services.ShipmentLineInput(_rounds(export_auth), 600)])
    services.record_shipment(export_auth, shipped_on=TODAY, lines=[services.ShipmentLineInput(_rounds(export_auth), 400)])
    assert _rounds(export_auth).remaining == 0 and _pistols(export_auth).remaining == 3
    assert Authorization.objects.get(pk=export_auth.pk).quantity_remaining == 3


def test_over_shipment_is_refused_with_a_clear_reason(export_auth):
    services.record_shipment(export_auth, shipped_on=TODAY, lines=[services.ShipmentLineInput(_rounds(export_auth), 900)])
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(export_auth, shipped_on=TODAY,
                                 lines=[services.ShipmentLineInput(_rounds(export_auth), 101)])
    assert exc.value.code == "over_shipment"
    assert "only 100 remain" in exc.value.message and "EXP-1" in exc.value.message
    assert Shipment.objects.count() == 1 and _rounds(export_auth).remaining == 100


def test_expired_revoked_and_not_yet_valid_authorizations_are_refused(registry):
    old = services.issue_authorization(auth_input(number="OLD", issued_on=TODAY - timedelta(days=100),
                                                  expires_on=TODAY - timedelta(days=1)))
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(old, shipped_on=TODAY, lines=[services.ShipmentLineInput(_rounds(old), 1)])
    assert exc.value.code == "authorization_expired" and "expired on" in exc.value.message
    # shipping on the last valid day is allowed
    services.record_shipment(old, shipped_on=TODAY - timedelta(days=1), lines=[services.ShipmentLineInput(_rounds(old), 1)])
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(old, shipped_on=TODAY - timedelta(days=101),
                                 lines=[services.ShipmentLineInput(_rounds(old), 1)])
    assert exc.value.code == "not_yet_valid"
    services.revoke(old)
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(old, shipped_on=TODAY - timedelta(days=2),
                                 lines=[services.ShipmentLineInput(_rounds(old), 1)])
    assert exc.value.code == "authorization_revoked"


def test_shipment_refusals(export_auth, registry):
    other = services.issue_authorization(auth_input(number="EXP-2"))
    cases = [
        ({"lines": []}, "empty_shipment"),
        ({"lines": [services.ShipmentLineInput(_rounds(other), 1)]}, "bad_line"),
        ({"lines": [services.ShipmentLineInput(_rounds(export_auth), 1)] * 2}, "bad_line"),
        ({"lines": [services.ShipmentLineInput(_rounds(export_auth), 0)]}, "bad_quantity"),
        ({"lines": [services.ShipmentLineInput(_rounds(export_auth), 1)], "shipped_on": TODAY + timedelta(days=1)},
         "future_date"),
        ({"lines": [services.ShipmentLineInput(_pistols(export_auth), 0,
                                               new_items=[reg.FirearmInput(serial_number="N1")])]}, "export_new_items"),
    ]
    for kw, code in cases:
        args = {"shipped_on": TODAY, **kw}
        with pytest.raises(RuleViolation) as exc:
            services.record_shipment(export_auth, **args)
        assert exc.value.code == code, kw
    assert not Shipment.objects.exists()


def _glocks(registry, n):
    model = FirearmModel.objects.get(make__name="Glock", name__in=["G17", "Glock 17"])
    return [reg.create_item(reg.FirearmInput(serial_number=f"EXP-G{i}", make=model.make, model=model),
                            holder=registry.dealer, occurred_at=reg.as_datetime(TODAY - timedelta(days=200)))
            for i in range(n)]


def test_exported_items_leave_the_registry_and_count_against_the_line(export_auth, registry):
    g = _glocks(registry, 4)
    shipment = services.record_shipment(export_auth, shipped_on=TODAY, reference="AWB 123",
                                        lines=[services.ShipmentLineInput(_pistols(export_auth), items=g[:2])])
    for item in g[:2]:
        item.refresh_from_db()
        assert item.status == "exported" and item.current_holder is None
        ev = item.events.get(kind="exported")
        assert ev.payload["authorization"] == "EXP-1" and ev.payload["destination_country"] == "UGA"
    assert list(shipment.lines.get().items.order_by("pk")) == g[:2]
    assert _pistols(export_auth).remaining == 1
    with pytest.raises(RuleViolation) as exc:  # 2 more pistols on a line with 1 left
        services.record_shipment(export_auth, shipped_on=TODAY,
                                 lines=[services.ShipmentLineInput(_pistols(export_auth), items=g[2:])])
    assert exc.value.code == "over_shipment"
    g[2].refresh_from_db()
    assert g[2].status == "active"
    with pytest.raises(RuleViolation) as exc:  # already exported: registry refuses
        services.record_shipment(export_auth, shipped_on=TODAY,
                                 lines=[services.ShipmentLineInput(_pistols(export_auth), items=g[:1])])
    assert exc.value.code == "bad_status"
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(export_auth, shipped_on=TODAY,
                                 lines=[services.ShipmentLineInput(_pistols(export_auth), quantity=2, items=g[2:3])])
    assert exc.value.code == "quantity_mismatch"


def test_import_enters_new_items_and_reimports_exported_ones(registry):
    g = _glocks(registry, 1)[0]
    reg.export_item(g, destination_country="UGA", occurred_at=reg.as_datetime(TODAY - timedelta(days=100)))
    imp = services.issue_authorization(auth_input(
        kind="import", number="IMP-1", export_country="UGA", import_country="KEN", transit_countries=[],
        final_recipient="Metro Firearms", importer_party=registry.dealer,
        lines=[services.LineInput("Pistols", 5, firearm_type="pistol")]))
    model = g.model
    services.record_shipment(imp, shipped_on=TODAY, lines=[services.ShipmentLineInput(
        imp.lines.get(), items=[g], new_items=[reg.FirearmInput(serial_number="NEW-IMP-1", make=model.make,
                                                                model=model)])])
    g.refresh_from_db()
    assert g.status == "active" and g.current_holder == registry.dealer
    new = Item.objects.get(serial_number="NEW-IMP-1")
    assert new.current_holder == registry.dealer and new.events.get().kind == "imported"
    assert new.country_of_import == "UGA" and imp.lines.get().remaining == 3


def test_transit_is_quantities_only(registry):
    tr = services.issue_authorization(auth_input(kind="transit", number="TR-1", export_country="UGA",
                                                 import_country="TZA", transit_countries=["KEN"]))
    g = _glocks(registry, 1)
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(tr, shipped_on=TODAY, lines=[services.ShipmentLineInput(_pistols(tr), items=g)])
    assert exc.value.code == "transit_items"
    before = Event.objects.count()
    services.record_shipment(tr, shipped_on=TODAY, lines=[services.ShipmentLineInput(_pistols(tr), 3)])
    assert Event.objects.count() == before and _pistols(tr).remaining == 0


def test_import_of_new_items_needs_a_registered_importer(registry):
    imp = services.issue_authorization(auth_input(kind="import", number="IMP-2", export_country="UGA",
                                                  import_country="KEN"))
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(imp, shipped_on=TODAY, lines=[services.ShipmentLineInput(
            _pistols(imp), new_items=[reg.FirearmInput(serial_number="Z1")])])
    assert exc.value.code == "importer_required"
    assert not Item.objects.filter(serial_number="Z1").exists() and not Shipment.objects.exists()


def test_importer_confirms_receipt_once(export_auth):
    s = services.record_shipment(export_auth, shipped_on=TODAY - timedelta(days=5),
                                 lines=[services.ShipmentLineInput(_rounds(export_auth), 10)])
    with pytest.raises(RuleViolation) as exc:
        services.confirm_receipt(s, received_on=TODAY - timedelta(days=6), received_by="UPF armourer")
    assert exc.value.code == "before_shipment"
    with pytest.raises(RuleViolation) as exc:
        services.confirm_receipt(s, received_on=TODAY, received_by="")
    assert exc.value.code == "receiver_required"
    with pytest.raises(RuleViolation) as exc:
        services.confirm_receipt(s, received_on=TODAY + timedelta(days=2), received_by="X")
    assert exc.value.code == "future_date"
    services.confirm_receipt(s, received_on=TODAY, received_by="UPF armourer", reference="DVC-77")
    s.refresh_from_db()
    assert s.confirmed and s.received_by == "UPF armourer" and s.receipt_reference == "DVC-77"
    with pytest.raises(RuleViolation) as exc:
        services.confirm_receipt(s, received_on=TODAY, received_by="Y")
    assert exc.value.code == "already_confirmed"


def test_broker_registration_is_checked_at_shipment(registry, broker):
    from armstrace.transfers.models import BrokerRegistration

    a = services.issue_authorization(auth_input(broker=broker))
    BrokerRegistration.objects.filter(party=broker).update(status="suspended")
    with pytest.raises(RuleViolation) as exc:
        services.record_shipment(a, shipped_on=TODAY, lines=[services.ShipmentLineInput(_rounds(a), 1)])
    assert exc.value.code == "broker_not_registered"
