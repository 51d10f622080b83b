"""Holders and licences are event-sourced: every creation and change, by form, API or command, is a hash-chained
event with the old and new values, and the rows equal their events."""

import io
from datetime import date

from django.core.management import call_command
from django.urls import reverse

from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.integrity import record_differences
from armstrace.registry.models import Event, Licence, Party


def _last(party):
    return Event.objects.filter(party=party).order_by("-seq").first()


def _consistent():
    assert verify_chain().ok
    assert record_differences() == []
    call_command("projections", "rebuild", "--check", "--quiet", stdout=io.StringIO())


def test_a_patch_of_a_partys_identity_is_an_event_with_the_old_values(registry, api_client):
    alice = registry.alice
    response = api_client.patch(f"/api/parties/{alice.pk}/", {"name": "Alice Mwangi", "identifier": "ID-ALICE-2",
                                                             "date_of_birth": "1980-02-03"}, format="json")
    assert response.status_code == 200 and response.json()["name"] == "Alice Mwangi"
    event = _last(alice)
    assert event.kind == "party_changed" and event.recorded_by_name == "registrar" and event.hash_formula == 2
    assert event.payload["changes"] == {"name": ["Alice Otieno", "Alice Mwangi"],
                                        "identifier": ["ID-ALICE", "ID-ALICE-2"],
                                        "date_of_birth": [None, "1980-02-03"]}
    assert event.payload["fields"]["identifier"] == "ID-ALICE-2"
    _consistent()


def test_a_patch_of_a_licence_is_an_event_and_a_back_dating_is_on_record(registry, api_client):
    licence = registry.bob.licences.get()
    response = api_client.patch(f"/api/licences/{licence.pk}/", {"valid_from": "1990-01-01"}, format="json")
    assert response.status_code == 200
    event = _last(registry.bob)
    assert event.kind == "licence_changed" and event.payload["licence"] == licence.pk
    assert event.payload["changes"] == {"valid_from": ["2000-01-01", "1990-01-01"]}
    assert api_client.patch(f"/api/licences/{licence.pk}/", {"status": "suspended"}, format="json").status_code == 200
    assert _last(registry.bob).kind == "licence_suspended"
    assert api_client.patch(f"/api/licences/{licence.pk}/", {"status": "valid"}, format="json").status_code == 200
    assert _last(registry.bob).kind == "licence_reinstated"
    _consistent()


def test_api_creates_are_events_and_bad_input_is_a_400_naming_the_field(registry, api_client):
    response = api_client.post("/api/parties/", {"kind": "dealer", "name": "Arms & Co", "identifier": "DLR-9"},
                               format="json")
    assert response.status_code == 201
    party = Party.objects.get(pk=response.json()["id"])
    assert _last(party).kind == "party_registered"
    response = api_client.post("/api/licences/", {"party": party.pk, "licence_type": "DEALER", "number": "L-DLR-9",
                                                  "valid_from": "2020-01-01"}, format="json")
    assert response.status_code == 201 and _last(party).kind == "licence_issued"
    refused = api_client.patch(f"/api/licences/{response.json()['id']}/", {"valid_until": "2019-01-01"}, format="json")
    assert refused.status_code == 400 and "valid_until" in refused.content.decode()
    before = Event.objects.count()
    refused = api_client.post("/api/parties/", {"kind": "dealer", "name": "", "identifier": "X"}, format="json")
    assert refused.status_code == 400 and Event.objects.count() == before
    _consistent()


def test_services_refuse_unknown_fields_and_licence_types(registry):
    import pytest

    with pytest.raises(services.RuleViolation, match="cannot be changed") as refused:
        services.change_party(registry.alice, {"uid": "x"})
    assert refused.value.field == "uid"
    with pytest.raises(services.RuleViolation, match="Unknown licence type") as refused:
        services.issue_licence(registry.alice, licence_type="NOPE", number="L-X", valid_from=date(2020, 1, 1))
    assert refused.value.field == "licence_type"
    with pytest.raises(services.RuleViolation) as refused:
        services.issue_licence(registry.alice, licence_type="POSSESSION", number="L-ID-BOB", valid_from=date(2020, 1, 1))
    assert refused.value.field == "number"  # licence numbers are unique


def test_forms_record_the_events_and_the_holder_page_shows_the_old_values(registry, client, user):
    client.force_login(user)
    bob = registry.bob
    response = client.post(reverse("registry:party-edit", args=[bob.pk]), {
        "kind": "person", "name": "Robert Kamau", "identifier": "ID-BOB", "nationality": "", "country": "",
        "address": "12 Moi Avenue", "reason": "marriage certificate"})
    assert response.status_code == 302
    licence = bob.licences.get()
    response = client.post(reverse("registry:licence-edit", args=[licence.pk]), {
        "licence_type": "POSSESSION", "number": licence.number, "issued_by": "", "valid_from": "2000-01-01",
        "valid_until": "2040-01-01", "status": "revoked", "reason": "conviction"})
    assert response.status_code == 302
    assert [e.kind for e in Event.objects.filter(party=bob).order_by("seq")] == [
        "party_registered", "licence_issued", "party_changed", "licence_revoked"]
    page = client.get(reverse("registry:party-detail", args=[bob.pk])).content.decode()
    history = page[page.index('id="holder-history"'):]
    assert "Bob Kamau" in history and "Robert Kamau" in history and "marriage certificate" in history
    assert "Licence revoked" in history and "conviction" in history
    _consistent()


def test_the_history_withholds_personal_fields_from_customs(registry, client, make_user):
    services.change_party(registry.alice, {"address": "7 Secret Lane"}, reason="moved")
    client.force_login(make_user("customs-1", "customs", agency_kind="customs"))
    page = client.get(reverse("registry:party-detail", args=[registry.alice.pk])).content.decode()
    assert "Holder changed" in page and "7 Secret Lane" not in page
    rows = client.get("/api/events/", {"kind": "party_changed"}).json()["results"]
    assert rows and all(r["payload"]["fields"]["address"] is None for r in rows)
    assert all("7 Secret Lane" not in str(r) for r in rows)


def test_licence_changes_keep_the_tracing_status_right(registry, glock):
    from armstrace.tracing.finding import iafq_tracing_status

    services.transfer(glock, registry.bob, occurred_at=services.as_datetime(date(2016, 1, 1)))
    services.take_into_custody(glock, "seized", occurred_at=services.as_datetime(date(2024, 4, 2)))
    glock.refresh_from_db()
    legit = glock.tracing_status
    services.revoke_licence(registry.bob.licences.get(), reason="court order")
    glock.refresh_from_db()
    assert glock.tracing_status != legit and glock.tracing_status == iafq_tracing_status(glock).value
    _consistent()


def test_the_rebuild_restores_a_holder_row_from_its_events(registry):
    Party.objects.filter(pk=registry.alice.pk).update(name="Mallory")
    Licence.objects.filter(party=registry.bob).update(valid_from=date(1990, 1, 1))
    assert len(record_differences()) == 2
    call_command("projections", "rebuild", "--quiet", stdout=io.StringIO())
    assert Party.objects.get(pk=registry.alice.pk).name == "Alice Otieno"
    assert Licence.objects.get(party=registry.bob).valid_from == date(2000, 1, 1)
    _consistent()
