"""Feedback statistics on a hand-made set of outcomes, and the weights a logistic regression suggests."""

import pytest

from armstrace.screening.feedback import MIN_INSPECTED, Sample, rule_statistics, suggest_weights


def samples(spec):
    """spec: [(rules, outcome, copies)]"""
    return [Sample(frozenset(rules), outcome) for rules, outcome, copies in spec for _ in range(copies)]


HAND_MADE = samples([
    ({"a"}, "parts", 3),          # a fired 10 times: 3 findings, 6 inspected
    ({"a"}, "nothing", 3),
    ({"a"}, None, 4),
    ({"a", "b"}, "firearm", 1),   # b fired 5 times: 1 finding, 5 inspected
    ({"b"}, "nothing", 4),
    ((), "nothing", 6),           # 100 consignments in all, 4 findings
    ((), None, 79),
])


def test_rule_statistics_of_hand_made_outcomes():
    (a, b, c), base = rule_statistics(HAND_MADE, ["a", "b", "c"])
    assert base == pytest.approx(4 / 100)
    assert (a.fired, a.findings, a.inspected) == (11, 4, 7)
    assert a.fire_rate == pytest.approx(0.11) and a.hit_rate == pytest.approx(4 / 11)
    assert a.lift == pytest.approx((4 / 11) / 0.04) and a.precision == pytest.approx(4 / 7)
    assert (b.fired, b.findings, b.inspected) == (5, 1, 5)
    assert b.precision == pytest.approx(0.2) and b.lift == pytest.approx(0.2 / 0.04)
    assert (c.fired, c.hit_rate, c.lift, c.precision) == (0, 0.0, 0.0, None)


def test_no_finding_anywhere_has_no_lift():
    (a,), base = rule_statistics(samples([({"a"}, "nothing", 3)]), ["a"])
    assert base == 0 and a.lift is None and a.precision == 0


def test_suggested_weights_follow_the_outcomes():
    outcomes = samples([({"strong"}, "parts", 9), ({"strong"}, "nothing", 1), ({"weak"}, "nothing", 9),
                        ({"weak"}, "ammunition", 1), ((), "nothing", 10)])
    current = {"strong": 10.0, "weak": 50.0, "silent": 7.0}
    suggestion = suggest_weights(outcomes, current)
    assert (suggestion.inspected, suggestion.findings) == (30, 10)
    assert suggestion.coefficients["strong"] > 0 > suggestion.coefficients["weak"]
    assert suggestion.weights["strong"] == pytest.approx(60.0)  # the seen rules' total, all on the one that finds
    assert suggestion.weights["weak"] == 0 and suggestion.weights["silent"] == 7.0  # no evidence: kept


def test_no_suggestion_without_enough_outcomes_of_both_kinds():
    assert suggest_weights(samples([({"a"}, "parts", MIN_INSPECTED - 1), ((), "nothing", 0)]), {"a": 1}) is None
    assert suggest_weights(samples([({"a"}, "nothing", MIN_INSPECTED)]), {"a": 1}) is None
