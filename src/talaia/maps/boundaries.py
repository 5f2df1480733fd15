"""Country and state boundaries (Natural Earth, public domain) and a map projection to draw them.

``boundaries.geojson`` holds every country (level 0, 1:50m) and the states (level 1) of Latin
America, the Caribbean and the United States, simplified; tools/dashboard/build_assets.py makes it
from the npm packages pinned in tools/dashboard/package-lock.json. The dashboard serves the file to
Leaflet as it is; briefs draw it as SVG through :class:`Projection`.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from talaia.text import fold

__all__ = ["BOUNDARIES_FILE", "BBox", "Boundary", "Projection", "boundaries_in", "load_boundaries"]

BOUNDARIES_FILE = Path(str(resources.files("talaia.maps") / "boundaries.geojson"))

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points, closed


@dataclass(frozen=True, slots=True)
class BBox:
    """A box in degrees: west and east longitudes, south and north latitudes."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> BBox | None:
        """The smallest box holding ``points`` ((longitude, latitude) pairs); None when there are none."""
        pts = list(points)
        if not pts:
            return None
        return cls(min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))

    def padded(self, fraction: float = 0.15, minimum: float = 1.5) -> BBox:
        """The box grown by ``fraction`` of its size on each side, and to at least ``minimum`` degrees
        across (one event alone still shows its surroundings)."""
        width, height = self.east - self.west, self.north - self.south
        grow_x = max(width * fraction, (minimum - width) / 2, 0.0)
        grow_y = max(height * fraction, (minimum - height) / 2, 0.0)
        return BBox(max(self.west - grow_x, -180.0), max(self.south - grow_y, -85.0),
                    min(self.east + grow_x, 180.0), min(self.north + grow_y, 85.0))

    def union(self, other: BBox) -> BBox:
        return BBox(min(self.west, other.west), min(self.south, other.south),
                    max(self.east, other.east), max(self.north, other.north))

    def overlaps(self, other: BBox) -> bool:
        return not (other.west > self.east or other.east < self.west
                    or other.south > self.north or other.north < self.south)


@dataclass(frozen=True, slots=True)
class Boundary:
    """A country (``level`` 0) or a state (``level`` 1) with its polygons' rings (outer ring first)."""

    level: int
    name: str
    country: str | None  # ISO 3166 alpha-2 (None for a few disputed areas)
    polygons: tuple[tuple[Ring, ...], ...]
    bbox: BBox

    def matches(self, name: str) -> bool:
        """Whether ``name`` names this boundary, ignoring accents and case ('Michoacan' is 'Michoacán')."""
        return fold(name).strip() == fold(self.name).strip()


@functools.cache
def load_boundaries() -> tuple[Boundary, ...]:
    """Every packaged boundary, countries first (read once per process)."""
    data = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        props = feature["properties"]
        polygons = tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon)
                         for polygon in feature["geometry"]["coordinates"])
        bbox = BBox.around(p for polygon in polygons for p in polygon[0])
        assert bbox is not None  # the build script drops empty shapes
        out.append(Boundary(int(props["level"]), str(props["name"]), props.get("country"), polygons, bbox))
    return tuple(sorted(out, key=lambda b: b.level))


def boundaries_in(box: BBox, *, level: int | None = None) -> list[Boundary]:
    """The boundaries that reach into ``box`` (of ``level`` only, when given)."""
    return [b for b in load_boundaries() if (level is None or b.level == level) and b.bbox.overlaps(box)]


@dataclass(frozen=True)  # no slots: the frame is computed once, on first use (cached_property)
class Projection:
    """Web Mercator from ``box`` onto a ``width`` × ``height`` picture, the box centred, its aspect kept."""

    box: BBox
    width: float
    height: float

    @staticmethod
    def _mercator(lon: float, lat: float) -> tuple[float, float]:
        lat = max(min(lat, 85.0), -85.0)
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    @functools.cached_property
    def _frame(self) -> tuple[float, float, float]:
        x0, y0 = self._mercator(self.box.west, self.box.south)
        x1, y1 = self._mercator(self.box.east, self.box.north)
        scale = min(self.width / max(x1 - x0, 1e-9), self.height / max(y1 - y0, 1e-9))
        # centre the box: the spare room goes to both sides
        offset_x = (self.width - (x1 - x0) * scale) / 2 - x0 * scale
        offset_y = (self.height - (y1 - y0) * scale) / 2 + y1 * scale
        return scale, offset_x, offset_y

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """The picture's (x, y) of a place; y grows downwards."""
        scale, offset_x, offset_y = self._frame
        x, y = self._mercator(lon, lat)
        return x * scale + offset_x, offset_y - y * scale

    def path(self, rings: Sequence[Ring]) -> str:
        """An SVG path (``d``) drawing ``rings``, one decimal of a pixel."""
        parts = []
        for ring in rings:
            points = [self.point(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        return "".join(parts)
