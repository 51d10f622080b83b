"""The custody API records a case with registered and new items, moves them, counts a depot; refusals are 400."""

from datetime import date

from armstrace.custody.models import CustodyPosition


def test_case_movement_stocktake_and_disposal_through_the_api(api_client, glock, depot, lab):
    a1 = depot.locations.get(code="A1")
    r = api_client.post("/api/custody/cases/", {
        "kind": "seizure", "occurred_on": "2024-02-02", "place": "Border post", "location_type": "land_border",
        "legal_justification": "illicit_trafficking", "suspected_offences": ["firearms_trafficking"],
        "route_departure": "SSD", "route_destination": "KEN",
        "items": [{"item": glock.pk, "expected_seq": glock.last_event_seq},
                  {"new": {"category": "firearm", "firearm_type": "rifle", "serial_number": ""},
                   "condition": "converted", "marking_status": "altered"}],
        "ammunition": [{"quantity": 30}],
        "persons": [{"name": "Y", "role": "suspect", "sex": "male", "nationality": "SSD"}],
        "depot": depot.pk, "shelf": a1.pk, "received_by": "Clerk",
    }, format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert [i["item_status"] for i in body["items"]] == ["seized", "seized"]
    assert body["items"][1]["marking_status"] == "altered" and body["route_departure"] == "SSD"

    glock.refresh_from_db()
    r = api_client.post("/api/custody/movements/", {"item": glock.pk, "from_facility": lab.pk, "to_depot": depot.pk,
                                                    "handed_over_by": "A", "received_by": "B",
                                                    "expected_seq": glock.last_event_seq}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "not_there"
    r = api_client.post("/api/custody/movements/", {"item": glock.pk, "from_depot": depot.pk, "to_facility": lab.pk,
                                                    "handed_over_by": "A", "received_by": "B",
                                                    "expected_seq": glock.last_event_seq}, format="json")
    assert r.status_code == 201 and r.json()["event_seq"]
    inventory = api_client.get(f"/api/custody/depots/{depot.pk}/inventory/").json()
    assert len(inventory) == 1 and inventory[0]["place"].endswith("/ A1")

    r = api_client.post("/api/custody/stocktakes/", {"depot": depot.pk, "counts": []}, format="json")
    assert r.status_code == 201 and r.json()["missing_count"] == 1

    glock.refresh_from_db()
    r = api_client.post("/api/custody/disposals/", {"kind": "destruction", "item": glock.pk, "date": "2025-01-01",
                                                    "method": "Crushing", "witnesses": [],
                                                    "expected_seq": glock.last_event_seq}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "witnesses_required"
    r = api_client.post("/api/custody/disposals/", {"kind": "destruction", "item": glock.pk, "date": date.today().isoformat(),
                                                    "method": "Crushing", "witnesses": ["W"]}, format="json",
                        HTTP_IF_MATCH=api_client.get(f"/api/items/{glock.pk}/")["ETag"])
    assert r.status_code == 201
    assert not CustodyPosition.objects.filter(item=glock).exists()


def test_empty_case_is_refused_through_the_api(api_client, registry):
    r = api_client.post("/api/custody/cases/", {"occurred_on": "2024-02-02"}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "empty_case"
