"""Every IAFQ table on a small hand-built registry whose answers are worked out by hand (see conftest.hand_built)."""

from collections import Counter
from decimal import Decimal

import pytest

from armstrace.monitoring import codelist as cl
from armstrace.monitoring import iafq
from armstrace.monitoring.sdg import proportion_traced

S, F, U = cl.ARMS_SEIZED, cl.ARMS_FOUND, cl.ARMS_SURRENDERED
L = cl.BY_LOCATION

# Non-zero cells of 2023, worked out by hand from the fixture; every other cell must be 0.
EXPECTED_2023 = {
    (S, "Total", "Total", "na"): 5,
    (S, "by type", "pistol", "na"): 1,
    (S, "by type", "revolver", "na"): 1,  # type taken from the model
    (S, "by type", "rifle (Inlcuding Carbine)", "na"): 1,
    (S, "by type", "other weapons", "na"): 1,  # light weapon
    (S, "by type", "Unknown status on type", "na"): 1,
    (S, "by condition", "Industrially manufactured arms", "na"): 1,
    (S, "by condition", "Converted arms", "na"): 1,
    (S, "by condition", "otherwise illicitly manufactured", "na"): 1,
    (S, "by condition", "Assembled arms", "na"): 1,
    (S, "by condition", "Total", "na"): 5,  # the arm of unknown condition is in the total only
    (S, "by legal justification of seizure", "illicit trafficking", "na"): 2,
    (S, "by legal justification of seizure", "illicit posession", "na"): 3,
    (S, "by legal justification of seizure", "Total", "na"): 5,
    (S, "by other suspected offences", "Drug trafficking", "na"): 5,
    (S, "by other suspected offences", "Other forms of organized crime", "na"): 2,
    (S, "by marking", "uniquely marked", "na"): 1,
    (S, "by marking", "altered marking", "na"): 1,
    (S, "by marking", "no marking", "na"): 2,
    (S, "by marking", "unknown Status On Marking", "na"): 1,
    (S, "by marking", "Total", "na"): 5,
    (S, L, "land borders", "na"): 2,
    (S, L, "planes and airports", "na"): 3,
    (S, L, "Uniquely identifiable - from illegitimate owner in national registry", "na"): 1,
    (S, L, "Uniquely identifiable - tracing procedure pending", "na"): 1,
    (S, L, "Not uniquely identifiable - Erased or altered marking", "na"): 1,
    (S, L, "Not uniquely identifiable - Illicitly manufactured", "na"): 1,
    (S, L, "Unknown status regarding marking", "na"): 1,
    (S, L, "Uniquely identifiable - total uniquely identifiable through marking", "na"): 2,
    (S, L, "Total not uniquely identifiable through marking", "na"): 2,
    (S, L, "Total", "na"): 5,
    (F, "by type", "shotgun (Including Short Carbine)", "na"): 1,
    (F, "by type", "Total", "na"): 1,
    (F, "by marking", "uniquely marked", "na"): 1,
    (F, "by marking", "Total", "na"): 1,
    (F, L, "Uniquely identifiable - from legitimate owner in national registry", "na"): 1,
    (F, L, "Uniquely identifiable - total uniquely identifiable through marking", "na"): 1,
    (F, L, "Total", "na"): 1,
    (U, "by type", "submachine gun", "na"): 1,
    (U, "by type", "machine gun", "na"): 1,
    (U, "by type", "Total", "na"): 2,
    (U, "by marking", "no marking", "na"): 1,
    (U, "by marking", "uniquely marked", "na"): 1,
    (U, "by marking", "Surrendered", "na"): 2,  # the code list's label for this total
    (U, L, "Not uniquely identifiable - No further information available", "na"): 1,
    (U, L, "Uniquely identifiable - no tracing procedure initiated", "na"): 1,
    (U, L, "Uniquely identifiable - total uniquely identifiable through marking", "na"): 1,
    (U, L, "Total not uniquely identifiable through marking", "na"): 1,
    (U, L, "Total", "na"): 2,
    (cl.PARTS_SEIZED, "Total", "Total", "na"): 1,
    (cl.AMMUNITION_SEIZED, "Total", "Total", "na"): 125,
    (cl.SEIZURE_CASES, "Total", "Total", "na"): 2,
    (cl.PERSONS_ARRESTED, "Total", "Total", "Male"): 1,
    (cl.PERSONS_ARRESTED, "Total", "Total", "Female"): 1,
    (cl.PERSONS_ARRESTED, "Total", "Total", "Unknown"): 1,
    (cl.PERSONS_ARRESTED, "Total", "Total", "Total"): 3,
    (cl.PERSONS_PROSECUTED, "Total", "Total", "Male"): 1,
    (cl.PERSONS_PROSECUTED, "Total", "Total", "Unknown"): 1,
    (cl.PERSONS_PROSECUTED, "Total", "Total", "Total"): 2,
    (cl.PERSONS_CONVICTED, "Total", "Total", "Unknown"): 1,
    (cl.PERSONS_CONVICTED, "Total", "Total", "Total"): 1,
    # S1 (drug trafficking + organised crime) and S2 (drug trafficking): drug trafficking comes first
    ("Individuals arrested/suspected", "by type of offences", "Illicit trafficking of arms and drug trafficking",
     "Total"): 3,
    # the three persons arrested, prosecuted or convicted, each once (the witness is not)
    ("Individuals targeted by criminal justice system due to illicit trafficking in weapons", "Total", "Total",
     "Total"): 3,
}


