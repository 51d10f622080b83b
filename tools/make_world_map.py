"""Write armstrace/monitoring/data/world-110m.json, the world map that monitoring/worldmap.py draws, from Natural
Earth's 1:110m countries as the npm package world-atlas ships them (TopoJSON; Natural Earth is public domain,
world-atlas ISC). Run by `make map-data`, which installs world-atlas under tools/worldmap/ first.

Each country (ISO 3166-1 alpha-3, from its numeric id) becomes one SVG path in the Equal Earth projection,
coordinates rounded to 0.1 px on a 960 px wide map; rings across 180° are split there; Antarctica is left out."""

import argparse
import json
import math
from pathlib import Path

import pycountry

WIDTH = 960
A1, A2, A3, A4, M = 1.340264, -0.081106, 0.000893, 0.003796, math.sqrt(3) / 2
LEFT_OUT = {"010"}  # Antarctica


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def decode_arcs(topology):
    """Each arc as [(lon, lat)], its delta-encoded, quantized positions made absolute."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def split_at_antimeridian(points):
    """A ring that crosses 180° (Fiji, Russia's far east) as two rings, one each side of it: the longitudes made
    continuous, then clamped to each side (the parts clamped onto the meridian have no area)."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:])):
        return [points]
    continuous = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    east = [(min(lon, 180), lat) for lon, lat in continuous]
    west = [(max(lon - 360, -180), lat) for lon, lat in continuous]
    return [r for r in (east, west) if any(abs(lon) < 180 for lon, _ in r)]


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def path_of(rings, scale, left, top):
    parts = []
    for points in rings:
        xy, last = [], None
        for lon, lat in points:
            x, y = equal_earth(lon, lat)
            p = (round((x - left) * scale, 1), round((y - top) * scale, 1))
            if p != last:
                xy.append(p)
                last = p
        if len(xy) >= 3:
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in xy) + "Z")
    return "".join(parts)


def build(topology):
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        number = geometry.get("id")
        country = pycountry.countries.get(numeric=number) if number else None
        if country is None or number in LEFT_OUT:
            continue
        rings = [part for polygon in polygons(geometry) for r in polygon for part in split_at_antimeridian(ring(arcs, r))]
        shapes.setdefault(country.alpha_3, []).extend(rings)
    projected = [equal_earth(lon, lat) for rings in shapes.values() for r in rings for lon, lat in r]
    left, right = min(x for x, _ in projected), max(x for x, _ in projected)
    top, bottom = min(y for _, y in projected), max(y for _, y in projected)
    scale = WIDTH / (right - left)
    return {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2 countries-110m.json",
        "projection": "Equal Earth", "width": WIDTH, "height": math.ceil((bottom - top) * scale),
        "countries": {iso3: path_of(rings, scale, left, top) for iso3, rings in sorted(shapes.items())},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    data = build(json.loads(args.topojson.read_text()))
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
