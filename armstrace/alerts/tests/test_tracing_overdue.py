"""A tracing request past its due date raises one alert per due date, to its author and the tracing staff of their
agency; not before it is due, and not twice."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from armstrace.alerts import hooks, services
from armstrace.alerts.models import Alert, AlertKind
from armstrace.alerts.tests.conftest import actor
from armstrace.tracing import services as tracing


def _sent_request(glock, author, days_ago):
    request = tracing.create_request({**tracing.prefill_from_item(glock), "counterpart_country": "AUT",
                                      "reason_illicit": "Crime scene", "intended_use": "Investigation",
                                      "requesting_authority": "Police", "point_of_contact": "Desk"},
                                     item=glock, actor=actor(author))
    return tracing.send(request, at=timezone.now() - timedelta(days=days_ago), actor=actor(author))


def test_overdue_request_alerts_its_author_and_agency_once(people, glock, make_user):
    colleague = make_user("a-investigator2", "investigator", agency_kind="police")
    request = _sent_request(glock, people.investigator, days_ago=45)
    assert hooks.scan_overdue_tracing(today=timezone.localdate() - timedelta(days=20)) == 0  # not yet due
    call_command("alerts", "scan")
    alert = Alert.objects.get(kind=AlertKind.TRACING_OVERDUE)
    assert str(request) in str(alert) and request.due_date.isoformat() in str(alert)
    assert alert.url == reverse("tracing:request-detail", args=[request.pk])
    assert set(services.recipients(alert).values_list("username", flat=True)) == {"a-investigator", colleague.username}
    assert not services.visible_alerts(people.customs).exists()  # no tracing.edit
    call_command("alerts", "scan")
    assert Alert.objects.filter(kind=AlertKind.TRACING_OVERDUE).count() == 1


def test_a_request_not_yet_due_raises_nothing(people, glock):
    _sent_request(glock, people.investigator, days_ago=1)
    assert hooks.scan() == 0
