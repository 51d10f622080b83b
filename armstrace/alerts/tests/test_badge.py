"""The top bar's badge counts the new alerts addressed to the user or their agency's staff; acknowledging one
takes it off everyone's count; the inbox lists them, open ones by default."""

import re

from django.urls import reverse

from armstrace.accounts.constants import CUSTODY_VIEW
from armstrace.accounts.models import Agency
from armstrace.alerts import services
from armstrace.alerts.models import AlertKind
from armstrace.alerts.tests.conftest import actor, login


def _badge(client):
    html = client.get(reverse("dashboard")).content.decode()
    match = re.search(r'id="alerts-badge"[^>]*>[^<]*(?:<span class="count" data-count="(\d+)")?', html)
    assert match, "no alerts badge in the top bar"
    return int(match.group(1) or 0)


def _rows(client, **query):
    html = client.get(reverse("alerts:inbox"), query).content.decode()
    return html[html.index('<table id="alerts">'):html.index("</table>")]


def test_badge_counts_new_alerts_of_the_user_and_their_agency(people):
    customs = login(people.customs)
    assert _badge(customs) == 0
    first = services.raise_alert(AlertKind.OTHER, "t:1", params={"title": "First-alert-7Q"}, users=[people.customs])
    services.raise_alert(AlertKind.OTHER, "t:2", params={"title": "Second-alert-7Q"},
                         staff=[services.Staff(CUSTODY_VIEW, Agency.objects.get(code="T-CUSTOMS"))])
    services.raise_alert(AlertKind.OTHER, "t:3", params={"title": "Theirs-alert-7Q"}, users=[people.investigator])
    assert _badge(customs) == 2 and _badge(login(people.investigator)) == 1
    assert _badge(login(people.registrar)) == 0
    services.acknowledge(first, actor(people.customs))
    assert _badge(customs) == 1
    inbox = _rows(customs)
    assert "First-alert-7Q" in inbox and "Second-alert-7Q" in inbox and "Theirs-alert-7Q" not in inbox
    services.resolve(first, actor(people.customs))
    assert "First-alert-7Q" not in _rows(customs), _rows(customs)  # open ones by default
    assert "First-alert-7Q" in _rows(customs, state="resolved")


def test_a_second_raise_of_the_same_key_adds_nothing(people):
    assert services.raise_alert(AlertKind.OTHER, "t:1", params={"title": "One"}, users=[people.customs])
    assert services.raise_alert(AlertKind.OTHER, "t:1", params={"title": "One"}, users=[people.customs]) is None
    assert services.new_count(people.customs) == 1
