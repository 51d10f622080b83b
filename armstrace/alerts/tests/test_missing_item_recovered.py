"""A seizure, find or surrender of an item reported lost or stolen alerts the recorder and the registry staff of the
agency that reported it, once, as soon as the event commits; an item that was not missing alerts nobody."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from armstrace.alerts import hooks, services
from armstrace.alerts.models import Alert, AlertKind, AlertState
from armstrace.alerts.tests.conftest import actor
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind


def _usernames(alert):
    return set(services.recipients(alert).values_list("username", flat=True))


def _report(glock, people, kind=EventKind.THEFT_REPORTED):
    reg.report_missing(glock, kind, occurred_at=timezone.now() - timedelta(days=3), actor=actor(people.registrar))


@pytest.mark.parametrize("kind, recorder", [(EventKind.SEIZED, "investigator"), (EventKind.FOUND, "customs"),
                                            (EventKind.SURRENDERED, "investigator")])
def test_recovery_of_a_stolen_item_alerts_recorder_and_reporting_agency(
        people, glock, kind, recorder, django_capture_on_commit_callbacks):
    _report(glock, people)
    assert not Alert.objects.exists()
    officer = getattr(people, recorder)
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, kind, location="Port", actor=actor(officer))
    alert = Alert.objects.get()
    assert alert.kind == AlertKind.MISSING_RECOVERED and alert.state == AlertState.NEW and alert.item == glock
    assert alert.url == reverse("registry:item-detail", args=[glock.pk])
    # the recorder, the reporting agency's registry staff (administrators of no agency are not spammed)
    assert _usernames(alert) == {officer.username, "a-registrar", "a-registrar2"}
    for user in (officer, people.registrar, people.registrar2):
        assert services.new_count(user) == 1
    for user in (people.elsewhere, people.analyst, people.customs if recorder != "customs" else people.investigator):
        assert not services.visible_alerts(user).exists()
    assert "ABC123" in str(alert) and "stolen" in str(alert)
    assert alert.changes.get().state == AlertState.NEW


def test_a_loss_report_counts_too_and_the_alert_is_raised_once(people, glock, django_capture_on_commit_callbacks):
    _report(glock, people, EventKind.LOSS_REPORTED)
    with django_capture_on_commit_callbacks(execute=True):
        event = reg.take_into_custody(glock, EventKind.FOUND, location="Field", actor=actor(people.customs))
    assert "lost" in str(Alert.objects.get())
    assert hooks.missing_recovered(event) is None  # raised once per event
    assert hooks.scan() == 0 and Alert.objects.count() == 1


def test_an_item_not_missing_alerts_nobody(people, glock, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, EventKind.SEIZED, location="Port", actor=actor(people.investigator))
    assert not Alert.objects.exists()


def test_a_report_settled_by_an_earlier_recovery_does_not_alert_again(people, glock,
                                                                      django_capture_on_commit_callbacks):
    _report(glock, people)
    with django_capture_on_commit_callbacks(execute=True):
        reg.take_into_custody(glock, EventKind.FOUND, location="Field", actor=actor(people.customs))
        reg.take_into_custody(glock, EventKind.SEIZED, location="Port", actor=actor(people.investigator))
    assert Alert.objects.count() == 1  # the seizure after the find: the theft is no longer standing


def test_the_scan_raises_an_alert_missed_at_commit(people, glock):
    _report(glock, people)
    reg.take_into_custody(glock, EventKind.SEIZED, location="Port", actor=actor(people.investigator))
    assert not Alert.objects.exists()  # the commit callback never ran (the process stopped)
    assert hooks.scan() == 1
    assert _usernames(Alert.objects.get()) == {"a-investigator", "a-registrar", "a-registrar2"}
