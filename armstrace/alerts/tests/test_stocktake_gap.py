"""A stocktake that finds items missing or extra raises one alert (by `armstrace alerts scan`, the inbox or the
background thread of `armstrace serve`) to whoever recorded it and the custody staff of the depot's agency."""

from datetime import date
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from armstrace.accounts.models import Agency
from armstrace.alerts import services
from armstrace.alerts.models import Alert, AlertKind
from armstrace.alerts.tests.conftest import actor
from armstrace.core.management.commands.serve import run_background_tasks
from armstrace.custody import services as custody
from armstrace.registry import services as reg


def _stocktake_with_a_gap(recorder):
    depot = custody.create_depot(code="DEP-N", name="North depot", shelves=["A1"],
                                 agency=Agency.objects.get(code="T-CUSTOMS"))
    custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 5), kind="seizure", place="Harbour", location_type="harbour",
        items=[custody.CaseItemInput(new=reg.FirearmInput(serial_number="GAP-1", firearm_type="pistol"))],
        depot=depot, shelf=depot.locations.get(code="A1"), handed_over_by="Sgt. A", received_by="Clerk B"))
    return custody.record_stocktake(depot, custody.parse_counts("A1; OTHER-9"), counted_by="Clerk B",
                                    actor=actor(recorder))


def test_scan_command_raises_a_stocktake_gap_once(people, make_user):
    customs2 = make_user("a-customs2", "customs", agency_kind="customs")
    take = _stocktake_with_a_gap(people.investigator)
    assert take.missing_count == 1 and not Alert.objects.exists()
    out = StringIO()
    call_command("alerts", "scan", stdout=out)
    assert out.getvalue().strip() == "1 alerts raised."
    alert = Alert.objects.get(kind=AlertKind.STOCKTAKE_GAP)
    assert alert.url == reverse("custody:stocktake", args=[take.pk])
    assert "DEP-N" in str(alert) and "1 missing" in str(alert)
    assert set(services.recipients(alert).values_list("username", flat=True)) == {
        "a-investigator", "a-customs", "a-customs2"}  # the recorder, the depot's agency's custody staff
    assert not services.visible_alerts(people.registrar).exists()
    call_command("alerts", "scan", stdout=out)
    run_background_tasks()
    assert Alert.objects.count() == 1


def test_the_background_thread_of_serve_raises_it(people):
    _stocktake_with_a_gap(people.investigator)
    run_background_tasks()
    assert services.new_count(people.customs) == 1
