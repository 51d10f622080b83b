"""The correction screen records a `correction` event (status, holder, location, the event it corrects, the reason);
it refuses a correction that changes nothing, and works on a destroyed item."""

from django.urls import reverse

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import Event, ItemStatus


def _post(client, item, **data):
    item.refresh_from_db()
    return client.post(reverse("registry:item-correct", args=[item.pk]),
                       {"expected_seq": item.last_event_seq, **data})


def test_a_wrong_transfer_is_corrected_to_the_right_holder_and_place(client, user, registry, glock):
    client.force_login(user)
    wrong = services.transfer(glock, registry.bob, occurred_at=at(2019, 1, 1), location="Wrong town")
    response = _post(client, glock, corrects_seq=wrong.seq, holder="ID-ALICE", location="Right town",
                     reason="Recorded for the wrong buyer")
    assert response.status_code == 302
    glock.refresh_from_db()
    assert glock.current_holder == registry.alice and glock.location == "Right town"
    event = Event.objects.filter(item=glock).order_by("-seq").first()
    assert event.kind == "correction" and event.payload["corrects_seq"] == wrong.seq
    assert event.payload["fields"] == {"holder": registry.alice.pk, "location": "Right town"}
    page = client.get(reverse("registry:item-detail", args=[glock.pk])).content.decode()
    assert "Recorded for the wrong buyer" in page and f"event no. {wrong.seq}" in page


def test_a_correction_that_changes_nothing_or_has_no_reason_is_refused(client, user, glock):
    client.force_login(user)
    before = Event.objects.count()
    nothing = _post(client, glock, reason="no idea")
    assert nothing.status_code == 200 and "Say what is corrected" in nothing.content.decode()
    no_reason = _post(client, glock, status="stolen")
    assert no_reason.status_code == 200 and "reason" in no_reason.context["form"].errors
    both = _post(client, glock, holder="ID-ALICE", clear_holder="on", reason="x")
    assert "clear_holder" in both.context["form"].errors
    assert Event.objects.count() == before


def test_a_destroyed_item_takes_a_correction_of_its_status(client, user, glock):
    client.force_login(user)
    services.take_into_custody(glock, "seized", occurred_at=at(2020, 1, 1), location="Police HQ")
    services.destroy(glock, method="cut", occurred_at=at(2020, 2, 1))
    response = _post(client, glock, status="seized", reason="Destroyed the wrong pistol")
    assert response.status_code == 302
    glock.refresh_from_db()
    assert glock.status == ItemStatus.SEIZED
