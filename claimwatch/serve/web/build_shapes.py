"""Build countries.json (pre-projected SVG path data) from world-atlas's Natural Earth TopoJSON.

    npm install --prefix /tmp/world-atlas world-atlas@2.0.2
    .venv/bin/python claimwatch/serve/web/build_shapes.py \
        /tmp/world-atlas/node_modules/world-atlas/countries-110m.json claimwatch/serve/web/countries.json

The projection is Natural Earth I (the polynomial of d3-geo's geoNaturalEarth1); app.js projects the
incidents with the same formula and the `scale`/`translate` written here. Antarctica is left out.
A development tool: claimwatch never runs it, and nothing is fetched at run time.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pycountry

SOURCE = "world-atlas 2.0.2 countries-110m.json (Natural Earth 4.1.0 Admin 0 countries, 1:110m; public domain)"
WIDTH = 1000
LAT_RANGE = (-58.0, 84.0)  # what the map shows; Antarctica is dropped
LEFT_OUT = {"010"}  # Antarctica
# Shapes without an ISO numeric id in Natural Earth, coded as GeoNames codes the places in them.
NAMED_CODES = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I, unscaled: the same polynomial as app.js `project`."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def frame() -> dict:
    """Scale and translate so that longitudes ±180 fill WIDTH and LAT_RANGE fills the height."""
    scale = WIDTH / (2 * natural_earth(180, 0)[0])
    top = natural_earth(0, LAT_RANGE[1])[1] * scale
    bottom = natural_earth(0, LAT_RANGE[0])[1] * scale
    return {"scale": scale, "translate": [WIDTH / 2, top], "width": WIDTH, "height": math.ceil(top - bottom)}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs: delta-encoded, quantized positions back to longitude and latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """A ring from arc indexes; a negative index ~i is arc i reversed; shared end points are not repeated."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def cut(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Split a ring where it crosses the antimeridian; each piece is closed along the meridian when drawn."""
    pieces = [[points[0]]]
    for a, b in zip(points, points[1:] + points[:1]):
        if abs(b[0] - a[0]) > 180:
            edge = 180.0 if a[0] > 0 else -180.0
            span = b[0] + 2 * edge - a[0]  # b's longitude unwrapped onto a's side, minus a's
            t = (edge - a[0]) / span if span else 0.0
            lat = a[1] + t * (b[1] - a[1])
            pieces[-1].append((edge, lat))
            pieces.append([(-edge, lat)])
        pieces[-1].append(b)
    if len(pieces) > 1:
        pieces[0] = pieces.pop() + pieces[0]
    return pieces


def outline() -> list[tuple[float, float]]:
    """The edge of the shown part of the globe: the western meridian up, the eastern one down."""
    south, north = (int(lat) for lat in LAT_RANGE)
    return [(-180.0, lat) for lat in range(south, north + 1)] + [(180.0, lat) for lat in range(north, south - 1, -1)]


def path_data(rings: list[list[tuple[float, float]]], view: dict) -> str:
    """SVG path data: an absolute move, then relative lines in tenths of a pixel (exact, no drift)."""
    parts = []
    for points in rings:
        tenths = [_tenths(lon, lat, view) for lon, lat in points]
        steps = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(tenths, tenths[1:])]
        moves = [f"{_num(dx)} {_num(dy)}" for dx, dy in steps if dx or dy]
        if len(moves) >= 2:  # a ring that rounds to a point or a line is too small to draw
            parts.append(f"M{_num(tenths[0][0])} {_num(tenths[0][1])}l{' '.join(moves)}z")
    return "".join(parts)


def _tenths(lon: float, lat: float, view: dict) -> tuple[int, int]:
    x, y = natural_earth(lon, lat)
    return (round(10 * (view["translate"][0] + view["scale"] * x)),
            round(10 * (view["translate"][1] - view["scale"] * y)))


def _num(tenths: int) -> str:
    text = f"{tenths / 10:.1f}".removesuffix(".0")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def iso2(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name")
    if "id" not in geometry:
        return NAMED_CODES.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_2 if country else None


def countries(topology: dict, view: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [piece for polygon in polygons for indexes in polygon for piece in cut(ring(arcs, indexes))]
        out.append({"name": geometry["properties"]["name"], "code": iso2(geometry), "d": path_data(rings, view)})
    return sorted(out, key=lambda c: c["name"])


def build(source: Path, target: Path) -> int:
    topology = json.loads(source.read_text(encoding="utf-8"))
    view = frame()
    shapes = {"source": SOURCE, "projection": "naturalEarth1", **view, "outline": path_data([outline()], view),
              "countries": countries(topology, view)}
    text = json.dumps(shapes, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text + "\n", encoding="utf-8")
    return len(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("target", type=Path, help="countries.json to write")
    args = parser.parse_args()
    build(args.source, args.target)


if __name__ == "__main__":
    main()
