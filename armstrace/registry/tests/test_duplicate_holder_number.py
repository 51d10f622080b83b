"""A new holder with the identity or registration number of another holder is refused (form, API, service, the
broker form), with a link to the holder who has it; the refusal holds under concurrent registrations."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from armstrace.core.errors import RuleViolation
from armstrace.registry import services
from armstrace.registry.models import Event, Party
from armstrace.registry.tests.test_concurrency import flushable_event_log  # noqa: F401 - fixture


def test_the_service_refuses_a_number_another_holder_has_whatever_the_case_and_spaces(registry):
    events = Event.objects.count()
    for number in ("ID-ALICE", " id-alice ", "Id-Alice"):
        with pytest.raises(services.DuplicateIdentifier) as refused:
            services.register_party(kind=Party.Kind.PERSON, name="Alice Twin", identifier=number)
        assert refused.value.code == "duplicate_identifier" and refused.value.party_id == registry.alice.pk
        assert "Alice Otieno" in refused.value.message and refused.value.field == "identifier"
    assert Event.objects.count() == events and not Party.objects.filter(name="Alice Twin").exists()
    other = services.register_party(kind=Party.Kind.PERSON, name="Alice Other", identifier="ID-ALICE-2")
    assert other.pk and Party.objects.filter(identifier="ID-ALICE-2").count() == 1


def test_a_change_to_a_number_another_holder_has_is_refused_but_keeping_ones_own_is_not(registry):
    with pytest.raises(services.DuplicateIdentifier):
        services.change_party(registry.bob, {"identifier": "ID-ALICE"}, reason="typo")
    assert Party.objects.get(pk=registry.bob.pk).identifier == "ID-BOB"
    changed = services.change_party(registry.bob, {"identifier": "id-bob", "name": "Bob K."}, reason="case")
    assert changed.identifier == "id-bob" and changed.name == "Bob K."


def test_the_form_refuses_and_links_the_existing_holder(registry, client, user):
    client.force_login(user)
    response = client.post(reverse("registry:party-create"), {"kind": "person", "name": "Alice Twin",
                                                              "identifier": "ID-ALICE"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="existing-party"' in html and reverse("registry:party-detail", args=[registry.alice.pk]) in html
    assert "already the number of holder Alice Otieno" in html
    assert not Party.objects.filter(name="Alice Twin").exists()
    response = client.post(reverse("registry:party-edit", args=[registry.bob.pk]), {
        "kind": "person", "name": "Bob Kamau", "identifier": "ID-ALICE", "reason": "typo"})
    assert response.status_code == 200 and 'id="existing-party"' in response.content.decode()


def test_the_api_answers_400_naming_the_existing_holder(registry, api_client):
    response = api_client.post("/api/parties/", {"kind": "dealer", "name": "Copycat Arms", "identifier": "DLR-1"},
                               format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "duplicate_identifier" and body["field"] == "identifier"
    assert body["party"] == registry.dealer.pk and "Metro Firearms" in body["detail"]
    patch = api_client.patch(f"/api/parties/{registry.bob.pk}/", {"identifier": "DLR-1"}, format="json")
    assert patch.status_code == 400 and patch.json()["party"] == registry.dealer.pk


def test_the_broker_form_refuses_a_number_a_non_broker_has(registry, client, user):
    client.force_login(user)
    response = client.post(reverse("transfers:broker-create"), {
        "name": "Alice Brokerage", "identifier": "ID-ALICE", "country": "KEN", "number": "BR-9",
        "issued_on": "2020-01-01", "valid_until": "2030-01-01", "activities": "brokering"})
    assert response.status_code == 200 and "already the number of holder" in response.content.decode()
    assert not Party.objects.filter(kind="broker", identifier="ID-ALICE").exists()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_registrations_of_one_number_record_one_holder(registry, flushable_event_log):  # noqa: F811
    """PostgreSQL (tools/with_postgres.sh): SQLite's test database is a shared-cache in-memory one, whose table locks
    refuse concurrent writers outright (its file databases take the write lock at BEGIN IMMEDIATE)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run under tools/with_postgres.sh")
    n = 4
    barrier = threading.Barrier(n, timeout=30)
    outcomes = [None] * n

    def attempt(i):
        try:
            barrier.wait()
            outcomes[i] = services.register_party(kind=Party.Kind.PERSON, name=f"Racer {i}", identifier="ID-RACE")
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    created = [o for o in outcomes if isinstance(o, Party)]
    refused = [o for o in outcomes if isinstance(o, RuleViolation)]
    assert len(created) == 1 and len(refused) == n - 1, outcomes
    assert all(r.code == "duplicate_identifier" and r.party_id == created[0].pk for r in refused)
    assert Party.objects.filter(identifier="ID-RACE").count() == 1
