"""`converted` and `reactivated` events: they change the item's type and status rules, link a source item, and
tracing follows the source (a converted pistol whose source alarm pistol was imported legally is traced to that
import). Refused: a conversion of a destroyed item, a reactivation of an item never deactivated."""

from datetime import date

import pytest

from armstrace.conftest import at
from armstrace.custody import services as custody
from armstrace.registry import conversions, services
from armstrace.registry.methods import MethodInput
from armstrace.registry.models import Event, Item, ItemStatus, Make
from armstrace.registry.projection import rebuild_projections
from armstrace.tracing.reports import trace_report
from armstrace.tracing.status import TracingStatus

S = ItemStatus


@pytest.fixture
def alarm_pistol(registry):
    """An alarm pistol imported legally by the dealer in 2019."""
    make = Make.objects.create(name="Zoraki", country="TUR")
    return services.create_item(
        services.FirearmInput(serial_number="ZK-914", make=make, category=Item.Category.ALARM_SIGNAL,
                              country_of_import="KEN"),
        how="imported", holder=registry.dealer, occurred_at=at(2019, 5, 2))


def test_conversion_linked_to_a_registered_alarm_pistol_is_traced_through_it(registry, alarm_pistol):
    case = custody.record_case(custody.CaseInput(occurred_on=date(2024, 2, 1), place="Mombasa", items=[
        custody.CaseItemInput(new=services.FirearmInput(serial_number="", firearm_type="pistol"))]))
    seized = case.items.get().item
    assert seized.tracing_status == TracingStatus.NO_INFORMATION  # no serial: nothing to trace it by
    conversions.convert(seized, MethodInput(converted_from="alarm_blank", evidence="barrel drilled",
                                            source=alarm_pistol), occurred_at=at(2024, 2, 3))
    seized.refresh_from_db()
    assert (seized.manufacture_method, seized.source_item_id, seized.iafq_condition) == (
        "converted", alarm_pistol.pk, "converted")
    assert seized.status == S.SEIZED  # in custody it stays there
    # the status is the source's: registered, traced in the national registry
    assert seized.tracing_status == TracingStatus.LEGITIMATE_OWNER_NATIONAL
    report = trace_report(seized)
    assert f"#{alarm_pistol.pk}" in report["tracing_status"]["reason"]
    source = report["source"]
    assert source["relation"] == "converted" and source["report"]["item"]["id"] == alarm_pistol.pk
    assert source["report"]["last_legal_import"]["event_seq"] == alarm_pistol.events.get(kind="imported").seq
    assert source["report"]["last_legitimate_holder"]["id"] == registry.dealer.pk
    assert rebuild_projections(write=False) == []
    # the source's story changes: the converted item's status follows (theft reported by the dealer)
    services.report_missing(alarm_pistol, "theft_reported", occurred_at=at(2024, 2, 4))
    seized.refresh_from_db()
    assert seized.tracing_status == Item.objects.get(pk=alarm_pistol.pk).tracing_status
    assert rebuild_projections(write=False) == []


def test_the_alarm_pistol_itself_converted_becomes_an_illicit_firearm(registry, alarm_pistol):
    event = conversions.convert(alarm_pistol, MethodInput(converted_from="alarm_blank"), firearm_type="pistol",
                                occurred_at=at(2023, 1, 1))
    item = Item.objects.get(pk=alarm_pistol.pk)
    assert (item.category, item.firearm_type, item.status) == (Item.Category.FIREARM, "pistol", S.ILLICIT)
    assert event.payload["item"] == {"category": "firearm", "type": "pistol"}
    from armstrace.registry.integrity import record_differences
    assert record_differences() == []  # the conversion's new type is recorded by its event
    services.take_into_custody(item, "seized", occurred_at=at(2023, 2, 1))  # an illicit item can be seized
    assert Item.objects.get(pk=item.pk).status == S.SEIZED


