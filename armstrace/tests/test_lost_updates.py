"""No lost updates: an API write on an item says which version it was decided on (expected_seq or If-Match with
the item's ETag); without it 428, with a stale one 409. Forms carry the version in a hidden field."""

from datetime import date

import pytest

from armstrace.custody import services as custody
from armstrace.registry import services as registry_services
from armstrace.registry.models import Event, Item

WRITES = {
    "transfer": lambda r: {"to_party": r.alice.pk},
    "report-loss": lambda r: {"circumstances": "lost"},
    "report-theft": lambda r: {"circumstances": "stolen"},
    "seize": lambda r: {"kind": "seized", "location": "Port Town"},
    "markings": lambda r: {"kind": "import", "text": "KEN 24"},
    "correct": lambda r: {"fields": {"location": "Armoury"}, "reason": "typo"},
}


@pytest.mark.parametrize("action", sorted(WRITES))
def test_an_item_write_without_a_version_is_428_and_writes_nothing(api_client, registry, glock, action):
    events = Event.objects.count()
    response = api_client.post(f"/api/items/{glock.pk}/{action}/", WRITES[action](registry), format="json")
    assert response.status_code == 428, response.content
    assert response.json()["code"] == "expected_seq_required" and "If-Match" in response.json()["detail"]
    assert Event.objects.count() == events


@pytest.mark.parametrize("action", sorted(WRITES))
def test_an_item_write_with_expected_seq_or_if_match_goes_through_and_a_stale_one_is_409(api_client, registry,
                                                                                          glock, action):
    read = api_client.get(f"/api/items/{glock.pk}/")
    etag = read["ETag"]
    assert etag == f'"{glock.pk}.{read.json()["last_event_seq"]}"'
    done = api_client.post(f"/api/items/{glock.pk}/{action}/", WRITES[action](registry), format="json",
                           HTTP_IF_MATCH=etag)
    assert done.status_code == 201, done.content
    stale = api_client.post(f"/api/items/{glock.pk}/{action}/", WRITES[action](registry), format="json",
                            HTTP_IF_MATCH=etag)
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    stale_seq = api_client.post(f"/api/items/{glock.pk}/{action}/",
                                {**WRITES[action](registry), "expected_seq": read.json()["last_event_seq"]},
                                format="json")
    assert stale_seq.status_code == 409
    assert api_client.get(f"/api/items/{glock.pk}/")["ETag"] != etag


def test_if_match_of_another_item_is_409_and_a_malformed_one_400(api_client, registry, glock):
    assert api_client.post(f"/api/items/{glock.pk}/report-loss/", {}, format="json",
                           HTTP_IF_MATCH=f'"{glock.pk + 1}.{glock.last_event_seq}"').status_code == 409
    bad = api_client.post(f"/api/items/{glock.pk}/report-loss/", {}, format="json", HTTP_IF_MATCH="yesterday")
    assert bad.status_code == 400 and "If-Match" in bad.json()
    star = api_client.post(f"/api/items/{glock.pk}/report-loss/", {}, format="json", HTTP_IF_MATCH="*")
    assert star.status_code == 428


def test_the_other_apps_item_writes_need_a_version_too(api_client, registry, glock):
    depot = custody.create_depot(code="D1", name="Central armoury", shelves=["A1"])
    case = {"occurred_on": "2024-03-01", "items": [{"item": glock.pk}], "depot": depot.pk, "received_by": "Sgt. K"}
    assert api_client.post("/api/custody/cases/", case, format="json").status_code == 428
    case["items"][0]["expected_seq"] = glock.last_event_seq
    assert api_client.post("/api/custody/cases/", case, format="json").status_code == 201
    glock.refresh_from_db()
    move = {"item": glock.pk, "to_label": "Forensic lab", "handed_over_by": "Sgt. K", "received_by": "Dr. M"}
    assert api_client.post("/api/custody/movements/", move, format="json").status_code == 428
    assert api_client.post("/api/custody/movements/", {**move, "expected_seq": glock.last_event_seq - 1},
                           format="json").status_code == 409
    assert api_client.post("/api/custody/movements/", move, format="json",
                           HTTP_IF_MATCH=f'"{glock.pk}.{glock.last_event_seq}"').status_code == 201
    glock.refresh_from_db()
    disposal = {"kind": "destruction", "item": glock.pk, "date": date.today().isoformat(), "method": "cut",
                "witnesses": ["A"]}
    assert api_client.post("/api/custody/disposals/", disposal, format="json").status_code == 428
    done = api_client.post("/api/custody/disposals/", {**disposal, "expected_seq": glock.last_event_seq},
                           format="json")
    assert done.status_code == 201, done.content
    assert Item.objects.get(pk=glock.pk).status == "destroyed"


def test_the_schema_documents_428_if_match_and_the_etag(api_client, db):
    schema = api_client.get("/api/schema/?format=json").json()
    paths = schema["paths"]
    for path in ("/api/items/{id}/transfer/", "/api/items/{id}/correct/", "/api/custody/movements/",
                 "/api/custody/cases/", "/api/transfers/authorizations/{id}/ship/"):
        assert "428" in paths[path]["post"]["responses"], path
    assert "If-Match" in {p["name"] for p in paths["/api/items/{id}/transfer/"]["post"]["parameters"]}
    assert "ETag" in paths["/api/items/{id}/"]["get"]["responses"]["200"]["headers"]
    assert "428" not in paths["/api/items/"]["post"]["responses"]
    links = paths["/api/items/{id}/"]["get"]["responses"]["200"]["links"]  # followed by bench/api_fuzz.py
    transfer = next(link for link in links.values() if link["operationId"] == "items_transfer_create")
    assert transfer["parameters"]["header.If-Match"] == "$response.header.ETag"
    created = paths["/api/custody/cases/"]["post"]["responses"]["201"]["links"]
    assert {link["parameters"]["path.id"] for link in created.values()} == {"$response.body#/id"}


def test_a_form_carries_the_version_and_refuses_a_stale_one(client, user, registry, glock):
    client.force_login(user)
    page = client.get(f"/registry/items/{glock.pk}/missing/")
    assert f'name="expected_seq" value="{glock.last_event_seq}"' in page.content.decode()
    form = {"kind": "theft_reported", "occurred_on": "2024-05-01", "expected_seq": glock.last_event_seq}
    registry_services.report_missing(glock, "loss_reported")  # someone else, meanwhile
    refused = client.post(f"/registry/items/{glock.pk}/missing/", form)
    assert refused.status_code == 200 and "changed by someone else" in refused.content.decode()
    assert Item.objects.get(pk=glock.pk).status == "lost"
