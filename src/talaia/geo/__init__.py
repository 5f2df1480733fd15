"""Geo: the offline GeoNames gazetteer, toponym recognition and resolution."""

from talaia.geo.gazetteer import Gazetteer, GazetteerEntry, GeoNamesGazetteer, normalize_name
from talaia.geo.resolve import resolve_mentions
from talaia.geo.toponyms import Mention, find_toponyms

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GeoNamesGazetteer",
    "Mention",
    "find_toponyms",
    "normalize_name",
    "resolve_mentions",
]
