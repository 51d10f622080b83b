"""Rule sets from YAML: the shipped default, the profile's screening: section, invalid ones refused naming the key."""

import pytest

from armstrace.screening.checks import CHECKS
from armstrace.screening.ruleset import RulesError, load_profile_rules, load_rules


def test_default_rule_set_covers_every_check_with_weight_explanation_and_switch():
    rules = load_rules()
    assert set(rules.rules) == set(CHECKS)
    for settings in rules.rules.values():
        assert settings["weight"] > 0 and settings["enabled"] is True and settings["explanation"]


@pytest.mark.parametrize("overrides,key", [
    ({"rules": {"arms_heading": {"weight": "heavy"}}}, "screening/rules/arms_heading/weight"),
    ({"rules": {"arms_heading": {"enabled": "yes"}}}, "screening/rules/arms_heading/enabled"),
    ({"rules": {"no_such_rule": {"weight": 1, "enabled": True, "explanation": "x"}}}, "screening/rules"),
    ({"rules": {"velocity_addressee": {"days": 0}}}, "screening/rules/velocity_addressee/days"),
    ({"rules": {"cover_heading": {"headings": ["87"]}}}, "screening/rules/cover_heading/headings/0"),
    ({"bands": {"xray": 40}}, "screening/bands"),
    ({"bands": {"document_check": 50, "xray": 40, "physical_inspection": 70}}, "screening/bands"),
    ({"high_risk_routes": {"parcel": ["XX"]}}, "screening/high_risk_routes/parcel"),
    ({"high_risk_routes": {"pigeon": ["US"]}}, "screening/high_risk_routes"),
    ({"goods_classes": {"toys": {"max_unit_kg": -1, "value_per_kg": [1, 2]}}}, "screening/goods_classes/toys/max_unit_kg"),
    ("not a mapping", "screening"),
])
def test_invalid_rule_set_is_refused_naming_the_key(overrides, key):
    with pytest.raises(RulesError) as error:
        load_rules(overrides)
    assert str(error.value).startswith(key + ":")


def test_profile_section_overrides_a_rule_keeping_its_other_keys(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("country: KEN\nscreening:\n  rules:\n    cover_heading: {weight: 3}\n", encoding="utf-8")
    rules = load_profile_rules(path)
    assert rules.rules["cover_heading"]["weight"] == 3
    assert "8714" in rules.rules["cover_heading"]["headings"]


def test_profile_with_an_invalid_section_is_refused(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("country: KEN\nscreening:\n  rules:\n    weight_mismatch: {tolerance: -1}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="^screening/rules/weight_mismatch/tolerance:"):
        load_profile_rules(path)


def test_shipped_profiles_load():
    from pathlib import Path

    for path in Path(__file__).resolve().parents[2].joinpath("profiles").glob("*.yaml"):
        assert load_profile_rules(path).bands["xray"] > 0
