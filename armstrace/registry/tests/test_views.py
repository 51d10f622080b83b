"""The registry's pages: login required, forms validate, rule violations show on the form and save nothing."""

import pytest
from django.urls import reverse

from armstrace.registry.models import Event, FirearmModel, Item


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


def test_pages_need_login(client, db):
    response = client.get(reverse("registry:item-register"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_dashboard_search_item_and_holder_pages(logged_in, registry, glock):
    assert "Legally held" in logged_in.get("/").content.decode()
    found = logged_in.get(reverse("registry:search"), {"q": "abc 123"}).content.decode()
    assert "ABC123" in found and "1 item matches" in found
    folded = logged_in.get(reverse("registry:search"), {"q": "A8CI23"}).content.decode()
    assert "ABC123" in folded and "look-alike" in folded
    page = logged_in.get(reverse("registry:item-detail", args=[glock.pk])).content.decode()
    assert "Metro Firearms" in page and "Registered" in page
    holder = logged_in.get(reverse("registry:party-detail", args=[registry.dealer.pk])).content.decode()
    assert "ABC123" in holder and "L-DLR-1" in holder


def test_register_form_shows_field_errors_and_saves_nothing(logged_in, registry):
    response = logged_in.post(reverse("registry:item-register"), {"how": "registered", "occurred_on": "2099-01-01",
                                                                  "holder": "NOBODY"})
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert {"holder", "occurred_on", "serial_number", "firearm_type"} <= set(errors)
    assert "No holder has the number" in errors["holder"][0]
    assert Item.objects.count() == 0 and not Event.objects.filter(item__isnull=False).exists()


def test_register_form_records_an_item(logged_in, registry):
    model = FirearmModel.objects.get(make__name="Glock", name="G19")
    response = logged_in.post(reverse("registry:item-register"), {
        "how": "registered", "model": model.pk, "serial_number": "GG-42", "serial_state": "intact",
        "holder": "ID-ALICE", "occurred_on": "2020-02-02", "import_mark": "KEN 20"})
    item = Item.objects.get()
    assert response.status_code == 302 and response.url == reverse("registry:item-detail", args=[item.pk])
    assert (item.make.name, item.current_holder, item.markings.count()) == ("Glock", registry.alice, 2)


def test_rule_violation_appears_on_the_transfer_form(logged_in, registry, glock):
    response = logged_in.post(reverse("registry:item-transfer", args=[glock.pk]), {
        "to_party": "ID-CAROL", "occurred_on": "2020-01-01", "expected_seq": glock.last_event_seq})
    assert "holds no valid licence" in response.content.decode()
    assert glock.events.count() == 1


def test_stale_transfer_form_is_refused(logged_in, registry, glock):
    stale = glock.last_event_seq
    url = reverse("registry:item-transfer", args=[glock.pk])
    logged_in.post(url, {"to_party": "ID-ALICE", "occurred_on": "2020-01-01", "expected_seq": stale})
    response = logged_in.post(url, {"to_party": "ID-BOB", "occurred_on": "2020-01-02", "expected_seq": stale})
    assert "changed by someone else" in response.content.decode()
    assert Item.objects.get(pk=glock.pk).current_holder == registry.alice


def test_theft_and_seizure_forms(logged_in, registry, glock):
    logged_in.post(reverse("registry:item-missing", args=[glock.pk]), {"kind": "theft_reported", "occurred_on": "2020-01-01",
                                                                      "expected_seq": glock.last_event_seq})
    glock.refresh_from_db()
    assert glock.status == "stolen"
    logged_in.post(reverse("registry:item-custody", args=[glock.pk]), {"kind": "seized", "occurred_on": "2021-01-01",
                                                                      "location": "Border District",
                                                                      "expected_seq": glock.last_event_seq})
    item = Item.objects.get(pk=glock.pk)
    assert (item.status, item.location) == ("seized", "Border District")


def test_holder_and_licence_forms(logged_in, registry):
    response = logged_in.post(reverse("registry:party-create"), {"kind": "person", "name": "Juma", "identifier": "ID-J"})
    party = registry.dealer.__class__.objects.get(identifier="ID-J")
    assert response.url == reverse("registry:party-detail", args=[party.pk])
    bad = logged_in.post(reverse("registry:licence-create", args=[party.pk]), {
        "licence_type": "HUNTING", "number": "H-1", "valid_from": "2020-01-01", "valid_until": "2019-01-01", "status": "valid"})
    assert "cannot end before it starts" in bad.content.decode() and not party.licences.exists()
