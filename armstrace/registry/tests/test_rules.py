"""Each registry rule refuses what it must, with a stable code, and leaves nothing behind."""

import dataclasses
from datetime import date, timedelta

import pytest
from django.utils import timezone

from armstrace.conftest import at
from armstrace.profile import get_profile
from armstrace.registry import services
from armstrace.registry.models import Event, FirearmModel, Item, Licence


def refused(code, call):
    before = Event.objects.count()
    with pytest.raises(services.RuleViolation) as exc:
        call()
    assert exc.value.code == code, exc.value.message
    assert Event.objects.count() == before
    return exc.value


def test_recipient_without_licence_is_refused(registry, glock):
    exc = refused("no_valid_licence", lambda: services.transfer(glock, registry.unlicensed, occurred_at=at(2016, 1, 1)))
    assert "Carol Unlicensed" in exc.message and exc.field == "holder"
    assert Item.objects.get(pk=glock.pk).current_holder == registry.dealer


@pytest.mark.parametrize("licence", [
    {"status": Licence.Status.SUSPENDED},
    {"status": Licence.Status.REVOKED},
    {"valid_from": date(2000, 1, 1), "valid_until": date(2015, 12, 31)},
    {"valid_from": date(2017, 1, 1), "valid_until": date(2030, 1, 1)},
])
def test_licence_must_be_valid_on_the_day_of_transfer(registry, glock, licence):
    dan = registry.party("person", "Dan", "ID-DAN", **licence)
    refused("no_valid_licence", lambda: services.transfer(glock, dan, occurred_at=at(2016, 6, 1)))


def test_licence_type_must_allow_acquisition(registry, glock):
    carrier = registry.party("person", "Eve", "ID-EVE", licence_type="CARRY")
    refused("no_valid_licence", lambda: services.transfer(glock, carrier, occurred_at=at(2016, 6, 1)))


def test_state_agency_needs_no_licence(registry, glock):
    services.transfer(glock, registry.police, occurred_at=at(2016, 6, 1))
    assert Item.objects.get(pk=glock.pk).current_holder == registry.police


def test_profile_can_waive_the_licence_rule(registry, glock, monkeypatch):
    relaxed = dataclasses.replace(get_profile(), transfers_require_licence=False)
    monkeypatch.setattr(services, "get_profile", lambda: relaxed)
    services.transfer(glock, registry.unlicensed, occurred_at=at(2016, 6, 1))
    assert Item.objects.get(pk=glock.pk).current_holder == registry.unlicensed


def test_destroyed_item_accepts_no_more_events(registry, glock):
    services.take_into_custody(glock, "surrendered", occurred_at=at(2016, 1, 1))
    services.destroy(glock, method="cutting", occurred_at=at(2016, 2, 1))
    for call in (
        lambda: services.transfer(glock, registry.alice),
        lambda: services.report_missing(glock, "theft_reported"),
        lambda: services.take_into_custody(glock, "seized"),
        lambda: services.add_marking(glock, services.MarkingInput("proof", "X")),
        lambda: services.deactivate(glock, standard="EU 2018/337", certificate_number="C1"),
        lambda: services.destroy(glock, method="again"),
    ):
        refused("destroyed", call)
    services.correct(glock, fields={"location": "Central destruction facility"}, reason="place was missing")
    assert Item.objects.get(pk=glock.pk).location == "Central destruction facility"


def test_stolen_item_cannot_be_transferred(registry, glock):
    services.report_missing(glock, "theft_reported", occurred_at=at(2016, 1, 1))
    refused("bad_status", lambda: services.transfer(glock, registry.alice, occurred_at=at(2016, 2, 1)))


def test_found_needs_a_missing_or_exported_item_and_surrender_a_held_one(registry, glock):
    services.take_into_custody(glock, "seized", occurred_at=at(2016, 1, 1))
    refused("bad_status", lambda: services.take_into_custody(glock, "found", occurred_at=at(2016, 2, 1)))
    refused("bad_status", lambda: services.take_into_custody(glock, "surrendered", occurred_at=at(2016, 2, 1)))
    refused("bad_status", lambda: services.take_into_custody(glock, "seized", occurred_at=at(2016, 2, 1)))


def test_transfer_to_current_holder_is_refused(registry, glock):
    refused("same_holder", lambda: services.transfer(glock, registry.dealer))


