"""The nine inputs that used to answer 500: each is now a clear 4xx, and nothing is written."""

import json

import pytest

from armstrace.registry.models import Event, Item

DEEP = 50_000


def deep(depth):
    """A JSON text nested `depth` arrays deep (built as text: json.dumps itself would recurse)."""
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("path", ["/api/items/abc/events/", "/api/tracing/reports/abc/", "/api/items/abc/",
                                  f"/api/items/{2**63}/", f"/api/items/{2**63}/events/"])
def test_ids_that_are_not_numbers_are_404(api_client, glock, path):
    assert api_client.get(path).status_code == 404


@pytest.mark.parametrize("holder", ["abc", [1], {"id": 1}, True, 2**63])
def test_a_correction_whose_holder_is_not_an_id_is_400(api_client, glock, holder):
    events = Event.objects.count()
    response = api_client.post(f"/api/items/{glock.pk}/correct/", {
        "fields": {"holder": holder}, "reason": "clerical error", "expected_seq": glock.last_event_seq}, format="json")
    assert response.status_code == 400, response.content
    assert "holder" in json.dumps(response.json())
    assert Event.objects.count() == events


def test_a_correction_of_an_unknown_field_names_it(api_client, glock):
    response = api_client.post(f"/api/items/{glock.pk}/correct/", {
        "fields": {"serial_number": "X"}, "reason": "r", "expected_seq": glock.last_event_seq}, format="json")
    assert response.status_code == 400 and "serial_number" in json.dumps(response.json())


@pytest.mark.parametrize("path,body", [
    ("/api/items/", {"category": "ammunition", "lot_number": "L-1", "quantity": 2**63}),
    ("/api/custody/cases/", {"occurred_on": "2024-01-01", "ammunition": [{"quantity": 2**63}]}),
])
def test_quantities_of_2_to_the_63_are_400(api_client, registry, path, body):
    items = Item.objects.count()
    response = api_client.post(path, body, format="json")
    assert response.status_code == 400, response.content
    assert "quantity" in json.dumps(response.json())
    assert Item.objects.count() == items


@pytest.mark.parametrize("field", ["custom_fields", "markings"])
def test_json_nested_50k_deep_is_400(api_client, registry, field):
    body = '{"serial_number": "D-1", "category": "firearm", "firearm_type": "pistol", "%s": %s}' % (
        field, deep(DEEP) if field == "markings" else '{"x": %s}' % deep(DEEP))
    response = api_client.post("/api/items/", body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert "deep" in response.json()["detail"]
    assert Item.objects.count() == 0


def test_json_nested_a_little_too_deep_in_custom_fields_names_the_field(api_client, registry):
    nested = {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": {"k": 1}}}}}}}}}}}
    response = api_client.post("/api/items/", {"serial_number": "D-2", "firearm_type": "pistol",
                                               "custom_fields": nested}, format="json")
    assert response.status_code == 400 and "custom_fields" in response.json()
    assert Item.objects.count() == 0
