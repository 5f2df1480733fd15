"""The point of a country or a state: the representative point of its packaged Natural Earth shape.

The gazetteer's packages give towns a point but countries and states none of the same kind (a
country's comes from another package, a state's from the middle of its towns' extent). An event
placed only at a country or a state is placed at one point of its shape: the centroid of its
largest polygon when that lies inside it, else the middle of the widest stretch of the polygon
along the centroid's latitude (a crescent's centroid may lie outside it). No point is typed by hand.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from talaia.maps.boundaries import Boundary, Ring, load_boundaries


def representative_point(boundary: Boundary) -> tuple[float, float]:
    """(latitude, longitude) of a point inside the boundary's largest polygon."""
    outer = max((polygon[0] for polygon in boundary.polygons), key=lambda ring: abs(_area(ring)))
    lon, lat = _centroid(outer)
    if _contains(outer, lon, lat):
        return lat, lon
    crossings = sorted(_crossings(outer, lat))
    stretches = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not stretches:
        return lat, lon
    west, east = max(stretches, key=lambda s: s[1] - s[0])
    return lat, (west + east) / 2


@functools.cache
def _boundary_points() -> tuple[tuple[int, str, str, tuple[float, float]], ...]:
    return tuple((b.level, b.country or "", b.name, representative_point(b)) for b in load_boundaries())


def shape_points(units_named: Callable[[int, str, str], list[int]]) -> dict[int, tuple[float, float]]:
    """The representative point of every packaged boundary, by the gazetteer row it is matched to:
    ``units_named(level, country, name)`` gives the rows of that level (0 country, 1 first-level unit) and
    country known by that name (any of the unit's names: Natural Earth's 'Distrito Federal' is the
    gazetteer's Mexico City). A boundary matched to no row, or to several, is left out."""
    points: dict[int, tuple[float, float]] = {}
    for level, country, name, point in _boundary_points():
        rows = units_named(level, country, name)
        if len(rows) == 1:
            points.setdefault(rows[0], point)
    return points


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    area = _area(ring)
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def _crossings(ring: Ring, lat: float) -> list[float]:
    """The longitudes where the ring's edges cross the parallel ``lat``."""
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 <= lat < y1) or (y1 <= lat < y0):
            out.append(x0 + (lat - y0) * (x1 - x0) / (y1 - y0))
    return out


def _contains(ring: Ring, lon: float, lat: float) -> bool:
    return sum(1 for x in _crossings(ring, lat) if x > lon) % 2 == 1
