"""The packaged base map: Natural Earth countries and Latin American states, small enough to ship."""

from __future__ import annotations

import pytest

from talaia.maps import BOUNDARIES_FILE, BBox, Projection, boundaries_in, load_boundaries


def test_boundaries_cover_the_world_and_latin_american_states() -> None:
    found = load_boundaries()
    countries = {b.country for b in found if b.level == 0}
    assert len(countries) > 200 and {"MX", "CO", "BR", "KE", "SS", "GB", "XK"} <= countries
    states = [b for b in found if b.level == 1]
    assert len([b for b in states if b.country == "MX"]) == 32
    for country in ("GT", "HN", "SV", "CO", "VE", "BR", "AR", "HT", "US"):
        assert any(b.country == country for b in states), country
    assert BOUNDARIES_FILE.stat().st_size < 3_000_000  # the package stays small


def test_boundaries_match_names_without_accents() -> None:
    michoacan = next(b for b in load_boundaries() if b.level == 1 and b.matches("michoacan"))
    assert michoacan.name == "Michoacán" and michoacan.country == "MX"
    box = michoacan.bbox
    assert box.west < -102.4 < box.east and box.south < 19.2 < box.north  # Aguililla is in it
    near = {b.name for b in boundaries_in(BBox(-102.5, 19.0, -102.3, 19.4), level=1)}
    assert "Michoacán" in near and "Yucatán" not in near


def test_projection_fills_the_picture() -> None:
    box = BBox(-110.0, 15.0, -90.0, 30.0)
    proj = Projection(box, 400, 300)
    west_south, east_north = proj.point(-110.0, 15.0), proj.point(-90.0, 30.0)
    assert west_south[1] > east_north[1]  # north is up
    # the box touches two opposite edges and is centred on the other axis
    assert min(west_south[0], 400 - east_north[0]) == pytest.approx(max(west_south[0], 400 - east_north[0]))
    assert west_south[0] == pytest.approx(0, abs=0.01) or west_south[1] == pytest.approx(300, abs=0.01)
    assert proj.path([((-100.0, 20.0), (-99.0, 20.0), (-99.0, 21.0), (-100.0, 20.0))]).startswith("M")


def test_bbox_padding_keeps_a_lone_point_in_view() -> None:
    box = BBox.around([(-102.4, 19.2)])
    assert box is not None and box.west == box.east
    padded = box.padded()
    assert padded.east - padded.west == pytest.approx(1.5) and padded.north - padded.south == pytest.approx(1.5)
    assert BBox.around([]) is None
