"""An alert is acknowledged, then resolved: each change records who and when in its append-only history; a
resolved alert cannot be resolved again (a clear error, nothing written); an alert addressed to others is 404."""

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from armstrace.accounts.constants import REGISTRY_EDIT
from armstrace.accounts.models import Agency
from armstrace.alerts import services
from armstrace.alerts.models import AlertChange, AlertKind, AlertState
from armstrace.alerts.tests.conftest import actor, login
from armstrace.core.errors import RuleViolation


@pytest.fixture
def alert(people):
    return services.raise_alert(AlertKind.OTHER, "test:1", params={"title": "Check item #7"}, url="/registry/",
                                users=[people.investigator],
                                staff=[services.Staff(REGISTRY_EDIT, Agency.objects.get(code="T-REGISTRY"))])


def test_acknowledge_then_resolve_on_the_page_records_who_and_when(people, alert):
    registrar = login(people.registrar)
    response = registrar.post(reverse("alerts:acknowledge", args=[alert.pk]), {"note": "on it"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.state == AlertState.ACKNOWLEDGED and alert.acknowledged_by == people.registrar
    investigator = login(people.investigator)
    investigator.post(reverse("alerts:resolve", args=[alert.pk]), {"note": "item back with its owner"})
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolved_by == people.investigator
    assert alert.resolved_at >= alert.acknowledged_at >= alert.created_at
    history = [(c.state, c.by_name, c.note) for c in alert.changes.all()]
    assert history == [("new", "system", ""), ("acknowledged", "a-registrar", "on it"),
                       ("resolved", "a-investigator", "item back with its owner")]
    page = investigator.get(reverse("alerts:detail", args=[alert.pk])).content.decode()
    assert "a-registrar" in page and "item back with its owner" in page and "Check item #7" in page


def test_resolving_twice_is_refused_and_writes_nothing(people, alert):
    services.resolve(alert, actor(people.investigator))
    response = login(people.registrar).post(reverse("alerts:resolve", args=[alert.pk]), {"note": ""})
    assert response.status_code == 400 and "resolved already" in response.content.decode()
    with pytest.raises(RuleViolation) as refused:
        services.acknowledge(alert, actor(people.registrar))
    assert refused.value.code == "alert_state"
    assert alert.changes.count() == 2
    alert.refresh_from_db()
    assert alert.resolved_by == people.investigator


def test_an_alert_addressed_to_others_does_not_exist_for_you(people, alert):
    outsider = login(people.elsewhere)
    assert outsider.get(reverse("alerts:detail", args=[alert.pk])).status_code == 404
    assert outsider.post(reverse("alerts:resolve", args=[alert.pk])).status_code == 404
    with pytest.raises(RuleViolation):
        services.resolve(alert, actor(people.customs))
    alert.refresh_from_db()
    assert alert.state == AlertState.NEW


def test_a_note_too_long_is_a_field_error(people, alert):
    response = login(people.investigator).post(reverse("alerts:resolve", args=[alert.pk]), {"note": "x" * 501})
    assert response.status_code == 400 and alert.changes.count() == 1


def test_the_history_is_append_only(people, alert):
    change = alert.changes.get()
    for statement in (lambda: AlertChange.objects.filter(pk=change.pk).update(by_name="someone else"),
                      lambda: AlertChange.objects.filter(pk=change.pk).delete()):
        with pytest.raises(DatabaseError), transaction.atomic():
            statement()
    assert AlertChange.objects.get(pk=change.pk).by_name == "system"
