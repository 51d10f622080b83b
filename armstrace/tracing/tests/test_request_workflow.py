"""ITI tracing requests: draft → sent → acknowledged → answered → closed, through the services, the UI and the API."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from armstrace.conftest import at
from armstrace.registry.models import Event, EventKind
from armstrace.registry.services import RuleViolation
from armstrace.tracing import services
from armstrace.tracing.models import RequestStatus, TracingRequest

DATA = {"counterpart_country": "chn", "identifying_marks": "Serial: NOR77700011 (receiver)", "reason_illicit": "Seized from a trafficker",
        "intended_use": "Criminal investigation", "requesting_authority": "National Police",
        "point_of_contact": "Insp. Wanjiru"}


@pytest.fixture
def seized(firearm):
    return firearm("NOR77700011", make="Norinco", how=EventKind.SEIZED, occurred_at=at(2022, 1, 9))


def test_full_workflow_records_findings_on_the_item(seized):
    request = services.create_request(dict(DATA), item=seized)
    assert request.status == RequestStatus.DRAFT and request.reference.startswith("TR-")
    assert request.counterpart_country == "CHN"
    request = services.send(request, at=datetime(2026, 3, 2, 9, tzinfo=UTC))
    assert request.due_date == date(2026, 4, 1)       # default profile: 30 days
    request = services.acknowledge(request)
    request = services.record_answer(request, {"responding_authority": "Ministry of Public Security",
                                               "outcome": "point_of_diversion",
                                               "findings": {"summary": "Exported in 2012 to a State agency", "notes": ""}})
    assert request.status == RequestStatus.ANSWERED and request.outcome == "point_of_diversion"
    event = Event.objects.filter(item=seized, kind=EventKind.TRACE_RECORDED).get()
    assert event.payload["request"] == request.reference
    assert event.payload["findings"] == {"summary": "Exported in 2012 to a State agency"}
    seized.refresh_from_db()
    assert seized.status == "seized" and seized.last_event_seq == event.seq
    request = services.close(request)
    assert request.status == RequestStatus.CLOSED and request.closed_at


def test_transitions_are_enforced(seized):
    request = services.create_request(dict(DATA), item=seized)
    with pytest.raises(RuleViolation) as bad:
        services.acknowledge(request)
    assert bad.value.code == "bad_status"
    with pytest.raises(RuleViolation):
        services.record_answer(request, {"findings": {"summary": "x"}})
    services.send(request)
    with pytest.raises(RuleViolation, match="why"):
        services.close(request)
    with pytest.raises(RuleViolation) as empty:
        services.record_answer(request, {"findings": {}})
    assert empty.value.code == "empty_answer"
    with pytest.raises(RuleViolation):
        services.send(request)


def test_iti_content_is_required():
    with pytest.raises(RuleViolation) as missing:
        services.create_request({**DATA, "intended_use": " "})
    assert missing.value.field == "intended_use"
    with pytest.raises(RuleViolation) as country:
        services.create_request({**DATA, "counterpart_country": "XXX"})
    assert country.value.field == "counterpart_country"


def test_ui_create_from_item_send_answer_close(seized, client, user):
    client.force_login(user)
    form = client.get(f"/tracing/items/{seized.pk}/request/", follow=True).content.decode()
    assert "NOR77700011" in form                                   # marks prefilled from the item
    assert '<option value="CHN" selected>' in form                  # ask the country of manufacture (Norinco)
    post = {**DATA, "counterpart_country": "CHN", "direction": "outgoing", "serial_number": "NOR77700011"}
    response = client.post(f"/tracing/requests/new/?item={seized.pk}", post)
    request = TracingRequest.objects.get()
    assert response.status_code == 302 and request.item == seized
    client.post(f"/tracing/requests/{request.pk}/send/")
    client.post(f"/tracing/requests/{request.pk}/answer/", {"answered_on": "2026-01-05", "summary": "Sold to dealer X",
                                                            "outcome": "no_point_of_diversion"})
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED and request.answer["findings"]["summary"] == "Sold to dealer X"
    client.post(f"/tracing/requests/{request.pk}/close/", {"note": ""})
    request.refresh_from_db()
    assert request.status == RequestStatus.CLOSED
    page = client.get(f"/tracing/requests/{request.pk}/").content.decode()
    assert "Sold to dealer X" in page and "Closed" in page
    printable = client.get(f"/tracing/requests/{request.pk}/print/").content.decode()
    assert "International Instrument" in printable and "Insp. Wanjiru" in printable


def test_api_workflow(seized, api_client):
    created = api_client.post("/api/tracing/requests/", {**DATA, "item": seized.pk}, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert api_client.post(f"/api/tracing/requests/{pk}/acknowledge/").json()["code"] == "bad_status"
    assert api_client.post(f"/api/tracing/requests/{pk}/send/").json()["status"] == "sent"
    answered = api_client.post(f"/api/tracing/requests/{pk}/answer/",
                               {"outcome": "illegitimate_owner_foreign", "findings": {"summary": "Stolen abroad"}}, format="json")
    assert answered.json()["status"] == "answered"
    assert api_client.patch(f"/api/tracing/requests/{pk}/", {"make": "x"}, format="json").status_code == 400
    assert api_client.post(f"/api/tracing/requests/{pk}/close/", {}, format="json").json()["status"] == "closed"


def test_api_send_and_acknowledge_take_the_day_they_happened(seized, api_client):
    pk = api_client.post("/api/tracing/requests/", {**DATA, "item": seized.pk}, format="json").json()["id"]
    sent_on = timezone.localdate() - timedelta(days=10)
    sent = api_client.post(f"/api/tracing/requests/{pk}/send/", {"on": sent_on.isoformat()}, format="json").json()
    assert sent["sent_at"].startswith(sent_on.isoformat())
    assert sent["due_date"] == (sent_on + timedelta(days=services.response_due_days())).isoformat()
    before = api_client.post(f"/api/tracing/requests/{pk}/acknowledge/",
                             {"on": (sent_on - timedelta(days=1)).isoformat()}, format="json")
    assert before.status_code == 400 and before.json()["code"] == "out_of_order"
    future = api_client.post(f"/api/tracing/requests/{pk}/acknowledge/",
                             {"on": (timezone.localdate() + timedelta(days=2)).isoformat()}, format="json")
    assert future.status_code == 400 and future.json()["code"] == "future_date"
    assert api_client.post(f"/api/tracing/requests/{pk}/acknowledge/", {"on": "31/12/2020"},
                           format="json").status_code == 400
    acknowledged = api_client.post(f"/api/tracing/requests/{pk}/acknowledge/", {}, format="json").json()
    assert acknowledged["status"] == "acknowledged"
    assert acknowledged["acknowledged_at"].startswith(timezone.localdate().isoformat())
