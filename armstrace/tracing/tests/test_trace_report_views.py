"""The printable trace report page, its JSON, and the API endpoint."""

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import EventKind


def stolen_item(firearm, registry):
    item = firearm("GLK700800")
    services.transfer(item, registry.alice, occurred_at=at(2016, 3, 1))
    services.report_missing(item, EventKind.THEFT_REPORTED, occurred_at=at(2020, 2, 2), location="Lake Region")
    return item


def test_page_shows_holder_diversion_status_and_history(firearm, registry, client, user):
    item = stolen_item(firearm, registry)
    client.force_login(user)
    page = client.get(f"/tracing/items/{item.pk}/report/").content.decode()
    for text in ("Alice Otieno", "Theft reported by the holder", "Lake Region",
                 "Traced to legitimate owner in national registry", "Austria", 'id="event-history"',
                 "armstrace/print.css", "data-print"):
        assert text in page, text
    assert page.count('<tr class="kind-') == 3


def test_json_download_and_api(firearm, registry, client, user, api_client):
    item = stolen_item(firearm, registry)
    client.force_login(user)
    body = client.get(f"/tracing/items/{item.pk}/report.json").json()
    assert body["last_legitimate_holder"]["name"] == "Alice Otieno"
    api = api_client.get(f"/api/tracing/reports/{item.pk}/")
    assert api.status_code == 200
    assert api.json()["tracing_status"]["code"] == "legitimate_owner_national"
    assert api.json()["point_of_diversion"]["kind"] == "theft"
    assert api_client.get("/api/tracing/reports/999999/").status_code == 404
