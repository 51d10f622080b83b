"""Each lost/stolen query is written to the access log of the side that answers (issue 13): the partner, the serial
asked about and what was shown, in the hash-chained log that `audit verify` walks; never who holds the item."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from armstrace.accounts.accesslog import verify_access_log
from armstrace.accounts.models import AccessLogEntry
from armstrace.federation import inbox
from armstrace.federation.models import PartnerQuery
from armstrace.federation.tests.test_inbox_in_process import from_partner, partner_key  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_each_lost_stolen_query_is_in_the_access_log(partner_key, capsys):  # noqa: F811
    inbox.receive(from_partner(partner_key, {"serial": "QX-101"}))
    inbox.receive(from_partner(partner_key, {"serial": "QX-202"}))
    entries = list(AccessLogEntry.objects.filter(subject_type="partner_query").order_by("seq"))
    queries = list(PartnerQuery.objects.order_by("pk"))
    assert [(e.subject_id, e.subject_name, e.fields) for e in entries] == [
        (queries[0].pk, "QX-101", ["result"]), (queries[1].pk, "QX-202", ["result"])]
    partner = queries[0].partner.name
    assert all(e.username == f"partner:{partner}" and e.user_id is None for e in entries)
    assert verify_access_log().ok
    call_command("audit", "verify")
    assert "access" in capsys.readouterr().out.lower()


def test_the_access_log_page_filters_partner_queries(partner_key, client, make_user):  # noqa: F811
    inbox.receive(from_partner(partner_key, {"serial": "QX-303"}))
    client.force_login(make_user("auditor-pq", "auditor", two_factor=True))
    page = client.get(reverse("accounts:access-log"), {"subject_type": "partner_query"})
    assert page.status_code == 200 and "QX-303" in page.content.decode()
