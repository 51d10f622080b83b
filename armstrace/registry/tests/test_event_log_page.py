"""The auditor's event-log page: filters, keyset pagination (no COUNT, no OFFSET), hashes and readable payloads."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from armstrace.accounts.tests.conftest import clients, fast_password_hashing, role_users  # noqa: F401 - fixtures
from armstrace.conftest import at
from armstrace.registry import audit_views, services
from armstrace.registry.models import Event


def _seqs(html):
    import re

    return [int(s) for s in re.findall(r'data-seq="(\d+)"', html)]


def test_events_show_hashes_and_labelled_payload_values(clients, registry, glock):
    services.transfer(glock, registry.alice, occurred_at=at(2016, 3, 1), reference="TR-77")
    services.report_missing(glock, "theft_reported", occurred_at=at(2020, 1, 3), circumstances="car break-in")
    page = clients["auditor"].get(reverse("registry:event-log")).content.decode()
    transfer = Event.objects.get(kind="transferred")
    assert transfer.hash in page and transfer.prev_hash in page
    assert "Previous holder" in page and registry.alice.name in page and "TR-77" in page
    assert "Theft reported" in page and "car break-in" in page
    assert "{" not in page.split('id="event-log"')[1] and f"'holder': {registry.alice.pk}" not in page
    assert clients["registrar"].get(reverse("registry:event-log")).status_code == 403


def test_filters_by_kind_user_agency_item_and_dates(clients, registry, glock, role_users):
    from armstrace.core.actor import Actor

    services.transfer(glock, registry.alice, occurred_at=at(2016, 3, 1),
                      actor=Actor.of(role_users["registrar"]))
    url = reverse("registry:event-log")
    get = lambda **q: _seqs(clients["auditor"].get(url, q).content.decode())  # noqa: E731
    transfer, registered = Event.objects.get(kind="transferred"), Event.objects.get(kind="registered")
    assert get(kind="transferred") == [transfer.seq]
    assert get(kind="registered") == [registered.seq]
    assert get(user="t-registrar") == [transfer.seq]
    assert get(agency=transfer.agency) == [transfer.seq] and transfer.agency
    assert set(get(item=glock.serial_number)) == {registered.seq, transfer.seq}
    assert get(item="NO-SUCH-SERIAL") == []
    today = transfer.recorded_at.date()
    assert len(get(date_from=today, date_to=today)) == Event.objects.count()  # the holders' events, the item's
    assert get(date_to=today.replace(year=today.year - 1)) == []
    bad = clients["auditor"].get(url, {"date_from": "2024-02-02", "date_to": "2024-01-01"})
    assert bad.status_code == 400 and "before its start" in bad.content.decode()


def test_keyset_pages_walk_the_whole_log_without_count_or_offset(clients, registry, glock, monkeypatch):
    monkeypatch.setattr(audit_views, "PAGE_SIZE", 3)
    for n in range(7):
        services.transfer(glock, registry.alice if n % 2 else registry.bob, occurred_at=at(2016, 1, 1 + n))
    url, seen, query = reverse("registry:event-log"), [], {}
    while True:
        with CaptureQueriesContext(connection) as queries:
            html = clients["auditor"].get(url, query).content.decode()
        sql = " ".join(q["sql"].upper() for q in queries.captured_queries if "REGISTRY_EVENT" in q["sql"].upper())
        assert "COUNT(" not in sql and "OFFSET" not in sql
        page = _seqs(html)
        assert len(page) <= 3 and page == sorted(page, reverse=True)
        seen += page
        if 'rel="next"' not in html:
            break
        query = {"before": page[-1]}
    every_seq = list(Event.objects.order_by("-seq").values_list("seq", flat=True))
    assert seen == every_seq and len(every_seq) > 8
    newer = _seqs(clients["auditor"].get(url, {"after": every_seq[3]}).content.decode())
    assert newer == every_seq[:3]
    assert 'rel="prev"' in clients["auditor"].get(url, {"before": every_seq[2]}).content.decode()


def test_internal_ids_and_repeated_values_are_left_out():
    from armstrace.registry.payload_display import payload_rows

    rows = payload_rows({"case": "SZ-1", "case_reference": "SZ-1", "case_id": 12, "previous_status": "active",
                         "destination_country": "FRA", "from": {"depot": "D1", "text": "Depot 1, shelf A"}}, {})
    assert rows == [("Case", "SZ-1"), ("Previous status", "Legally held"), ("Destination country", "France"),
                    ("From", "Depot 1, shelf A")]
