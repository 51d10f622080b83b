"""Export of a request as JSON, import of the answer JSON, with the findings recorded on the item."""

import io
import json

import pytest

from armstrace.conftest import at
from armstrace.registry.models import Event, EventKind
from armstrace.registry.services import RuleViolation
from armstrace.tracing import services
from armstrace.tracing.finding import iafq_tracing_status
from armstrace.tracing.models import RequestStatus
from armstrace.tracing.status import TracingStatus

DATA = {"counterpart_country": "AUT", "identifying_marks": "GLK660011, slide", "serial_number": "GLK660011", "make": "Glock",
        "reason_illicit": "Found at a crime scene", "intended_use": "Prosecution", "requesting_authority": "National Police",
        "point_of_contact": "Desk 4", "circumstances_of_recovery": "Abandoned in a car"}


@pytest.fixture
def sent(firearm):
    item = firearm("GLK660011", how=EventKind.FOUND, occurred_at=at(2023, 5, 5))
    return services.send(services.create_request(dict(DATA), item=item))


def answer_for(request, **extra):
    answer = services.export_request(request)["answer_template"]
    answer.update({"responding_country": "AUT", "responding_authority": "Bundeskriminalamt", "answered_on": "2026-02-03",
                   "outcome": "illegitimate_owner_foreign",
                   "findings": {"summary": "Sold in 2011 to a dealer in Vienna", "last_legal_holder": "Waffen GmbH"}})
    answer.update(extra)
    return answer


def test_export_has_the_iti_content(sent):
    data = services.export_request(sent)
    assert data["format"] == "armstrace-tracing-request/1"
    assert (data["requesting_state"], data["requested_state"]) == ("KEN", "AUT")
    assert data["weapon"]["serial_number"] == "GLK660011"
    for key in ("reason_illicit", "circumstances_of_recovery", "intended_use", "requesting_authority", "point_of_contact"):
        assert data[key]
    json.dumps(data)


def test_import_answer_records_findings(sent):
    request = services.import_answer(answer_for(sent))
    assert request.status == RequestStatus.ANSWERED and request.outcome == TracingStatus.ILLEGITIMATE_OWNER_FOREIGN
    event = Event.objects.get(item=sent.item, kind=EventKind.TRACE_RECORDED)
    assert event.payload["findings"]["last_legal_holder"] == "Waffen GmbH"
    assert event.payload["responding_authority"] == "Bundeskriminalamt"
    assert iafq_tracing_status(sent.item) == TracingStatus.ILLEGITIMATE_OWNER_FOREIGN


@pytest.mark.parametrize("change, code", [
    ({"format": "something-else/1"}, "bad_answer"),
    ({"outcome": "found_it"}, "bad_answer"),
    ({"answered_on": "yesterday"}, "bad_answer"),
    ({"request_reference": "TR-1999-00001"}, "unknown_request"),
])
def test_invalid_answers_are_rejected(sent, change, code):
    with pytest.raises(RuleViolation) as rejected:
        services.import_answer(answer_for(sent, **change))
    assert rejected.value.code == code
    sent.refresh_from_db()
    assert sent.status == RequestStatus.SENT


def test_answer_for_another_request_is_rejected(sent):
    other = services.send(services.create_request(dict(DATA)))
    with pytest.raises(RuleViolation) as wrong:
        services.import_answer(answer_for(sent), request=other)
    assert wrong.value.code == "wrong_request"


def test_import_through_ui_and_api(sent, client, user, api_client):
    client.force_login(user)
    exported = client.get(f"/tracing/requests/{sent.pk}/export.json")
    assert exported["Content-Disposition"].endswith(f'{sent.reference}.json"')
    assert exported.json()["reference"] == sent.reference
    bad = io.BytesIO(b"{not json")
    bad.name = "answer.json"
    client.post("/tracing/requests/import-answer/", {"answer_file": bad})
    sent.refresh_from_db()
    assert sent.status == RequestStatus.SENT
    upload = io.BytesIO(json.dumps(answer_for(sent)).encode())
    upload.name = "answer.json"
    response = client.post("/tracing/requests/import-answer/", {"answer_file": upload})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == RequestStatus.ANSWERED
    again = api_client.post(f"/api/tracing/requests/{sent.pk}/import-answer/", answer_for(sent), format="json")
    assert again.status_code == 400 and again.json()["code"] == "bad_status"
