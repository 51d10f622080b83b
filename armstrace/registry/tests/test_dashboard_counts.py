"""Counts per status (kept per head of the event log): the dashboard and the item list pages follow every event."""

from armstrace.conftest import at
from armstrace.registry import services


def counts(client):
    return {value: n for _label, n, value in client.get("/").context["status_counts"]}


def test_dashboard_counts_follow_new_events(client, user, registry, glock):
    client.force_login(user)
    assert counts(client)["active"] == 1 and counts(client)["stolen"] == 0
    services.report_missing(glock, "theft_reported", occurred_at=at(2019, 5, 2), location="Port Town")
    assert counts(client)["active"] == 0 and counts(client)["stolen"] == 1
    services.take_into_custody(glock, "seized", occurred_at=at(2020, 1, 3), location="Port Town")
    assert counts(client)["stolen"] == 0 and counts(client)["seized"] == 1


def test_item_list_pages_follow_the_counts(client, user, registry, glock):
    from armstrace.registry.models import FirearmModel

    model = FirearmModel.objects.select_related("make").first()
    for n in range(60):
        services.create_item(services.FirearmInput(serial_number=f"LIST{n:03d}", make=model.make, model=model),
                             holder=registry.dealer, location="Capital City", occurred_at=at(2016, 1, 1))
    client.force_login(user)
    page = client.get("/registry/items/").context["lst"]
    assert page.count == 61 and page.has_next and len(page.rows) == 50
    services.report_missing(glock, "theft_reported", occurred_at=at(2019, 5, 2), location="Port Town")
    stolen = client.get("/registry/items/", {"status": "stolen"}).context["lst"]
    assert stolen.count == 1 and [i.pk for i in stolen.rows] == [glock.pk]
    second = client.get("/registry/items/", {"page": 2}).context["lst"]
    assert second.count == 61 and not second.has_next and len(second.rows) == 11
