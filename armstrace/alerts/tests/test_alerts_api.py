"""The alerts API: a user lists only the alerts addressed to them or their agency's staff; acknowledge and resolve
record who and when (409 when the state does not allow it); the count of new ones; all in the OpenAPI schema."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from armstrace.alerts import services
from armstrace.alerts.models import AlertKind


def _client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def alerts(people):
    mine = services.raise_alert(AlertKind.OTHER, "api:1", params={"title": "Mine"}, users=[people.customs])
    services.raise_alert(AlertKind.OTHER, "api:2", params={"title": "Theirs"}, users=[people.investigator])
    return mine


def test_list_acknowledge_resolve_and_count(people, alerts):
    client = _client(people.customs)
    listed = client.get("/api/alerts/").json()
    assert [a["title"] for a in listed["results"]] == ["Mine"] and listed["results"][0]["state"] == "new"
    assert client.get("/api/alerts/count/").json() == {"new": 1}
    done = client.post(f"/api/alerts/{alerts.pk}/acknowledge/", {"note": "seen"}, format="json")
    assert done.status_code == 200 and done.json()["acknowledged_by"] == "a-customs"
    assert client.get("/api/alerts/count/").json() == {"new": 0}
    resolved = client.post(f"/api/alerts/{alerts.pk}/resolve/", {}, format="json").json()
    assert resolved["state"] == "resolved" and resolved["resolved_by"] == "a-customs" and resolved["resolved_at"]
    assert [(c["state"], c["by"], c["note"]) for c in resolved["changes"]] == [
        ("new", "system", ""), ("acknowledged", "a-customs", "seen"), ("resolved", "a-customs", "")]
    again = client.post(f"/api/alerts/{alerts.pk}/resolve/", {}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "alert_state"
    assert client.get("/api/alerts/", {"state": "new"}).json()["count"] == 0


def test_alerts_of_others_answer_404_and_bad_input_400(people, alerts):
    client = _client(people.investigator)
    assert client.get(f"/api/alerts/{alerts.pk}/").status_code == 404
    assert client.post(f"/api/alerts/{alerts.pk}/resolve/", {}, format="json").status_code == 404
    mine = client.get("/api/alerts/").json()["results"][0]["id"]
    bad = client.post(f"/api/alerts/{mine}/resolve/", {"note": "x" * 501}, format="json")
    assert bad.status_code == 400 and "note" in bad.json()


def test_in_the_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert {"/api/alerts/", "/api/alerts/{id}/", "/api/alerts/{id}/acknowledge/", "/api/alerts/{id}/resolve/",
            "/api/alerts/count/"} <= set(schema["paths"])
