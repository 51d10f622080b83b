"""The published SDG 16.4.2 series (UN SDG database) recomputed from the UNODC portal counts (2024 release) with the
same calculator the registry uses. Rows the formula cannot explain are listed (test-output/sdg_unexplained.csv)."""

import csv
from decimal import Decimal

from armstrace.conftest import TEST_OUTPUT
from armstrace.monitoring import codelist as cl
from armstrace.monitoring.portal import read_portal_file, tracing_counts
from armstrace.monitoring.sdg import published_series, round_published
from armstrace.monitoring.tests.conftest import TIDY_2024

TOLERANCE = Decimal("0.06")


def _portal_rows():
    read = read_portal_file(TIDY_2024)
    assert not read.errors
    return [{"iso3": r["Iso3_code"], "year": r["Year"], "indicator": r["Indicator"], "dimension": r["Dimension"],
             "category": r["Category"], "value": Decimal(r["VALUE"])} for _, r in read.rows]


def _compare(published, counts, years=range(2016, 2020)):
    explained, unexplained = [], []
    for row in published:
        year = int(row["year"])
        if year not in years:
            continue
        series = {o.year: o for o in published_series(counts.get(row["iso3"], {}))}
        ours = series.get(year)
        target = Decimal(row["valuePercent"])
        if ours is not None and abs(ours.value - target) <= TOLERANCE:
            explained.append((row["iso3"], year))
        else:
            unexplained.append((row["iso3"], year, target, ours.value if ours else None, row["footnotes"]))
    return explained, unexplained


def test_published_2016_2019_values_are_reproduced(shared_sdg_records):
    rows = _portal_rows()
    explained, unexplained = _compare(shared_sdg_records, tracing_counts(rows))
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    with open(TEST_OUTPUT / "sdg_unexplained.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iso3", "year", "published", "recomputed", "footnote"])
        w.writerows(unexplained)
    print(f"\nSDG 16.4.2, 2016-2019: {len(explained)} published values reproduced within {TOLERANCE}, "
          f"{len(unexplained)} not explained by the portal counts:")
    for iso3, year, target, ours, note in unexplained:
        print(f"  {iso3} {year}: published {target}, recomputed {ours if ours is not None else '(no defined ratio)'}")

    # The investigation found 26 of the 46 published 2016-2019 values explained; some are checked by name
    # (two-year means of ratios with both years present, and single years).
    assert len(explained) >= 26
    for key in [("ESP", 2016), ("ESP", 2017), ("ESP", 2018), ("ESP", 2019), ("ARG", 2016), ("BRA", 2016),
                ("BRA", 2017), ("GBR", 2016), ("AZE", 2018), ("ROU", 2017), ("SLV", 2019), ("PER", 2016)]:
        assert key in explained, key
    assert len(explained) + len(unexplained) == sum(2016 <= int(r["year"]) <= 2019 for r in shared_sdg_records)


def test_the_alternative_readings_explain_fewer_values(shared_sdg_records):
    """Why seized arms only and a mean of ratios: pooling the counts of the two years, or adding found and
    surrendered arms, reproduces fewer published values."""
    rows = _portal_rows()
    chosen, _ = _compare(shared_sdg_records, tracing_counts(rows))
    all_three, _ = _compare(shared_sdg_records,
                            tracing_counts(rows, indicators=(cl.ARMS_SEIZED, cl.ARMS_FOUND, cl.ARMS_SURRENDERED)))
    assert len(all_three) < len(chosen)

    counts = tracing_counts(rows)
    pooled_ok = 0
    for row in shared_sdg_records:
        year = int(row["year"])
        if not 2016 <= year <= 2019 or "average" not in row["footnotes"]:
            continue
        by_year = counts.get(row["iso3"], {})
        merged = {}
        for y in (year, year + 1):
            for k, v in by_year.get(y, {}).items():
                merged[k] = merged.get(k, 0) + v
        series = published_series({year: merged}) if merged else []
        if series and abs(round_published(series[0].exact) - Decimal(row["valuePercent"])) <= TOLERANCE:
            pooled_ok += 1
    averaged = [k for k in chosen if any(r["iso3"] == k[0] and int(r["year"]) == k[1] and "average" in r["footnotes"]
                                         for r in shared_sdg_records)]
    assert pooled_ok < len(averaged)
