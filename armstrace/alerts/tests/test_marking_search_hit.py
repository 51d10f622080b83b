"""A marking search whose top result is an item reported lost or stolen is a hit: it alerts the searcher and the
reporting agency's registry staff, once per user and item (not at every reload), from the page and the API."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from armstrace.alerts import services
from armstrace.alerts.models import Alert, AlertKind
from armstrace.alerts.tests.conftest import actor, login
from armstrace.registry import services as reg
from armstrace.registry.models import EventKind


def _stolen(glock, people):
    reg.report_missing(glock, EventKind.THEFT_REPORTED, occurred_at=timezone.now() - timedelta(days=2),
                       actor=actor(people.registrar))


def test_a_search_hitting_a_stolen_item_alerts_once_per_user(people, glock):
    _stolen(glock, people)
    investigator = login(people.investigator)
    for _reload in range(3):
        response = investigator.get(reverse("tracing:search"), {"q": "ABC123"})
        assert response.status_code == 200
    alert = Alert.objects.get()
    assert alert.kind == AlertKind.MARKING_HIT and alert.item == glock
    assert set(services.recipients(alert).values_list("username", flat=True)) == {
        "a-investigator", "a-registrar", "a-registrar2"}
    assert '"ABC123"' in str(alert) and "reported stolen" in str(alert)
    assert services.new_count(people.investigator) == 1 and services.new_count(people.elsewhere) == 0

    admin = login(people.admin)
    admin.get(reverse("tracing:search"), {"q": "ABC-123"})
    assert Alert.objects.filter(kind=AlertKind.MARKING_HIT).count() == 2  # another user: their own hit
    assert services.visible_alerts(people.admin).get().item == glock


def test_the_api_search_hits_too(people, glock, api_client):
    _stolen(glock, people)
    response = api_client.get("/api/tracing/search/", {"q": "ABC123"})
    assert response.status_code == 200 and response.json()["results"][0]["status"] == "stolen"
    assert Alert.objects.get(kind=AlertKind.MARKING_HIT).addresses.filter(user__username="registrar").exists()


def test_no_hit_when_the_top_result_is_not_missing(people, glock):
    login(people.investigator).get(reverse("tracing:search"), {"q": "ABC123"})
    assert not Alert.objects.exists()
