"""Last legitimate holder and point of diversion on hand-built histories."""

from datetime import date

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import EventKind, Marking
from armstrace.tracing.reports import trace_report
from armstrace.tracing.status import TracingStatus

K = EventKind


def test_theft_after_two_transfers(firearm, registry):
    item = firearm("GLK100200")
    services.transfer(item, registry.alice, occurred_at=at(2016, 3, 1))
    services.transfer(item, registry.bob, occurred_at=at(2018, 6, 1))
    services.report_missing(item, K.THEFT_REPORTED, occurred_at=at(2020, 2, 2), location="Lake Region",
                            circumstances="Burglary")
    services.take_into_custody(item, K.SEIZED, occurred_at=at(2021, 5, 5), location="Port Town")
    report = trace_report(item)
    holder = report["last_legitimate_holder"]
    assert holder["name"] == "Bob Kamau"
    assert (holder["since"], holder["until"]) == ("2018-06-01", "2020-02-02")
    assert holder["licensed_then"] is True
    diversion = report["point_of_diversion"]
    assert diversion["kind"] == "theft" and diversion["identified"]
    assert (diversion["date"], diversion["location"]) == ("2020-02-02", "Lake Region")
    assert [e["kind"] for e in report["events"]] == ["registered", "transferred", "transferred", "theft_reported", "seized"]
    assert report["events"][2]["from_holder"]["name"] == "Alice Otieno"
    assert report["tracing_status"]["code"] == TracingStatus.LEGITIMATE_OWNER_NATIONAL


def test_seizure_of_a_never_registered_item(firearm):
    item = firearm("NOR55501234", make="Norinco", how=K.SEIZED, occurred_at=at(2022, 1, 9),
                   country_of_manufacture="CHN")
    report = trace_report(item)
    assert report["last_legitimate_holder"] is None
    assert report["point_of_diversion"] is None
    assert report["entered_registry_by"] == "seized"
    assert report["country_of_manufacture"] == {"code": "CHN", "name": "China", "year": None}
    assert report["last_legal_import"] is None
    assert report["tracing_status"]["code"] == TracingStatus.NOT_INITIATED


def test_seizure_of_a_never_registered_item_with_erased_serial(firearm):
    item = firearm("", make="Norinco", how=K.SEIZED,
                   markings=[services.MarkingInput(Marking.Kind.SERIAL, "", "receiver", Marking.State.OBLITERATED)])
    assert trace_report(item)["tracing_status"]["code"] == TracingStatus.ALTERED_MARKING


def test_item_exported_then_reimported(firearm, registry):
    item = firearm("BER900111", make="Beretta")
    services.transfer(item, registry.alice, occurred_at=at(2016, 1, 5))
    services.export_item(item, destination_country="FRA", occurred_at=at(2017, 2, 1), authorization="EXP-17-1")
    services.reimport_item(item, holder=registry.bob, origin_country="FRA", occurred_at=at(2019, 4, 1),
                           authorization="IMP-19-7")
    services.report_missing(item, K.LOSS_REPORTED, occurred_at=at(2023, 8, 8), location="Highlands")
    report = trace_report(item)
    assert report["last_legitimate_holder"]["name"] == "Bob Kamau"
    assert report["last_legitimate_holder"]["since"] == "2019-04-01"
    assert report["point_of_diversion"]["kind"] == "loss"
    assert report["last_legal_import"] == {"country": "KEN", "country_name": "Kenya", "date": "2019-04-01",
                                           "from_country": "FRA", "event_seq": report["events"][3]["seq"],
                                           "from_country_name": "France"}
    assert report["last_export"]["destination_country"] == "FRA"


def test_exported_item_recovered_at_home_points_to_the_export(firearm, registry):
    item = firearm("BER900222", make="Beretta")
    services.transfer(item, registry.alice, occurred_at=at(2016, 1, 5))
    services.export_item(item, destination_country="UGA", occurred_at=at(2017, 2, 1))
    services.take_into_custody(item, K.SEIZED, occurred_at=at(2020, 2, 1), location="Border District")
    report = trace_report(item)
    assert report["last_legitimate_holder"]["name"] == "Alice Otieno"
    diversion = report["point_of_diversion"]
    assert (diversion["kind"], diversion["destination_country"], diversion["date"]) == ("after_export", "UGA", "2017-02-01")
    assert report["tracing_status"]["code"] == TracingStatus.POINT_OF_DIVERSION


def test_seized_from_holder_whose_licence_had_expired(firearm, registry):
    carl = registry.party("person", "Carl Expired", "ID-CARL", valid_from=date(2010, 1, 1), valid_until=date(2018, 1, 1))
    item = firearm("GLK300400")
    services.transfer(item, carl, occurred_at=at(2016, 1, 5))
    services.take_into_custody(item, K.SEIZED, occurred_at=at(2020, 2, 1), location="Capital City",
                               circumstances="Carried at a checkpoint")
    report = trace_report(item)
    assert report["last_legitimate_holder"]["name"] == "Carl Expired"
    assert report["last_legitimate_holder"]["licensed_then"] is False
    assert report["point_of_diversion"]["kind"] == "seizure_from_holder"
    assert not report["point_of_diversion"]["identified"]
    assert report["tracing_status"]["code"] == TracingStatus.ILLEGITIMATE_OWNER_NATIONAL


def test_surrender_is_not_a_diversion(firearm, registry):
    item = firearm("GLK500600")
    services.transfer(item, registry.alice, occurred_at=at(2016, 1, 5))
    services.take_into_custody(item, K.SURRENDERED, occurred_at=at(2020, 2, 1), location="Police station")
    report = trace_report(item)
    assert report["point_of_diversion"] is None
    assert report["last_legitimate_holder"]["name"] == "Alice Otieno"
