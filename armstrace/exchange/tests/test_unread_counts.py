"""Unread counts: a message from someone else makes a thread unread for each member (not for its sender), reading
the thread clears it, the top bar shows the total; alerts are not counted here (they have their own badge)."""

import re

from django.urls import reverse

from armstrace.exchange import notifications, services
from armstrace.exchange.tests.conftest import login


def _badge(client):
    html = client.get(reverse("dashboard")).content.decode()
    match = re.search(r'id="exchange-badge"[^>]*>[^<]*(?:<span class="count" data-count="(\d+)")?', html)
    assert match, "no badge in the top bar"
    return int(match.group(1) or 0)


def test_unread_threads_and_the_badge(people, thread):
    customs, investigator = login(None, people.customs), login(None, people.investigator)
    assert notifications.unread_counts(people.investigator)["threads"] == 0  # their own message
    assert _badge(customs) == 1 and _badge(investigator) == 0
    customs.get(reverse("exchange:thread", args=[thread.pk]))
    assert _badge(customs) == 0
    services.post_message(thread, people.customs, "Yes: MSKU 1234565")
    services.post_message(thread, people.customs2, "And the bill of lading")
    assert notifications.unread_counts(people.investigator) == {"threads": 1, "total": 1}
    assert notifications.unread_counts(people.customs)["threads"] == 1  # customs2's message
    assert _badge(investigator) == 1
    investigator.get(reverse("exchange:thread", args=[thread.pk]))
    assert _badge(investigator) == 0

