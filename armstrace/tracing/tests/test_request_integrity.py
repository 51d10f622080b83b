"""Every write of a tracing request goes through the services' checks, and an answer never adds an event to a
destroyed item (issue 18, part 6)."""

import pytest

from armstrace.conftest import at
from armstrace.registry import services as registry
from armstrace.registry.models import Event, EventKind
from armstrace.tracing import services
from armstrace.tracing.models import TracingRequest

DATA = {"counterpart_country": "CHN", "identifying_marks": "Serial: NOR1", "reason_illicit": "Seized",
        "intended_use": "Investigation", "requesting_authority": "National Police", "point_of_contact": "Desk"}


@pytest.fixture
def seized(firearm):
    return firearm("NOR77700012", make="Norinco", how=EventKind.SEIZED, occurred_at=at(2022, 1, 9))


def test_answer_about_a_destroyed_item_is_kept_on_the_request_only(seized):
    request = services.send(services.create_request(dict(DATA), item=seized))
    registry.destroy(seized, method="Crushing", witnesses=["W"])
    events = Event.objects.filter(item=seized).count()
    request = services.record_answer(request, {"outcome": "point_of_diversion", "findings": {"summary": "Exported"}})
    assert request.status == "answered" and request.answer["findings"] == {"summary": "Exported"}
    assert Event.objects.filter(item=seized).count() == events
    assert not Event.objects.filter(item=seized, kind=EventKind.TRACE_RECORDED).exists()


def test_imported_answer_about_a_destroyed_item_adds_no_event(seized, api_client):
    request = services.send(services.create_request(dict(DATA), item=seized))
    registry.destroy(seized, method="Crushing", witnesses=["W"])
    r = api_client.post(f"/api/tracing/requests/{request.pk}/import-answer/", {
        "format": services.ANSWER_FORMAT, "request_reference": request.reference, "outcome": "pending"}, format="json")
    assert r.status_code == 200, r.json()
    assert not Event.objects.filter(item=seized, kind=EventKind.TRACE_RECORDED).exists()


@pytest.mark.parametrize("change, code, field", [
    ({"counterpart_country": "ZZZ"}, "bad_country", "counterpart_country"),
    ({"country_of_import": "XXA"}, "bad_country", "country_of_import"),
    ({"country_of_manufacture": "=1+"}, "bad_country", "country_of_manufacture"),
])
def test_api_patch_goes_through_the_checks_of_creation(seized, api_client, change, code, field):
    request = services.create_request(dict(DATA), item=seized)
    r = api_client.patch(f"/api/tracing/requests/{request.pk}/", change, format="json")
    assert r.status_code == 400 and (r.json()["code"], r.json()["field"]) == (code, field)
    assert TracingRequest.objects.get(pk=request.pk).counterpart_country == "CHN"


def test_api_patch_of_a_draft_is_checked_and_saved(seized, api_client):
    request = services.create_request(dict(DATA), item=seized)
    r = api_client.patch(f"/api/tracing/requests/{request.pk}/", {"counterpart_country": "aut"}, format="json")
    assert r.status_code == 200 and r.json()["counterpart_country"] == "AUT"
    services.send(request)
    r = api_client.patch(f"/api/tracing/requests/{request.pk}/", {"point_of_contact": "X"}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "not_draft"
    assert TracingRequest.objects.get(pk=request.pk).point_of_contact == "Desk"


def test_api_put_goes_through_the_checks_too(seized, api_client):
    request = services.create_request(dict(DATA), item=seized)
    body = {**DATA, "direction": "outgoing", "counterpart_country": "ZZZ"}
    r = api_client.put(f"/api/tracing/requests/{request.pk}/", body, format="json")
    assert r.status_code == 400 and r.json()["code"] == "bad_country"
