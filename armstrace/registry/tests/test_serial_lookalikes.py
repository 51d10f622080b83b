"""Serial numbers that only look alike are one serial number (issue 18, part 4): NFKC, Unicode confusables folded to
Latin, separators dropped, other characters refused; a seizure of a registered firearm entered as new is refused."""

import importlib
from datetime import date
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from armstrace.conftest import at
from armstrace.registry import services
from armstrace.registry.eventlog import verify_chain
from armstrace.registry.models import Event, Item, Make, Marking
from armstrace.registry.serials import normalize_serial, serial_problem
from armstrace.tracing import search

CYRILLIC_EN = "\u041dG12345"   # НG12345
FULLWIDTH = "\uff28\uff27\uff11\uff12\uff13\uff14\uff15"   # ＨＧ１２３４５


def _register(registry, serial, make="Glock"):
    data = services.FirearmInput(serial_number=serial, make=Make.objects.get(name=make), firearm_type="pistol")
    return services.create_item(data, holder=registry.dealer, occurred_at=at(2020, 1, 1))


@pytest.mark.parametrize("raw, normalized", [
    (CYRILLIC_EN, "HG12345"), (FULLWIDTH, "HG12345"), ("\u0397\u0399-12", "HI12"),   # Greek Ηta, Ιota
    ("\u0410\u0412 12/3.4", "AB1234"), ("\u0661\u0662\u0663X", "123X"), ("hg–12 345", "HG12345"),
])
def test_lookalikes_and_separators_normalise_to_latin(raw, normalized):
    assert normalize_serial(raw) == normalized and serial_problem(raw) == ""


def test_cyrillic_lookalike_collides_with_the_latin_serial(registry):
    latin = _register(registry, "HG12345")
    with pytest.raises(services.RuleViolation) as exc:
        _register(registry, CYRILLIC_EN)
    assert exc.value.code == "duplicate_serial" and "HG12345" in exc.value.message
    genuine = _register(registry, "G12345")   # no longer taken by a mangled НG12345
    assert genuine.serial_normalized == "G12345" and latin.serial_normalized == "HG12345"


def test_fullwidth_serial_is_accepted_and_kept_as_marked(registry):
    item = _register(registry, FULLWIDTH)
    assert item.serial_number == FULLWIDTH and item.serial_normalized == "HG12345"
    assert Marking.objects.get(item=item, kind="serial").text == FULLWIDTH
    assert Event.objects.get(item=item).payload["item"]["serial_number"] == FULLWIDTH
    assert [r.item.pk for r in search.exact("HG12345").results] == [item.pk]
    assert item.pk in [r.item.pk for r in search.exact(CYRILLIC_EN).results]
    assert item.pk in [r.item.pk for r in search.partial("\u041dG12?45").results]


@pytest.mark.parametrize("serial, bad", [("HG#12345", "#"), ("AB(12)", "()"), ("12\u00a7", "\u00a7"), ("=1+2", "=+")])
def test_characters_that_are_no_letter_nor_digit_are_refused(registry, serial, bad):
    before = Event.objects.count()
    with pytest.raises(services.RuleViolation) as exc:
        _register(registry, serial)
    assert exc.value.code == "serial_characters" and exc.value.field == "serial_number"
    assert f"“{bad}”" in exc.value.message
    assert Event.objects.count() == before