def test_reactivation_of_a_deactivated_item(registry, glock):
    services.deactivate(glock, standard="EU 2018/337", certificate_number="DEACT-1", occurred_at=at(2018, 6, 1))
    conversions.reactivate(glock, MethodInput(evidence="new barrel fitted"), occurred_at=at(2022, 3, 1))
    item = Item.objects.get(pk=glock.pk)
    assert (item.status, item.manufacture_method, item.iafq_condition) == (S.ILLICIT, "reactivated", "reactivated")
    assert Event.objects.filter(item=item, kind="reactivated").count() == 1
    assert rebuild_projections(write=False) == []


def test_a_new_item_made_from_a_deactivated_source_may_be_reactivated(registry, glock):
    services.deactivate(glock, standard="EU 2018/337", certificate_number="DEACT-2", occurred_at=at(2018, 6, 1))
    found = services.create_item(services.FirearmInput(serial_number="", firearm_type="pistol"), how="found",
                                 occurred_at=at(2022, 1, 1))
    conversions.reactivate(found, MethodInput(source=glock), occurred_at=at(2022, 1, 2))
    assert Item.objects.get(pk=found.pk).source_item_id == glock.pk


def test_refused_conversion_of_a_destroyed_item(registry, glock):
    services.destroy(glock, method="cut", occurred_at=at(2020, 1, 1))
    with pytest.raises(services.RuleViolation) as refused:
        conversions.convert(glock, MethodInput(converted_from="semi_to_full_auto"), occurred_at=at(2021, 1, 1))
    assert refused.value.code == "destroyed"
    assert not Event.objects.filter(item=glock, kind="converted").exists()


def test_refused_reactivation_of_an_item_never_deactivated(registry, glock):
    with pytest.raises(services.RuleViolation) as refused:
        conversions.reactivate(glock, occurred_at=at(2021, 1, 1))
    assert refused.value.code == "never_deactivated"
    assert Item.objects.get(pk=glock.pk).manufacture_method == "factory"


def test_an_item_cannot_be_its_own_source(registry, glock):
    with pytest.raises(services.RuleViolation) as refused:
        conversions.convert(glock, MethodInput(source=glock), occurred_at=at(2021, 1, 1))
    assert refused.value.code == "bad_source"


def test_semi_to_full_automatic_is_the_iafq_modified(registry, glock):
    conversions.convert(glock, MethodInput(converted_from="semi_to_full_auto"), occurred_at=at(2021, 1, 1))
    assert Item.objects.get(pk=glock.pk).iafq_condition == "modified"


def test_api_and_pages(registry, glock, alarm_pistol, api_client, client, user):
    response = api_client.post(f"/api/items/{glock.pk}/reactivated/", {"expected_seq": glock.last_event_seq},
                               format="json")
    assert response.status_code == 400 and response.json()["code"] == "never_deactivated"
    seq = Item.objects.get(pk=alarm_pistol.pk).last_event_seq
    response = api_client.post(f"/api/items/{alarm_pistol.pk}/converted/",
                               {"converted_from": "alarm_blank", "firearm_type": "pistol", "expected_seq": seq},
                               format="json")
    assert response.status_code == 201 and response.json()["kind"] == "converted"
    client.force_login(user)
    item = Item.objects.get(pk=glock.pk)
    page = client.post(f"/registry/items/{glock.pk}/converted/", {
        "expected_seq": item.last_event_seq, "converted_from": "semi_to_full_auto", "source": "",
        "occurred_on": "2024-01-02", "method_evidence": "auto sear"})
    assert page.status_code == 302
    assert Item.objects.get(pk=glock.pk).method_evidence == "auto sear"


def test_an_accepted_open_source_record_sets_the_method(registry, glock):
    event = conversions.record_open_source_method(glock, "3d_printed", reference="OSINT-12", printed="essential_parts")
    item = Item.objects.get(pk=glock.pk)
    assert (item.manufacture_method, item.method_variant, item.iafq_condition) == ("3d_printed", "essential_parts",
                                                                                   "assembled")
    assert event.kind == "correction" and "OSINT-12" in event.payload["reason"]
    assert rebuild_projections(write=False) == []
