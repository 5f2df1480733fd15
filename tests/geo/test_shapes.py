"""A country's or a state's point: inside its shape, never typed by hand."""

from __future__ import annotations

import itertools

import pytest

from talaia.geo.shapes import representative_point
from talaia.maps.boundaries import BBox, Boundary, load_boundaries


def _boundary(*rings: tuple[tuple[float, float], ...]) -> Boundary:
    polygons = tuple((ring,) for ring in rings)
    box = BBox.around(p for ring in rings for p in ring)
    assert box is not None
    return Boundary(1, "test", "XX", polygons, box)


def _inside(ring: tuple[tuple[float, float], ...], lon: float, lat: float) -> bool:
    crossings = 0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 <= lat < y1 or y1 <= lat < y0) and x0 + (lat - y0) * (x1 - x0) / (y1 - y0) > lon:
            crossings += 1
    return crossings % 2 == 1


def test_a_square_is_placed_at_its_middle() -> None:
    square = ((0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0), (0.0, 0.0))
    assert representative_point(_boundary(square)) == pytest.approx((1.0, 2.0))


def test_a_crescent_is_placed_inside_it_not_at_its_centroid() -> None:
    # a 'U': its centroid falls in the gap between the arms
    u_shape = ((0.0, 0.0), (6.0, 0.0), (6.0, 6.0), (4.0, 6.0), (4.0, 1.0), (2.0, 1.0), (2.0, 6.0), (0.0, 6.0),
               (0.0, 0.0))
    lat, lon = representative_point(_boundary(u_shape))
    assert _inside(u_shape, lon, lat)


def test_the_largest_island_holds_the_point() -> None:
    big = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))
    islet = ((20.0, 20.0), (21.0, 20.0), (21.0, 21.0), (20.0, 21.0), (20.0, 20.0))
    lat, lon = representative_point(_boundary(islet, big))
    assert 0 < lat < 10 and 0 < lon < 10


def test_every_packaged_shape_holds_its_point() -> None:
    for boundary in load_boundaries():
        lat, lon = representative_point(boundary)
        assert any(_inside(polygon[0], lon, lat) for polygon in boundary.polygons), boundary.name
