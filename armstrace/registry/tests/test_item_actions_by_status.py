"""The item page offers only the actions that the item's status allows (registry.status_rules, the table the
services check) and the user may open; a correction is always offered, even for a destroyed item."""

import pytest
from django.urls import reverse

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.models import ItemStatus


@pytest.fixture
def page_of(client, user):
    client.force_login(user)

    def page(item):
        html = client.get(reverse("registry:item-detail", args=[item.pk])).content.decode()
        return html[html.index('id="item-actions"'):html.index("</nav>", html.index('id="item-actions"'))]
    return page


def _url(name, item):
    return reverse(name, args=[item.pk])


def test_an_active_item_offers_transfer_loss_seizure_and_marking_not_recovery(page_of, glock):
    actions = page_of(glock)
    for name in ("registry:item-transfer", "registry:item-missing", "registry:item-custody", "registry:item-marking",
                 "registry:item-correct"):
        assert _url(name, glock) in actions, name
    for name in ("registry:item-recover", "custody:item-move", "custody:item-dispose"):
        assert _url(name, glock) not in actions, name


def test_a_stolen_item_offers_recovery_and_seizure_but_no_transfer_or_second_report(page_of, glock):
    services.report_missing(glock, "theft_reported", occurred_at=at(2020, 1, 1), location="Nakuru")
    actions = page_of(glock)
    assert _url("registry:item-recover", glock) in actions and _url("registry:item-custody", glock) in actions
    assert _url("registry:item-transfer", glock) not in actions
    assert _url("registry:item-missing", glock) not in actions


def test_an_item_in_custody_offers_movement_and_disposal_and_only_a_seizure_among_custody_kinds(page_of, glock, client):
    services.take_into_custody(glock, "surrendered", occurred_at=at(2020, 1, 1), location="Police HQ")
    actions = page_of(glock)
    assert _url("custody:item-move", glock) in actions and _url("custody:item-dispose", glock) in actions
    assert _url("registry:item-transfer", glock) not in actions
    form = client.get(_url("registry:item-custody", glock)).context["form"]
    assert [k for k, _label in form.fields["kind"].choices] == ["seized"]  # what a surrendered item accepts


def test_a_destroyed_item_offers_only_the_correction(page_of, glock, user):
    services.take_into_custody(glock, "seized", occurred_at=at(2020, 1, 1), location="Police HQ")
    services.destroy(glock, method="cut", occurred_at=at(2020, 2, 1))
    glock.refresh_from_db()
    assert glock.status == ItemStatus.DESTROYED
    actions = page_of(glock)
    assert _url("registry:item-correct", glock) in actions
    for name in ("registry:item-transfer", "registry:item-missing", "registry:item-recover", "registry:item-custody",
                 "registry:item-marking", "custody:item-move", "custody:item-dispose"):
        assert _url(name, glock) not in actions, name


def test_the_offered_actions_are_those_the_services_accept(glock):
    for status in ItemStatus.values:
        glock.status = status
        offered = {c for c in services.ALLOWED_STATUSES if services.allows(glock, c)}
        assert (status == ItemStatus.DESTROYED) == (offered == set())
        assert ("recover" in offered) == (status in (ItemStatus.LOST, ItemStatus.STOLEN))
