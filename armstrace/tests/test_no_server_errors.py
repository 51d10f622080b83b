"""The nine inputs that used to answer 500: each is now a clear 4xx, and nothing is written."""

import json
from datetime import date
from pathlib import Path

import pytest

from armstrace.profile import ProfileError, get_profile, load_profile
from armstrace.registry import services
from armstrace.registry.models import Event, Item

PROFILES = Path(__file__).resolve().parents[1] / "profiles"

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


@pytest.mark.parametrize("path,body,field", [
    ("/api/items/", {"serial_number": "D-3", "firearm_type": "pistol", "occurred_at": "1799-12-31T12:00:00Z"},
     "occurred_at"),
    ("/api/items/", {"serial_number": "D-3", "firearm_type": "pistol", "occurred_at": "9999-12-31T23:59:59+14:00"},
     "occurred_at"),
    ("/api/custody/cases/", {"occurred_on": "0001-01-01", "items": []}, "occurred_on"),
    ("/api/custody/cases/", {"occurred_on": f"{date.today().year + 2}-01-01", "items": []}, "occurred_on"),
])
def test_dates_before_1800_or_over_a_year_ahead_are_400_naming_the_field(api_client, registry, path, body, field):
    response = api_client.post(path, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json() and "Give a date between 1800-01-01" in json.dumps(response.json())


def test_a_validity_may_end_decades_ahead_but_not_centuries(api_client, registry):
    licence = {"party": registry.alice.pk, "licence_type": "HUNTING", "number": "H-9", "valid_from": "2020-01-01"}
    ok = api_client.post("/api/licences/", {**licence, "valid_until": f"{date.today().year + 50}-01-01"}, format="json")
    assert ok.status_code == 201, ok.content
    far = api_client.post("/api/licences/", {**licence, "number": "H-10", "valid_until": "2900-01-01"}, format="json")
    assert far.status_code == 400 and "valid_until" in far.json()


@pytest.mark.parametrize("value", ["\u0000", "a\ud800b"])
def test_text_a_database_cannot_store_is_400(api_client, registry, value):
    body = json.dumps({"serial_number": "D-4", "firearm_type": "pistol", "description": value,
                       "custom_fields": {"note": value}}).encode()
    response = api_client.post("/api/items/", body, content_type="application/json")
    assert response.status_code == 400 and "description" in response.json()
    body = json.dumps({"serial_number": "D-4", "firearm_type": "pistol", "custom_fields": {"note": value}}).encode()
    response = api_client.post("/api/items/", body, content_type="application/json")
    assert response.status_code == 400 and "custom_fields" in response.json()
    assert Item.objects.count() == 0


def test_free_text_lists_and_markings_are_bounded_by_the_profile(api_client, registry, glock):
    limits = get_profile().limits
    long_text = api_client.post("/api/items/", {"serial_number": "D-5", "firearm_type": "pistol",
                                                "description": "x" * (limits.text_length + 1)}, format="json")
    assert long_text.status_code == 400 and "description" in long_text.json()
    markings = [{"kind": "proof", "text": f"P{i}"} for i in range(limits.markings_per_item + 1)]
    many = api_client.post("/api/items/", {"serial_number": "D-5", "firearm_type": "pistol", "markings": markings},
                           format="json")
    assert many.status_code == 400 and "markings" in many.json()
    for i in range(limits.markings_per_item - glock.markings.count()):
        services.add_marking(glock, services.MarkingInput("proof", f"P{i}"))
    glock.refresh_from_db()
    one_more = api_client.post(f"/api/items/{glock.pk}/markings/", {"kind": "proof", "text": "P-last",
                                                                    "expected_seq": glock.last_event_seq},
                               format="json")
    assert one_more.status_code == 400 and one_more.json()["code"] == "too_many_markings"


def test_every_request_field_of_the_schema_is_bounded(api_client, db):
    """Every string of a request body, path or header has a maximum length (or is a choice, a date, an id), every
    number a range, every list a maximum length: the bounds of armstrace/core/bounds.py, as the schema shows them."""
    schema = api_client.get("/api/schema/?format=json").json()
    components, unbounded, seen = schema["components"]["schemas"], [], set()

    def walk(where, node):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                walk(name, components[name])
            return
        if node.get("readOnly"):
            return
        kind = node.get("type")
        kind = [t for t in kind if t != "null"][0] if isinstance(kind, list) else kind
        if kind == "string" and not ({"maxLength", "enum", "format"} & set(node)):
            unbounded.append(where)
        if kind in ("integer", "number") and not {"maximum", "minimum"} <= set(node):
            unbounded.append(where)
        if kind == "array":
            if "maxItems" not in node:
                unbounded.append(where)
            walk(f"{where}[]", node.get("items", {}))
        for name, child in node.get("properties", {}).items():
            walk(f"{where}.{name}", child)
        for child in node.get("allOf", []) + node.get("oneOf", []) + node.get("anyOf", []):
            walk(where, child)

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":  # filters and pages: read, never stored (see README, API)
                    walk(f"{method} {path} {parameter['name']}", parameter["schema"])
            for content in operation.get("requestBody", {}).get("content", {}).values():
                walk(f"{method} {path} body", content["schema"])
    assert len(seen) > 30, "the walk lost the request bodies"
    assert not unbounded, '\n'.join(unbounded)


def test_forms_are_bounded_too(client, user, registry, glock):
    client.force_login(user)
    page = client.get(f"/registry/items/{glock.pk}/missing/").content.decode()
    assert f'maxlength="{get_profile().limits.text_length}"' in page  # the circumstances textarea
    response = client.post(f"/registry/items/{glock.pk}/missing/", {
        "kind": "theft_reported", "occurred_on": "1700-01-01", "expected_seq": glock.last_event_seq,
        "circumstances": "x" * (get_profile().limits.text_length + 1)})
    body = response.content.decode()
    assert response.status_code == 200 and "Give a date between 1800-01-01" in body
    assert Item.objects.get(pk=glock.pk).status == "active"


def test_the_profile_limits_are_validated_at_load(tmp_path):
    path = tmp_path / "p.yaml"
    base = (PROFILES / "default.yaml").read_text()
    path.write_text(base + "limits:\n  markings_per_item: 7\n  earliest_year: 1900\n")
    assert load_profile(path).limits.markings_per_item == 7
    path.write_text(base + "limits:\n  markings_per_item: 0\n")
    with pytest.raises(ProfileError, match="limits/markings_per_item"):
        load_profile(path)
    path.write_text(base + "limits:\n  text_lenght: 100\n")
    with pytest.raises(ProfileError, match="limits"):
        load_profile(path)
