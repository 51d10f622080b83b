"""Country profiles load and validate; the CLI initialises a database and builds a reproducible demo."""

from pathlib import Path

import pytest
from django.core.management import call_command

from armstrace.profile import ProfileError, load_profile
from armstrace.registry.models import Event, Item, Licence

PROFILES = Path(__file__).resolve().parents[2] / "profiles"


@pytest.mark.parametrize("name, country, language", [("default", "KEN", "en"), ("senegal", "SEN", "fr"),
                                                     ("mexico", "MEX", "es")])
def test_shipped_profiles_load(name, country, language):
    profile = load_profile(PROFILES / f"{name}.yaml")
    assert profile.country == country and profile.languages[0] == language
    assert profile.licence_types and profile.acquisition_licence_types


def test_custom_fields_schema_of_a_profile():
    senegal = load_profile(PROFILES / "senegal.yaml")
    assert senegal.validate_custom_fields({"categorie_legale": "2"}) == []
    errors = senegal.validate_custom_fields({"categorie_legale": "9", "colour": "red"})
    assert any("categorie_legale" in e for e in errors) and any("colour" in e for e in errors)


@pytest.mark.parametrize("text, message", [
    ("country: XYZ\nlanguages: [en]\nlicence_types: [{code: A, label: A}]\ntransfers_require_licence: true\n",
     "not an ISO 3166"),
    ("country: KEN\nlanguages: [de]\nlicence_types: [{code: A, label: A}]\ntransfers_require_licence: true\n",
     "languages/0"),
    ("country: KEN\nlanguages: [en]\nlicence_types: [{code: A, label: A}]\n", "transfers_require_licence"),
    ("country: KEN\nlanguages: [en]\nlicence_types: [{code: A, label: A}]\ntransfers_require_licence: true\n"
     "custom_item_fields: {type: 12}\n", "not a valid JSON Schema"),
])
def test_bad_profiles_are_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "p.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError, match=message):
        load_profile(path)


def test_demo_is_realistic_and_reproducible(db, capsys):
    call_command("init", "--password", "x-admin-pass-1")
    call_command("demo", "--items", "24", "--seed", "5")
    assert "Demo login: demo / armstrace-demo" in capsys.readouterr().out
    first = list(Item.objects.order_by("pk").values_list("serial_number", "status", "make__name"))
    kinds = set(Event.objects.values_list("kind", flat=True))
    assert len(first) == 24 and "transferred" in kinds and kinds & {"registered", "imported"}
    assert Licence.objects.exists()
    call_command("audit", "verify", "--quiet")
    call_command("projections", "rebuild", "--check", "--quiet")


def test_init_on_an_older_database_computes_the_tracing_status_it_lacks(db, capsys):
    call_command("init", "--password", "x-admin-pass-1")
    call_command("demo", "--items", "12", "--seed", "5")
    expected = dict(Item.objects.values_list("pk", "tracing_status"))
    Item.objects.update(tracing_status=None)  # as after the migration that added the column
    call_command("init")
    assert "Projections brought up to date (12 items)" in capsys.readouterr().out
    assert dict(Item.objects.values_list("pk", "tracing_status")) == expected and None not in expected.values()


def test_same_seed_gives_the_same_registry(db):
    from django.db import transaction

    from armstrace.demo import generate_demo
    from armstrace.registry.reference import load_reference_data

    load_reference_data()
    runs = []
    for _ in range(2):
        sid = transaction.savepoint()
        generate_demo(12, seed=9)
        runs.append(list(Item.objects.order_by("pk").values_list("serial_number", "status", "model__name")))
        transaction.savepoint_rollback(sid)
    assert runs[0] == runs[1] and len(runs[0]) == 12