def test_a_serial_that_nfkc_expands_past_its_column_is_refused(registry, api_client):
    ligature = "\ufdfa" * 6   # one Arabic ligature character is 18 letters and spaces once in NFKC
    with pytest.raises(services.RuleViolation) as exc:
        _register(registry, ligature)
    assert exc.value.code == "serial_too_long"
    glock = Make.objects.get(name="Glock")
    r = api_client.post("/api/items/", {"how": "seized", "category": "firearm", "firearm_type": "pistol",
                                        "make": glock.pk, "serial_number": ligature}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "serial_too_long"


def test_api_refuses_a_bad_serial_marking_with_its_field(api_client, glock):
    r = api_client.post(f"/api/items/{glock.pk}/markings/", {"kind": "remark", "text": "X@1",
                                                              "expected_seq": glock.last_event_seq}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "serial_characters" and r.json()["field"] == "text"


def test_migration_recomputes_the_derived_columns_only(registry):
    """An item stored before this version, its Cyrillic serial mangled into G12345: the migration re-derives the
    search columns and the index; raw serial, events and chain are untouched."""
    item = _register(registry, CYRILLIC_EN)
    Item.objects.filter(pk=item.pk).update(serial_normalized="G12345", serial_folded="612345")
    Marking.objects.filter(item=item).update(normalized="G12345", folded="612345")
    events = list(Event.objects.order_by("seq").values_list("seq", "hash", "payload"))
    migration = importlib.import_module("armstrace.tracing.migrations.0003_refold_serials_unicode")
    migration.forwards(apps, SimpleNamespace(connection=connection))  # only its connection is used
    item.refresh_from_db()
    assert (item.serial_number, item.serial_normalized) == (CYRILLIC_EN, "HG12345")
    assert list(Event.objects.order_by("seq").values_list("seq", "hash", "payload")) == events
    assert verify_chain().ok
    with connection.cursor() as cursor:
        cursor.execute("SELECT normalized FROM tracing_serialform WHERE item_id = %s", [item.pk])
        assert {row[0] for row in cursor.fetchall()} == {"HG12345"}
    assert [r.item.pk for r in search.exact("HG12345").results] == [item.pk]


def _seize_as_new(serial, make):
    from armstrace.custody import services as custody

    return custody.record_case(custody.CaseInput(
        occurred_on=date(2024, 3, 5), place="Harbour", items=[custody.CaseItemInput(new=services.FirearmInput(
            serial_number=serial, make=make, firearm_type="pistol"))]))


def test_seizure_of_a_registered_firearm_entered_as_new_is_refused(registry):
    registered = _register(registry, "HG12345")
    before = Event.objects.count()
    with pytest.raises(services.RuleViolation) as exc:
        _seize_as_new(CYRILLIC_EN, registered.make)
    assert exc.value.code == "registered_serial" and exc.value.item_id == registered.pk
    assert f"#{registered.pk}" in exc.value.message and Event.objects.count() == before
    other_make = Make.objects.exclude(pk=registered.make_id).first()
    assert _seize_as_new("HG12345", other_make).items.get().was_registered is False


def test_seizure_api_points_to_the_registered_item(api_client, registry):
    registered = _register(registry, "HG12345")
    r = api_client.post("/api/custody/cases/", {
        "kind": "seizure", "occurred_on": "2024-02-02", "place": "Border post",
        "items": [{"new": {"category": "firearm", "firearm_type": "pistol", "serial_number": "hg-12345",
                           "make": registered.make_id}}]}, format="json")
    assert r.status_code == 400
    assert (r.json()["code"], r.json()["item"]) == ("registered_serial", registered.pk)


def test_seizure_form_asks_for_the_registered_item(client, user, registry):
    from django.urls import reverse

    registered = _register(registry, "HG12345")
    client.force_login(user)
    data = {"kind": "seizure", "occurred_on": "2024-02-02", "place": "Border post",
            "location_type": "national_territory", "legal_justification": "illicit_possession",
            "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-0-category": "firearm",
            "items-0-firearm_type": "pistol", "items-0-make": registered.make_id, "items-0-serial_number": FULLWIDTH,
            "ammo-TOTAL_FORMS": "0", "ammo-INITIAL_FORMS": "0", "persons-TOTAL_FORMS": "0",
            "persons-INITIAL_FORMS": "0"}
    response = client.post(reverse("custody:case-create"), data)
    assert response.status_code == 200
    assert f"#{registered.pk}" in " ".join(response.context["form"].non_field_errors())
    data.update({"items-0-registered": f"#{registered.pk}", "items-0-serial_number": "", "items-0-make": ""})
    response = client.post(reverse("custody:case-create"), data)
    assert response.status_code == 302
    assert Item.objects.get(pk=registered.pk).status == "seized"
