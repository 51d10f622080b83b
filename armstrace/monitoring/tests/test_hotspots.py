"""Poisson hotspot detection: the tail probability and the flagging rule."""

import math
from datetime import date

import pytest

from armstrace.monitoring import hotspots


def _sf_by_definition(k, lam):
    return 1 - sum(math.exp(-lam) * lam**i / math.factorial(i) for i in range(k))


@pytest.mark.parametrize("k,lam", [(0, 2.0), (1, 0.5), (3, 1.0), (7, 2.5), (20, 10.0), (60, 30.0)])
def test_poisson_tail_matches_the_definition(k, lam):
    assert hotspots.poisson_sf(k, lam) == pytest.approx(_sf_by_definition(k, lam), rel=1e-9, abs=1e-15)


def test_far_tail_stays_positive_and_monotone():
    ps = [hotspots.poisson_sf(k, 5.0) for k in (10, 20, 40, 80)]
    assert all(0 < p for p in ps) and ps == sorted(ps, reverse=True)


def test_flags_a_jump_above_the_area_baseline_only():
    steady = {i: 4 for i in range(12)}  # 4 a month
    series = {
        "North": {**steady, 12: 15},  # jump: P(X >= 15 | 4) ~ 2e-5
        "South": {**steady, 12: 6},  # within noise: P(X >= 6 | 4) ~ 0.21
        "Port": {i: 40 for i in range(13)},  # high but steady
        "New": {11: 1, 12: 9},  # too little history
    }
    result = hotspots.detect(series, {12: "2024-01"})
    flagged = {h.area for h in result if h.flagged}
    assert flagged == {"North"}
    north = next(h for h in result if h.area == "North")
    assert north.baseline == 4 and north.count == 15
    assert north.p_value == pytest.approx(_sf_by_definition(15, 4.0))
    assert "New" not in {h.area for h in result}


def test_min_count_and_zero_baseline():
    series = {"Quiet": {**{i: 0 for i in range(12)}, 12: 2}}
    (h,) = hotspots.detect(series, {12: "p"})
    assert not h.flagged  # 2 < min_count even though p is small
    series = {"Quiet": {**{i: 0 for i in range(12)}, 12: 5}}
    (h,) = hotspots.detect(series, {12: "p"})
    assert h.flagged and h.p_value == pytest.approx(_sf_by_definition(5, 0.5))


@pytest.mark.django_db
def test_registry_hotspots_by_admin_area(seizures):
    result = hotspots.registry_hotspots(2024)
    flagged = [(h.area, h.period, h.count) for h in result if h.flagged]
    assert flagged == [("North", "2024-03", 12)]
    south_march = next(h for h in result if h.area == "South" and h.period == "2024-03")
    # window Mar 2023 - Feb 2024: ten months of 2, then two empty months
    assert south_march.baseline == pytest.approx(20 / 12) and not south_march.flagged
