"""Offline base maps: country and state boundaries from Natural Earth, packaged (no tile server)."""

from talaia.maps.boundaries import (
    BOUNDARIES_FILE,
    BBox,
    Boundary,
    Projection,
    boundaries_in,
    load_boundaries,
)

__all__ = ["BOUNDARIES_FILE", "BBox", "Boundary", "Projection", "boundaries_in", "load_boundaries"]
