"""An item's lost/stolen checks with partners are in its trace report's JSON (the API's and the report's own):
the query while it waits in the outbox, then the partner's answer once it came; never anything more."""

import uuid
from datetime import UTC, datetime

from armstrace.core import signing
from armstrace.federation import inbox, jws, services
from armstrace.federation.tests.test_inbox_in_process import partner_key_of


def answer_from_partner(key, query, body):
    kid = signing.key_id(key.public_key())
    return jws.sign({"id": str(uuid.uuid4()), "type": "lost-stolen-answer", "version": 1, "from": kid,
                     "to": signing.key_id(), "created": datetime.now(UTC).isoformat(), "in_reply_to": query.message_id,
                     "body": body}, kid=kid, issuer="SEN", private_key=key)


def report_checks(api_client, item):
    response = api_client.get(f"/api/tracing/reports/{item.pk}/")
    assert response.status_code == 200, response.content
    return response.json()["partner_checks"]


def test_the_trace_report_lists_the_checks_and_their_answers(glock, api_client):
    key = partner_key_of()
    assert report_checks(api_client, glock) == []
    query = services.check_lost_stolen("SEN", glock.serial_number, "Glock", item=glock)  # the partner is down
    (waiting,) = report_checks(api_client, glock)
    assert (waiting["partner"], waiting["serial"], waiting["make"], waiting["state"]) == ("SEN", "ABC123", "Glock",
                                                                                           "pending")
    assert waiting["result"] is None and waiting["contact_point"] is None
    inbox.receive(answer_from_partner(key, query, {"serial": "ABC123", "make": "Glock", "result": "reported_lost_stolen",
                                                    "reported_on": "2024-06-02", "contact_point": "Registry SEN"}),
                  transport="file")
    (answered,) = report_checks(api_client, glock)
    assert (answered["result"], answered["reported_on"], answered["contact_point"]) == (
        "reported_lost_stolen", "2024-06-02", "Registry SEN")
    assert set(answered) == {"asked_at", "partner", "serial", "make", "state", "result", "reported_on",
                             "contact_point"}
