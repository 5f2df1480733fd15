"""Geo: the offline GeoNames gazetteer, toponym recognition and resolution."""

from talaia.geo.gazetteer import Gazetteer, GazetteerEntry, GazetteerTables, GeoNamesGazetteer, NameKey
from talaia.geo.lexicon import PlaceLexicon
from talaia.geo.resolve import resolve_mentions
from talaia.geo.toponyms import Mention, find_toponyms

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerTables",
    "GeoNamesGazetteer",
    "Mention",
    "NameKey",
    "PlaceLexicon",
    "find_toponyms",
    "resolve_mentions",
]
