"""SVG charts; the flow view and matrix on the real ATF 2011 trace table (recovery state x source state)."""

import csv
import xml.etree.ElementTree as ET

import pytest

from armstrace.monitoring import charts
from armstrace.monitoring.tests.conftest import ATF_BY_STATE

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def atf():
    return charts.FlowTable.from_atf_csv(ATF_BY_STATE)


def _raw():
    with open(ATF_BY_STATE, newline="") as f:
        return list(csv.DictReader(f))


def test_atf_table_is_read_whole(atf):
    raw = _raw()
    assert len(raw) == 2550
    assert atf.blank_cells == sum(1 for r in raw if not r["Number"].strip())
    assert atf.total == sum(int(r["Number"]) for r in raw if r["Number"].strip())
    assert len(atf.recoveries()) == 50


def test_in_state_share_matches_the_table(atf):
    raw = _raw()
    for state in {r["recovered-in"] for r in raw}:
        rows = [r for r in raw if r["recovered-in"] == state and r["Number"].strip()]
        same = sum(int(r["Number"]) for r in rows if r["originated-in"] == state)
        assert atf.in_place_share(state) == pytest.approx(same / sum(int(r["Number"]) for r in rows)), state
    overall_same = sum(int(r["Number"]) for r in raw if r["Number"].strip() and r["originated-in"] == r["recovered-in"])
    assert atf.in_place_share() == pytest.approx(overall_same / atf.total)
    assert 0.70 < atf.in_place_share() < 0.72  # 70.8 % of 2011 traces were sourced in the recovery state


def test_flow_view_and_matrix_render_the_atf_table(atf):
    flow = ET.fromstring(charts.flow_view(atf, "ATF 2011"))
    bands = flow.findall(f"{SVG}path")
    assert bands
    # the bands carry every traced gun: their counts sum to the table total (small places grouped as "Other")
    assert sum(int(p.find(f"{SVG}title").text.rsplit(": ", 1)[1]) for p in bands) == atf.total
    grid = ET.fromstring(charts.matrix(atf, "ATF 2011"))
    cells = {c.find(f"{SVG}title").text.rsplit(": ", 1)[0]: int(c.find(f"{SVG}title").text.rsplit(": ", 1)[1])
             for c in grid.findall(f"{SVG}rect")}
    assert cells["California → California"] == atf.counts[("California", "California")]
    diagonal = [c for c in grid.findall(f"{SVG}rect") if c.get("stroke") == "#d1495b"]
    assert diagonal  # sourced-in-state cells are outlined


def test_stacked_bars():
    svg = ET.fromstring(charts.stacked_bars({2021: {"pistol": 3, "rifle": 1}, 2022: {"pistol": 5}}, "By type"))
    bars = [r.find(f"{SVG}title").text for r in svg.findall(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert sorted(bars) == ["2021 · pistol: 3", "2021 · rifle: 1", "2022 · pistol: 5"]
    assert "No data" in charts.stacked_bars({}, "empty")
