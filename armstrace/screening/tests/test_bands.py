"""Band thresholds: the score (combined weight of the fired rules) falls into the profile's bands."""

import pytest

from armstrace.screening.ruleset import load_rules
from armstrace.screening.tests.factory import consignment, line, screen


@pytest.mark.parametrize("score,band", [(0, "release"), (24.9, "release"), (25, "document_check"),
                                        (44, "document_check"), (45, "xray"), (74.5, "xray"),
                                        (75, "physical_inspection"), (500, "physical_inspection")])
def test_default_band_thresholds(score, band):
    assert load_rules().band(score) == band


def test_profile_bands_replace_the_defaults():
    rules = load_rules({"bands": {"document_check": 10, "xray": 20, "physical_inspection": 30}})
    assert [rules.band(s) for s in (9, 10, 20, 30)] == ["release", "document_check", "xray", "physical_inspection"]


def test_score_is_the_sum_of_the_fired_weights_and_lists_each_reason():
    c = consignment([line("Parts", "", value=5, currency="USD")], declared_weight_kg=1.0, measured_weight_kg=2.0,
                    route=("USA",), sender_country="USA")
    rules = load_rules({"rules": {"weight_mismatch": {"weight": 21}}})
    assessment = screen(c, rules=rules)
    expected = {"vague_description", "missing_hs_code", "weight_mismatch", "high_risk_route",
                "first_time_high_risk_flow", "risky_goods_on_risky_route"}
    assert {h.rule for h in assessment.hits} == expected
    assert assessment.score == sum(rules.rules[r]["weight"] for r in expected) == 15 + 5 + 21 + 15 + 10 + 15
    assert assessment.band == "physical_inspection"
    assert assessment.reasons.count(" | ") == 5 and "measured 2 kg" in assessment.reasons


def test_a_disabled_rule_does_not_count():
    rules = load_rules({"rules": {"arms_heading": {"enabled": False}}})
    assessment = screen(consignment([line("Rifle scope mount", "930590", value=80, currency="USD")]), rules=rules)
    assert {h.rule for h in assessment.hits} == {"gun_part_words"}  # "rifle"
    assert assessment.score == rules.rules["gun_part_words"]["weight"] > 0
