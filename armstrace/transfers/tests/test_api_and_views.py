"""Transfers through the API and the web pages: remaining quantity shown, over-shipment refused with its reason."""

from datetime import date, timedelta

import pytest

from armstrace.transfers import services
from armstrace.transfers.models import Authorization, Shipment

TODAY = date.today()


def test_api_issue_ship_over_ship_and_confirm(api_client, registry, broker):
    r = api_client.post("/api/transfers/authorizations/", {
        "kind": "export", "number": "API-EXP-1", "place_of_issue": "Nairobi", "issued_on": str(TODAY),
        "expires_on": str(TODAY + timedelta(days=30)), "export_country": "KEN", "import_country": "TZA",
        "transit_countries": [], "final_recipient": "Tanzania Police", "broker": broker.pk,
        "lines": [{"description": "Rifles", "quantity": 10, "firearm_type": "rifle"}],
    }, format="json")
    assert r.status_code == 201, r.json()
    auth = r.json()
    line = auth["lines"][0]["id"]
    assert auth["quantity_remaining"] == 10
    r = api_client.post(f"/api/transfers/authorizations/{auth['id']}/ship/",
                        {"shipped_on": str(TODAY), "lines": [{"line": line, "quantity": 7}]}, format="json")
    assert r.status_code == 201
    shipment = r.json()["id"]
    r = api_client.post(f"/api/transfers/authorizations/{auth['id']}/ship/",
                        {"shipped_on": str(TODAY), "lines": [{"line": line, "quantity": 4}]}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "over_shipment" and "only 3 remain" in r.json()["detail"]
    assert api_client.get(f"/api/transfers/authorizations/{auth['id']}/").json()["quantity_remaining"] == 3
    r = api_client.post(f"/api/transfers/shipments/{shipment}/receipt/",
                        {"received_on": str(TODAY), "received_by": "TZ Police armourer"}, format="json")
    assert r.status_code == 200 and r.json()["received_by"] == "TZ Police armourer"
    r = api_client.post(f"/api/transfers/shipments/{shipment}/receipt/",
                        {"received_on": str(TODAY), "received_by": "again"}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "already_confirmed"


@pytest.fixture
def client_in(client, user):
    client.force_login(user)
    return client


def test_authorization_form_and_page_show_remaining_quantity(client_in, registry):
    lines = {"lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0",
             "lines-MAX_NUM_FORMS": "1000", "lines-0-description": "Pistols 9 mm", "lines-0-category": "firearm",
             "lines-0-quantity": "5", "lines-1-category": "firearm", "lines-2-category": "firearm"}
    r = client_in.post("/transfers/authorizations/new/", {
        "kind": "export", "number": "WEB-1", "place_of_issue": "Mombasa", "issued_on": str(TODAY),
        "expires_on": str(TODAY + timedelta(days=10)), "export_country": "KEN", "import_country": "RWA",
        "transit_countries": "uga", "final_recipient": "Rwanda National Police", **lines})
    assert r.status_code == 302, [x for x in r.content.decode().splitlines() if "error" in x]
    auth = Authorization.objects.get(number="WEB-1")
    assert auth.transit_countries == ["UGA"]
    r = client_in.post(f"/transfers/authorizations/{auth.pk}/ship/",
                       {"shipped_on": str(TODAY), f"qty_{auth.lines.get().pk}": "2", "reference": "AWB-1"})
    assert r.status_code == 302
    page = client_in.get(f"/transfers/authorizations/{auth.pk}/").content.decode()
    assert 'id="remaining-total">3<' in page and "Confirm receipt" in page
    r = client_in.post(f"/transfers/authorizations/{auth.pk}/ship/",
                       {"shipped_on": str(TODAY), f"qty_{auth.lines.get().pk}": "4"})
    assert r.status_code == 200 and "Over-shipment" in r.content.decode()
    assert Shipment.objects.count() == 1
    r = client_in.post(f"/transfers/shipments/{Shipment.objects.get().pk}/receipt/",
                       {"received_on": str(TODAY), "received_by": "RNP logistics"})
    assert r.status_code == 302
    assert "RNP logistics" in client_in.get(f"/transfers/authorizations/{auth.pk}/").content.decode()


def test_expired_authorization_refused_in_the_form(client_in, registry):
    from armstrace.transfers.tests.conftest import auth_input

    old = services.issue_authorization(auth_input(number="OLD-W", issued_on=TODAY - timedelta(days=60),
                                                  expires_on=TODAY - timedelta(days=1)))
    r = client_in.post(f"/transfers/authorizations/{old.pk}/ship/",
                       {"shipped_on": str(TODAY), f"qty_{old.lines.first().pk}": "1"})
    assert r.status_code == 200 and "expired on" in r.content.decode()


def test_broker_registration_form(client_in, registry):
    r = client_in.post("/transfers/brokers/new/", {"name": "Acme Brokering", "identifier": "CO-77", "number": "BR-77",
                                                   "issued_on": str(TODAY)})
    assert r.status_code == 302
    page = client_in.get("/transfers/brokers/").content.decode()
    assert "Acme Brokering" in page and "BR-77" in page
