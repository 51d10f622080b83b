"""The world map: every country of the shipped Natural Earth file drawn, values coloured by class, drawn with no
network; the generator script turns TopoJSON into the shipped layout; the flows page shows it."""

import importlib.util
import socket
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from armstrace.monitoring import worldmap
from armstrace.monitoring.worldmap import NO_DATA, SCALE, world_map_svg

SVG = "{http://www.w3.org/2000/svg}"


def _paths(svg):
    return {p.get("data-iso3"): p for p in ET.fromstring(svg).iter(f"{SVG}path")}


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the map tried to reach the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_every_country_is_drawn_without_network(no_network):
    worldmap.boundaries.cache_clear()
    paths = _paths(world_map_svg({}))
    assert len(paths) >= 170
    assert {"KEN", "FRA", "USA", "BRA", "CHN", "AUS", "SEN", "MEX"} <= set(paths)
    assert "ATA" not in paths  # Antarctica left out
    assert all(p.get("d").startswith("M") and p.get("fill") == NO_DATA for p in paths.values())


def test_values_are_coloured_by_class_and_named_in_tooltips():
    paths = _paths(world_map_svg({"KEN": 100, "uga": 3, "TZA": 40}, title="Arms", highlight={"KEN"}))
    fills = {code: paths[code].get("fill") for code in ("KEN", "UGA", "TZA", "FRA")}
    assert fills["FRA"] == NO_DATA
    assert SCALE.index(fills["KEN"]) > SCALE.index(fills["TZA"]) > SCALE.index(fills["UGA"])
    assert fills["KEN"] == SCALE[-1]
    assert paths["KEN"].find(f"{SVG}title").text == "Kenya: 100"
    assert paths["KEN"].get("stroke") != paths["UGA"].get("stroke")  # the highlighted country is outlined
    assert paths["UGA"].get("data-value") == "3"


def test_legend_lists_the_classes():
    svg = world_map_svg({"KEN": 100}, legend_label="Arms seized")
    legend = "".join(ET.fromstring(svg).find(f"{SVG}g").itertext())
    assert "Arms seized" in legend and "100" in legend and "no data" in legend


def test_generator_projects_topojson_into_the_shipped_layout():
    spec = importlib.util.spec_from_file_location(
        "make_world_map", Path(__file__).resolve().parents[3] / "tools" / "make_world_map.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    square = [[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]]  # delta-encoded
    topology = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [30, -5]},
                "arcs": [square, [[-60, 40], [10, 0], [0, 10], [-10, 0], [0, -10]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "404"},
                    {"type": "MultiPolygon", "arcs": [[[1]]], "id": "250"},
                    {"type": "Polygon", "arcs": [[0]], "id": "010"}]}}}
    data = script.build(topology)
    assert set(data["countries"]) == {"KEN", "FRA"} and data["width"] == script.WIDTH
    assert data["countries"]["KEN"].count("L") == 4 and data["countries"]["KEN"].endswith("Z")


def test_flows_page_shows_the_map(client, user, registry):
    client.force_login(user)
    body = client.get("/monitoring/flows/").content.decode()
    assert 'id="flow-map"' in body and 'class="world-map"' in body and 'data-iso3="KEN"' in body
