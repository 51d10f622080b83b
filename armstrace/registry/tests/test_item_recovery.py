""""Recovered": an item reported lost or stolen is found again. It is a `found` event marked `recovered` (the
registry's `found` covers it), accepted only from a lost or stolen status, shown as "Recovered" on the item page."""

import pytest
from django.urls import reverse

from armstrace.conftest import at
from armstrace.core.errors import RuleViolation
from armstrace.registry import services
from armstrace.registry.models import Event, ItemStatus


def test_recovering_a_stolen_item_records_a_found_event_marked_recovered(glock):
    services.report_missing(glock, "theft_reported", occurred_at=at(2020, 1, 1), police_reference="OB 12/2020")
    event = services.recover(glock, occurred_at=at(2020, 3, 1), location="Kisumu market", police_reference="OB 40/2020")
    glock.refresh_from_db()
    assert event.kind == "found" and event.payload["recovered"] is True
    assert event.payload["previous_status"] == "stolen" and event.payload["police_reference"] == "OB 40/2020"
    assert glock.status == ItemStatus.FOUND and glock.location == "Kisumu market" and glock.current_holder is None


def test_an_item_that_was_not_missing_cannot_be_recovered(glock):
    with pytest.raises(RuleViolation) as refused:
        services.recover(glock, occurred_at=at(2020, 3, 1), location="Somewhere")
    assert refused.value.code == "bad_status"
    assert not Event.objects.filter(item=glock, kind="found").exists()


def test_the_recovery_form_records_it_and_the_page_shows_recovered(client, user, glock):
    client.force_login(user)
    services.report_missing(glock, "loss_reported", occurred_at=at(2020, 1, 1))
    glock.refresh_from_db()
    url = reverse("registry:item-recover", args=[glock.pk])
    response = client.post(url, {"expected_seq": glock.last_event_seq, "occurred_on": "2020-02-01",
                                 "location": "Lake shore", "police_reference": "OB 7/2020"})
    assert response.status_code == 302
    page = client.get(reverse("registry:item-detail", args=[glock.pk])).content.decode()
    assert "<strong>Recovered</strong>" in page and "Recovered after a loss or theft" in page and "OB 7/2020" in page
    again = client.post(url, {"expected_seq": glock.last_event_seq + 1, "occurred_on": "2020-02-02",
                              "location": "Elsewhere"})
    assert again.status_code == 200 and "Cannot recover an item" in again.content.decode()
    assert Event.objects.filter(item=glock, kind="found").count() == 1
