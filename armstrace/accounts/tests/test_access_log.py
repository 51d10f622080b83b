"""The personal-data access log: auditors query it (page and API) by user, person and dates; nobody edits it."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from armstrace.accounts.models import AccessLogEntry


def _reads(clients, world, registry):
    clients["investigator"].get(reverse("registry:party-detail", args=[world.alice.pk]))
    clients["registrar"].get(reverse("registry:party-detail", args=[registry.bob.pk]))
    clients["investigator"].get(reverse("custody:case", args=[world.case.pk]))


def test_auditor_queries_the_log_by_user_person_and_dates(clients, world, registry):
    _reads(clients, world, registry)
    url = reverse("accounts:access-log")
    everything = clients["auditor"].get(url).content.decode()
    assert "3 reads" in everything and "Alice Otieno" in everything and "Bob Kamau" in everything

    by_user = clients["auditor"].get(url, {"user": "t-registrar"}).content.decode()
    assert "1 read" in by_user and "Bob Kamau" in by_user and "Alice Otieno" not in by_user
    by_name = clients["auditor"].get(url, {"person": "alice"}).content.decode()
    assert "1 read" in by_name and "t-investigator" in by_name and f"/registry/holders/{world.alice.pk}/" in by_name
    by_number = clients["auditor"].get(url, {"person": "ID-BOB"}).content.decode()
    assert "1 read" in by_number and "Bob Kamau" in by_number
    case_persons = clients["auditor"].get(url, {"subject_type": "case_person"}).content.decode()
    assert "1 read" in case_persons and "John Suspect" in case_persons

    today = timezone.localdate()
    assert "3 reads" in clients["auditor"].get(url, {"date_from": today, "date_to": today}).content.decode()
    assert "0 reads" in clients["auditor"].get(url, {"date_to": today - timedelta(days=1)}).content.decode()


def test_log_pages_are_paginated(clients, world, role_users):
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=role_users["registrar"], username="t-registrar", subject_type="party",
                       subject_id=world.alice.pk, subject_name="Alice Otieno", fields=["address"], path="/x/")
        for _ in range(120))
    first = clients["auditor"].get(reverse("accounts:access-log"), {"user": "t-registrar"}).content.decode()
    assert "120 reads" in first and "Page 1 of 3" in first and "?user=t-registrar&page=2" in first
    assert first.count("<code>/x/</code>") == 50
    last = clients["auditor"].get(reverse("accounts:access-log"), {"user": "t-registrar", "page": 3}).content.decode()
    assert last.count("<code>/x/</code>") == 20


def test_auditor_api_filters_and_nobody_writes(clients, world, registry, role_users):
    _reads(clients, world, registry)
    rows = clients["auditor"].get("/api/access-log/", {"person": "Alice"}).json()["results"]
    assert [(r["username"], r["subject_id"], r["fields"]) for r in rows] == [
        ("t-investigator", world.alice.pk, ["address", "date_of_birth", "identifier"])]
    assert clients["auditor"].get("/api/access-log/", {"username": "t-registrar"}).json()["count"] == 1
    assert clients["auditor"].get("/api/access-log/", {"user": role_users["investigator"].pk}).json()["count"] == 2
    assert clients["auditor"].get("/api/access-log/", {"date_from": timezone.localdate()}).json()["count"] == 3

    entry = AccessLogEntry.objects.first()
    assert clients["auditor"].delete(f"/api/access-log/{entry.pk}/").status_code == 403
    assert clients["administrator"].delete(f"/api/access-log/{entry.pk}/").status_code == 405
    assert clients["administrator"].patch(f"/api/access-log/{entry.pk}/", {}, content_type="application/json").status_code == 405
    assert clients["administrator"].get(f"/admin/accounts/accesslogentry/{entry.pk}/delete/").status_code == 403
    assert AccessLogEntry.objects.count() == 3


def test_only_auditors_and_administrators_read_the_log(clients, world):
    for role in ("registrar", "investigator", "customs", "analyst", "norole"):
        assert clients[role].get(reverse("accounts:access-log")).status_code == 403, role
        assert clients[role].get("/api/access-log/").status_code == 403, role
    assert clients["administrator"].get(reverse("accounts:access-log")).status_code == 200
