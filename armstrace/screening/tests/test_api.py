"""POST /api/screening/consignments/ answers with the score at once; bad input is a 400 naming the field."""

import pytest

from armstrace.screening.models import Consignment
from armstrace.screening.tests.test_reader import jsonl_object

pytestmark = pytest.mark.django_db
URL = "/api/screening/consignments/"


def body(**changes):
    return jsonl_object(**changes)


def test_post_answers_with_score_band_and_reasons(api_client):
    response = api_client.post(URL, body(lines=[{"description": "Pistol slide", "hs_code": "930591", "quantity": 1,
                                                 "value": 20, "currency": "USD"}]), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["band"] == "physical_inspection" and data["risk_score"] >= 90
    assert {r["rule"] for r in data["reasons"]} >= {"arms_heading", "gun_part_words"}
    assert data["lines"][0]["hs_code"] == "930591" and data["route"] == "CHN>ARE>KEN"
    assert api_client.get(f"{URL}{data['id']}/").json()["risk_score"] == data["risk_score"]


def test_velocity_counts_the_stored_consignments(api_client):
    answers = [api_client.post(URL, body(consignment_id=f"V{i}", sender_name=f"Shop {i}",
                                         accepted_at=f"2026-11-0{i + 1}T10:00:00Z"), format="json").json()
               for i in range(3)]
    assert ["velocity_addressee" in {r["rule"] for r in a["reasons"]} for a in answers] == [False, False, True]


@pytest.mark.parametrize("changes,field", [
    ({"sender_country": "XX"}, "sender_country"),
    ({"lines": [{"description": "Toy", "hs_code": "95", "quantity": 1, "value": 1, "currency": "USD"}]},
     "lines[0].hs_code"),
    ({"declared_weight_kg": -1}, "declared_weight_kg"),
])
def test_bad_fields_answer_400_naming_the_field_and_store_nothing(api_client, changes, field):
    response = api_client.post(URL, body(**changes), format="json")
    assert response.status_code == 400
    assert response.json()["field"] == field and Consignment.objects.count() == 0


def test_missing_field_and_duplicate_answer_400(api_client):
    missing = body()
    del missing["addressee_name"]
    assert "addressee_name" in api_client.post(URL, missing, format="json").json()
    assert api_client.post(URL, body(), format="json").status_code == 201
    again = api_client.post(URL, body(), format="json")
    assert again.status_code == 400 and again.json()["code"] == "duplicate_consignment"


def test_list_filters_by_band(api_client):
    api_client.post(URL, body(consignment_id="B1"), format="json")
    band = Consignment.objects.get().band
    assert api_client.get(URL, {"band": band}).json()["count"] == 1
    other = "release" if band != "release" else "xray"
    assert api_client.get(URL, {"band": other}).json()["count"] == 0
