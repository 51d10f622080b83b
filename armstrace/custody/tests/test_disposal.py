"""Disposal of items in custody: destruction, deactivation, return to owner, and their refusals."""

from datetime import date, timedelta

import pytest

from armstrace.custody import services
from armstrace.custody.models import CustodyPosition, Disposal
from armstrace.custody.services import Place
from armstrace.registry.services import RuleViolation


def test_destruction_with_method_date_and_witnesses_ends_custody(seizure, glock):
    d = services.destroy(glock, method="Cutting torch", on=date.today(), witnesses=["Judge A", "Inspector B", ""])
    glock.refresh_from_db()
    assert glock.status == "destroyed" and d.witnesses == ["Judge A", "Inspector B"]
    assert d.event.payload["method"] == "Cutting torch" and d.case == seizure
    assert not CustodyPosition.objects.filter(item=glock).exists()
    with pytest.raises(RuleViolation) as exc:
        services.move(glock, Place(label="Anywhere"), handed_over_by="A", received_by="B")
    assert exc.value.code == "not_in_custody"


def test_deactivation_keeps_the_item_in_custody(seizure, glock):
    d = services.deactivate(glock, standard="EU 2015/2403", certificate_number="DEACT-42", on=date.today())
    glock.refresh_from_db()
    assert glock.status == "deactivated" and d.certificate_number == "DEACT-42"
    assert CustodyPosition.objects.filter(item=glock).exists()


def test_return_to_owner_gives_the_item_back(seizure, glock, registry):
    d = services.return_to_owner(glock, owner=registry.alice, on=date.today(), handed_over_by="Clerk")
    glock.refresh_from_db()
    assert glock.status == "active" and glock.current_holder == registry.alice
    assert d.event.kind == "returned_to_owner" and not CustodyPosition.objects.filter(item=glock).exists()


def test_return_to_a_person_does_not_copy_the_home_address_into_the_item(seizure, glock, registry):
    registry.alice.address = "12 Home Street"
    registry.alice.save()
    d = services.return_to_owner(glock, owner=registry.alice, on=date.today())
    glock.refresh_from_db()
    assert "Home Street" not in glock.location and "Home Street" not in str(d.event.payload)


@pytest.mark.parametrize("call, code", [
    (lambda g, r: services.destroy(g, method="", on=date.today(), witnesses=["W"]), "method_required"),
    (lambda g, r: services.destroy(g, method="Crush", on=date.today(), witnesses=[]), "witnesses_required"),
    (lambda g, r: services.deactivate(g, standard="", certificate_number="C", on=date.today()), "standard_required"),
    (lambda g, r: services.deactivate(g, standard="S", certificate_number="", on=date.today()),
     "certificate_required"),
    (lambda g, r: services.return_to_owner(g, owner=None, on=date.today()), "owner_required"),
    (lambda g, r: services.return_to_owner(g, owner=r.unlicensed, on=date.today()), "no_valid_licence"),
    (lambda g, r: services.destroy(g, method="Crush", on=date.today() + timedelta(days=2), witnesses=["W"]),
     "future_date"),
])
def test_disposal_refusals(seizure, glock, registry, call, code):
    with pytest.raises(RuleViolation) as exc:
        call(glock, registry)
    assert exc.value.code == code
    glock.refresh_from_db()
    assert glock.status == "seized" and not Disposal.objects.exists()


def test_item_not_in_custody_cannot_be_disposed_of(glock):
    with pytest.raises(RuleViolation) as exc:
        services.destroy(glock, method="Crush", on=date.today(), witnesses=["W"])
    assert exc.value.code == "not_in_custody"