@pytest.fixture
def rows_2023(hand_built):
    return iafq.compute(2023, tracing_status=hand_built.tracing)


def _cells(rows):
    keys = Counter((r.indicator, r.dimension, r.category, r.sex) for r in rows)
    assert not [k for k, n in keys.items() if n > 1], "a cell is written twice"
    return {(r.indicator, r.dimension, r.category, r.sex): r.value for r in rows}


def test_every_table_of_2023(rows_2023):
    cells = _cells(rows_2023)
    for key, value in EXPECTED_2023.items():
        assert cells.get(key) == value, key
    non_zero_unexpected = {k: v for k, v in cells.items() if v and k not in EXPECTED_2023}
    assert non_zero_unexpected == {}


def test_labels_are_exactly_the_code_list(rows_2023, codelist_combos):
    emitted = {(r.indicator, r.dimension, r.category) for r in rows_2023}
    assert emitted <= codelist_combos, sorted(emitted - codelist_combos)
    # every combination of the code list is produced (zeros included)
    assert codelist_combos - emitted == set()
    # sex and age only on persons
    for r in rows_2023:
        assert (r.sex == "na") == (not r.indicator.startswith("Individuals")), r


def test_totals_are_consistent(rows_2023):
    cells = _cells(rows_2023)
    for ind in (S, F, U):
        total = cells[(ind, L, "Total", "na")]
        tracing = [v for (i, d, c, _), v in cells.items() if i == ind and d == L and c in cl.TRACING_BY_LABEL]
        assert sum(tracing) + cells[(ind, L, cl.TRACING_UNKNOWN, "na")] == total
    assert sum(v for (i, d, c, _), v in cells.items() if i == S and d == "by type") == cells[(S, "Total", "Total", "na")]


def test_other_years_are_separate(hand_built):
    cells_2022 = _cells(iafq.compute(2022, tracing_status=hand_built.tracing))
    assert cells_2022[(S, "Total", "Total", "na")] == 1
    assert cells_2022[(S, L, "vessels and harbours", "na")] == 1
    assert cells_2022[(cl.AMMUNITION_SEIZED, "Total", "Total", "na")] == 1000
    assert cells_2022[(cl.PERSONS_CONVICTED, "Total", "Total", "Female")] == 1
    cells_2024 = _cells(iafq.compute(2024, tracing_status=hand_built.tracing))
    assert cells_2024[(cl.PARTS_SEIZED, "Total", "Total", "na")] == 1
    assert cells_2024[(S, L, cl.TRACING[iafq.TracingStatus.NO_POINT_OF_DIVERSION], "na")] == 1


def test_sdg_from_the_registry(hand_built, rows_2023):
    # 2023 seized arms: 1 illegitimate owner (numerator), 1 pending; legitimate / not identifiable / unknown out.
    ratio = proportion_traced(iafq.tracing_counts(rows_2023))
    assert (ratio.numerator, ratio.denominator, ratio.value) == (1, 2, Decimal(50))
    by_year = iafq.sdg_counts_by_year([2022, 2023, 2024], tracing_status=hand_built.tracing)
    assert proportion_traced(by_year[2022]).value == Decimal(100)
    assert proportion_traced(by_year[2024]).value == Decimal(0)
    assert by_year[2023] == iafq.tracing_counts(rows_2023)
