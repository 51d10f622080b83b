"""API round trips: register, transfer, report, seize through the API and read it all back."""

import pytest

from armstrace.registry.models import Event, FirearmModel, Item


@pytest.fixture
def beretta(registry):
    return FirearmModel.objects.get(make__name="Beretta", name="92FS")


def test_api_requires_a_token(client, db):
    assert client.get("/api/items/").status_code in (401, 403)


def test_register_transfer_report_seize_round_trip(api_client, registry, beretta):
    created = api_client.post("/api/items/", {
        "make": beretta.make_id, "model": beretta.pk, "serial_number": "P-4410", "holder": registry.dealer.pk,
        "location": "Capital City", "occurred_at": "2019-05-01T10:00:00Z",
        "markings": [{"kind": "import", "text": "KEN 19", "position": "frame"}],
    }, format="json")
    assert created.status_code == 201, created.json()
    item = created.json()
    assert (item["status"], item["current_holder"], item["firearm_type"]) == ("active", registry.dealer.pk, "pistol")
    assert {m["kind"] for m in item["markings"]} == {"serial", "import"}

    moved = api_client.post(f"/api/items/{item['id']}/transfer/", {
        "to_party": registry.alice.pk, "occurred_at": "2020-01-01T10:00:00Z", "expected_seq": item["last_event_seq"]},
        format="json")
    assert moved.status_code == 201 and moved.json()["kind"] == "transferred"
    theft = api_client.post(f"/api/items/{item['id']}/report-theft/", {"circumstances": "burglary"}, format="json",
                            HTTP_IF_MATCH=api_client.get(f"/api/items/{item['id']}/")["ETag"])
    assert theft.status_code == 201
    seized = api_client.post(f"/api/items/{item['id']}/seize/", {"kind": "seized", "location": "Port Town",
                                                                 "expected_seq": theft.json()["seq"]}, format="json")
    assert seized.status_code == 201

    read = api_client.get(f"/api/items/{item['id']}/").json()
    assert (read["status"], read["current_holder"], read["location"]) == ("seized", None, "Port Town")
    events = api_client.get(f"/api/items/{item['id']}/events/").json()
    assert [e["kind"] for e in events] == ["registered", "transferred", "theft_reported", "seized"]
    assert events[1]["payload"]["from_holder"] == registry.dealer.pk
    assert events[1]["prev_hash"] == events[0]["hash"]
    found = api_client.get("/api/items/", {"serial": "p4410"}).json()
    assert [r["id"] for r in found["results"]] == [item["id"]]
    log = api_client.get("/api/events/", {"item": item["id"]}).json()
    assert log["count"] == 4 and log["results"][0]["hash"] == Event.objects.get(seq=events[0]["seq"]).hash


def test_rule_violations_are_400_with_a_code(api_client, registry, glock):
    response = api_client.post(f"/api/items/{glock.pk}/transfer/", {"to_party": registry.unlicensed.pk,
                                                                    "expected_seq": glock.last_event_seq}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "no_valid_licence" and response.json()["field"] == "holder"
    assert Item.objects.get(pk=glock.pk).current_holder == registry.dealer


def test_stale_expected_seq_is_409(api_client, registry, glock):
    seen = glock.last_event_seq
    assert api_client.post(f"/api/items/{glock.pk}/transfer/", {"to_party": registry.alice.pk, "expected_seq": seen},
                           format="json").status_code == 201
    second = api_client.post(f"/api/items/{glock.pk}/transfer/", {"to_party": registry.bob.pk, "expected_seq": seen},
                             format="json")
    assert second.status_code == 409 and second.json()["code"] == "conflict"


def test_invalid_input_is_400_per_field(api_client, registry):
    response = api_client.post("/api/items/", {"serial_number": "X", "country_of_manufacture": "ZZZ",
                                               "holder": 99999}, format="json")
    assert response.status_code == 400
    assert set(response.json()) >= {"country_of_manufacture", "holder"}
    assert Item.objects.count() == 0


def test_parties_and_licences_round_trip(api_client, registry):
    party = api_client.post("/api/parties/", {"kind": "person", "name": "Zawadi Njeri", "identifier": "ID-ZN",
                                              "nationality": "KEN"}, format="json")
    assert party.status_code == 201, party.json()
    bad = api_client.post("/api/licences/", {"party": party.json()["id"], "licence_type": "NOPE", "number": "N-1",
                                             "valid_from": "2020-01-01"}, format="json")
    assert bad.status_code == 400 and "licence_type" in bad.json()
    licence = api_client.post("/api/licences/", {"party": party.json()["id"], "licence_type": "HUNTING",
                                                 "number": "H-77", "valid_from": "2020-01-01", "valid_until": "2030-01-01"},
                              format="json")
    assert licence.status_code == 201 and licence.json()["effective_status"] == "valid"
    listed = api_client.get("/api/licences/", {"party": party.json()["id"]}).json()
    assert [lic["number"] for lic in listed["results"]] == ["H-77"]


def test_openapi_schema_lists_the_endpoints(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/items/", "/api/items/{id}/transfer/", "/api/events/", "/api/parties/", "/api/licences/"} <= set(paths)
    assert schema.json()["openapi"].startswith("3.")


def test_api_docs_are_served_from_the_package(client, db):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
