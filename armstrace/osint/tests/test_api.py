"""The API: ingest a document, read its record with each field's span and confidence, review fields and the record,
read the incident; bad input answers 400 naming the field, a stale version 409."""

import pytest

from armstrace.osint.tests.conftest import EN, FR, IRRELEVANT


@pytest.mark.django_db
def test_ingest_review_and_incident_through_the_api(api_client):
    created = api_client.post("/api/osint/documents/", {"text": EN, "title": "Mombasa", "published": "2025-03-05",
                                                         "source_url": "https://police.example/en"}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["outcome"] == "stored"
    record_id = created.json()["document"]["record"]
    record = api_client.get(f"/api/osint/records/{record_id}/").json()
    fields = {f["key"]: f for f in record["fields"]}
    span = fields["firearms_total"]["spans"][0]
    assert fields["firearms_total"]["value"] == 12 and EN[span["start"]:span["end"]].startswith("12")
    assert 0 < fields["firearms_total"]["confidence"] <= 1

    edited = api_client.post(f"/api/osint/records/{record_id}/review-field/",
                             {"key": "arrests", "decision": "edited", "value": 3, "version": 0}, format="json")
    assert edited.status_code == 200 and {f["key"]: f["value"] for f in edited.json()["fields"]}["arrests"] == 3
    stale = api_client.post(f"/api/osint/records/{record_id}/review/", {"decision": "accepted", "version": 0},
                            format="json")
    assert stale.status_code == 409
    accepted = api_client.post(f"/api/osint/records/{record_id}/review/", {"decision": "accepted", "version": 1},
                               format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert accepted.json()["seizure"]["source_url"] == "https://police.example/en"

    api_client.post("/api/osint/documents/", {"text": FR, "published": "2025-03-05"}, format="json")
    incident = api_client.get(f"/api/osint/incidents/{accepted.json()['incident']}/").json()
    assert len(incident["records"]) == 2 and incident["country"] == "KEN" and incident["seizures"]


@pytest.mark.django_db
def test_bad_input_names_the_field(api_client):
    empty = api_client.post("/api/osint/documents/", {"text": "   "}, format="json")
    assert empty.status_code == 400
    german = api_client.post("/api/osint/documents/", {"text": "Die Polizei hat heute zwölf Pistolen und viele "
                                                       "Patronen im Hafen beschlagnahmt und zwei Männer festgenommen."},
                             format="json")
    assert german.status_code == 400 and german.json()["field"] == "language"
    ok = api_client.post("/api/osint/documents/", {"text": EN}, format="json").json()
    record_id = ok["document"]["record"]
    bad = api_client.post(f"/api/osint/records/{record_id}/review-field/",
                          {"key": "country", "decision": "edited", "value": "Kenya"}, format="json")
    assert bad.status_code == 400 and bad.json()["field"] == "value"
    unknown = api_client.post(f"/api/osint/records/{record_id}/review-field/",
                              {"key": "colour", "decision": "accepted"}, format="json")
    assert unknown.status_code == 400


@pytest.mark.django_db
def test_irrelevant_documents_are_left_out_of_the_list_unless_asked(api_client):
    api_client.post("/api/osint/documents/", {"text": EN}, format="json")
    irrelevant = api_client.post("/api/osint/documents/", {"text": IRRELEVANT}, format="json").json()
    assert irrelevant["outcome"] == "irrelevant" and irrelevant["document"]["record"] is None
    assert api_client.get("/api/osint/documents/").json()["count"] == 1
    assert api_client.get("/api/osint/documents/?all=true").json()["count"] == 2
