"""SDG 16.4.2 calculator: formula, exclusions, two-year mean, SDMX exports."""

import csv
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from armstrace.monitoring import sdg
from armstrace.tracing.status import TracingStatus as T

COUNTS = {
    T.ILLEGITIMATE_OWNER_NATIONAL: 3, T.ILLEGITIMATE_OWNER_FOREIGN: 2, T.POINT_OF_DIVERSION: 1,
    T.NO_POINT_OF_DIVERSION: 4, T.PENDING: 5, T.NOT_INITIATED: 9,
    # outside the formula
    T.LEGITIMATE_OWNER_NATIONAL: 100, T.ILLICITLY_MANUFACTURED: 50, T.ALTERED_MARKING: 7, T.NO_INFORMATION: 8,
}


def test_formula_counts_only_the_six_statuses():
    r = sdg.proportion_traced(COUNTS)
    assert (r.numerator, r.denominator) == (6, 24)
    assert r.value == Decimal(25)


def test_legitimate_owner_and_not_identifiable_do_not_move_the_value():
    base = sdg.proportion_traced(COUNTS).value
    for status in (T.LEGITIMATE_OWNER_NATIONAL, T.ILLICITLY_MANUFACTURED, T.ALTERED_MARKING, T.NO_INFORMATION):
        assert sdg.proportion_traced({**COUNTS, status: 10_000}).value == base
    # every numerator status raises it, every denominator-only status lowers it
    for status in sdg.NUMERATOR:
        assert sdg.proportion_traced({**COUNTS, status: COUNTS[status] + 1}).value > base
    for status in sdg.DENOMINATOR_ONLY:
        assert sdg.proportion_traced({**COUNTS, status: COUNTS[status] + 1}).value < base


def test_string_keys_and_empty_denominator():
    assert sdg.proportion_traced({"pending": 1, "point_of_diversion": 1}).value == Decimal(50)
    assert sdg.proportion_traced({T.LEGITIMATE_OWNER_NATIONAL: 5}).value is None
    with pytest.raises(ValueError):
        sdg.proportion_traced({T.PENDING: -1})


def test_two_year_mean_is_a_mean_of_ratios_over_available_years():
    by_year = {
        2016: {T.POINT_OF_DIVERSION: 1, T.PENDING: 3},  # 25 %
        2017: {T.POINT_OF_DIVERSION: 99, T.PENDING: 1},  # 99 %
        2018: {T.LEGITIMATE_OWNER_NATIONAL: 4},  # undefined
        2019: {T.POINT_OF_DIVERSION: 1, T.PENDING: 2},  # 33.33 %
    }
    series = {o.year: o for o in sdg.published_series(by_year)}
    assert set(series) == {2016, 2017, 2019}
    assert series[2016].value == Decimal("62.00")  # (25 + 99) / 2, not 100/104 pooled
    assert series[2016].footnote == "2016-2017 average based on available data"
    assert series[2017].value == Decimal("99.00") and series[2017].footnote == ""  # 2018 undefined
    assert series[2019].value == Decimal("33.33") and series[2019].years == (2019,)


def test_rounding_is_half_up_to_two_decimals():
    assert sdg.round_published(Decimal("12.345")) == Decimal("12.35")
    assert sdg.round_published(Decimal("12.3449")) == Decimal("12.34")


def _series():
    return sdg.published_series({2020: {T.POINT_OF_DIVERSION: 1, T.PENDING: 2}, 2021: {T.POINT_OF_DIVERSION: 1}})


def test_sdmx_csv():
    rows = list(csv.DictReader(io.StringIO(sdg.sdmx_csv("GBR", _series()))))
    assert [r["TIME_PERIOD"] for r in rows] == ["2020", "2021"]
    first = rows[0]
    assert first["DATAFLOW"] == "IAEG-SDGs:SDG(1.8)"
    assert (first["SERIES"], first["REF_AREA"], first["UNIT_MEASURE"], first["FREQ"]) == ("VC_ARM_SZTRACE", "826", "PT", "A")
    assert first["OBS_VALUE"] == "66.67"  # (33.33 + 100) / 2
    assert first["COMMENT_OBS"] == "2020-2021 average based on available data"
    for dim in ("SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE", "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN",
                "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY", "PRODUCT"):
        assert first[dim] == "_T"


def test_sdmx_ml_follows_the_structure_specific_example():
    root = ET.fromstring(sdg.sdmx_ml("ALB", _series()))
    msg = "{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message}"
    assert root.tag == f"{msg}StructureSpecificData"
    ref = root.find(f"{msg}Header/{msg}Structure/{{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common}}Structure/Ref")
    assert ref.attrib == {"agencyID": "IAEG-SDGs", "id": "SDG", "version": "1.8"}
    series = root.findall(f"{msg}DataSet/Series")
    assert len(series) == 1
    s = series[0].attrib
    assert (s["SERIES"], s["REF_AREA"], s["UNIT_MEASURE"], s["SEX"], s["PRODUCT"]) == ("VC_ARM_SZTRACE", "8", "PT", "_T", "_T")
    obs = [(o.get("TIME_PERIOD"), o.get("OBS_VALUE")) for o in series[0].findall("Obs")]
    assert obs == [("2020", "66.67"), ("2021", "100.00")]


def test_m49_matches_the_sdg_database(shared_sdg_records):
    for row in shared_sdg_records:
        assert sdg.m49(row["iso3"]) == row["m49"], row["iso3"]
    with pytest.raises(ValueError):
        sdg.m49("XXX")