def test_future_dates_are_refused(registry, glock):
    refused("future_date", lambda: services.transfer(glock, registry.alice, occurred_at=timezone.now() + timedelta(days=2)))


def test_events_cannot_predate_the_items_history(registry, glock):
    exc = refused("out_of_order", lambda: services.transfer(glock, registry.alice, occurred_at=at(2014, 1, 1)))
    assert "2015-01-10" in exc.message


def test_duplicate_serial_of_the_same_make_is_refused(registry, glock):
    data = services.FirearmInput(serial_number="abc-123", make=glock.make, model=glock.model)
    refused("duplicate_serial", lambda: services.create_item(data, holder=registry.alice, occurred_at=at(2016, 1, 1)))
    other = FirearmModel.objects.exclude(make=glock.make).first()
    services.create_item(services.FirearmInput(serial_number="ABC123", make=other.make, model=other),
                         holder=registry.alice, occurred_at=at(2016, 1, 1))


def test_registration_needs_holder_and_serial(registry, glock):
    data = services.FirearmInput(serial_number="", make=glock.make, model=glock.model)
    refused("holder_required", lambda: services.create_item(data))
    refused("serial_required", lambda: services.create_item(data, holder=registry.alice))
    services.create_item(data, how="seized", location="Border District")  # unmarked seized arm: no serial needed


def test_model_must_belong_to_make(registry, glock):
    other = FirearmModel.objects.exclude(make=glock.make).first()
    data = services.FirearmInput(serial_number="Z1", make=glock.make, model=other)
    refused("model_make", lambda: services.create_item(data, holder=registry.alice))


def test_custom_fields_follow_the_profile_schema(registry, glock):
    data = services.FirearmInput(serial_number="Z2", make=glock.make, model=glock.model, custom_fields={"legal_category": "Z"})
    exc = refused("custom_fields", lambda: services.create_item(data, holder=registry.alice))
    assert "legal_category" in exc.message
    data.custom_fields = {"legal_category": "B"}
    assert services.create_item(data, holder=registry.alice).custom_fields == {"legal_category": "B"}


def test_stale_expected_seq_is_a_conflict(registry, glock):
    seen = glock.last_event_seq
    services.transfer(glock, registry.alice, occurred_at=at(2016, 1, 1), expected_seq=seen)
    with pytest.raises(services.Conflict):
        services.transfer(glock, registry.bob, occurred_at=at(2016, 2, 1), expected_seq=seen)
    assert Item.objects.get(pk=glock.pk).current_holder == registry.alice


def test_deactivation_and_destruction_need_their_evidence(registry, glock):
    refused("certificate_required", lambda: services.deactivate(glock, standard="EU", certificate_number=""))
    refused("method_required", lambda: services.destroy(glock, method=""))


def test_corrections_need_a_reason_and_known_fields(registry, glock):
    refused("reason_required", lambda: services.correct(glock, fields={"location": "X"}, reason=""))
    refused("bad_correction", lambda: services.correct(glock, fields={"serial_number": "X"}, reason="typo"))
    refused("bad_correction", lambda: services.correct(glock, fields={"status": "vanished"}, reason="typo"))
    refused("bad_correction", lambda: services.correct(glock, fields={"holder": 999999}, reason="typo"))


def test_correction_fixes_a_mistaken_transfer_by_a_new_event(registry, glock):
    wrong = services.transfer(glock, registry.alice, occurred_at=at(2016, 1, 1))
    services.correct(glock, fields={"holder": registry.bob.pk}, reason="wrong recipient keyed", corrects_seq=wrong.seq)
    assert Item.objects.get(pk=glock.pk).current_holder == registry.bob
    assert list(glock.events.values_list("kind", flat=True)) == ["registered", "transferred", "correction"]


def test_export_then_reimport(registry, glock):
    services.export_item(glock, destination_country="UGA", occurred_at=at(2016, 1, 1))
    refused("bad_status", lambda: services.transfer(glock, registry.alice, occurred_at=at(2016, 2, 1)))
    services.reimport_item(glock, holder=registry.alice, origin_country="UGA", occurred_at=at(2017, 1, 1))
    item = Item.objects.get(pk=glock.pk)
    assert (item.status, item.current_holder, item.country_of_import) == ("active", registry.alice, get_profile().country)
