"""The gazetteer's packed rows and index answer exactly as the list and dict they were made from."""

from __future__ import annotations

import math
import pickle

from talaia.geo.packed import PackedIndex, PackedRows, Row

ROWS: list[Row] = [
    (3996063, "Mexico", 0, "MX", -1, -1, 23.0, -102.0, 126190788),
    (4012176, "Culiacán", 3, "MX", 2, -1, 24.80209, -107.39421, 808416),
    (0, "Sinaloa", 1, "MX", -1, -1, math.nan, math.nan, 0),
    (3688689, "Bogotá", 3, "CO", -1, -1, 4.60971, -74.08175, 7674366),
]
INDEX = {"mexico": (0,), "culiacan": (1,), "sinaloa": (2, 1), "bogota": (3,), "a": (3, 0, 2)}


def test_packed_rows_give_back_each_row() -> None:
    packed = pickle.loads(pickle.dumps(PackedRows(ROWS)))
    assert len(packed) == len(ROWS)
    for got, want in zip(packed, ROWS, strict=True):
        assert got[:6] == want[:6] and got[8] == want[8]
        assert all(g == w or (math.isnan(g) and math.isnan(w)) for g, w in zip(got[6:8], want[6:8], strict=True))
    assert packed[1] == ROWS[1]


def test_packed_index_answers_as_the_dict() -> None:
    packed = pickle.loads(pickle.dumps(PackedIndex(INDEX)))
    assert dict(packed) == INDEX and len(packed) == len(INDEX)
    for key, rows in INDEX.items():
        assert packed[key] == rows and packed.get(key) == rows and key in packed
    for missing in ("", "b", "mexic", "mexicoo", "zzz"):
        assert missing not in packed and packed.get(missing, ()) == ()


def test_packed_rows_name_the_rows_a_test_keeps() -> None:
    packed = PackedRows(ROWS)
    big_towns = list(packed.names_where(lambda feature, population: feature == 3 and population > 1_000_000))
    assert big_towns == ["Bogotá"]
    assert list(packed.names_where(lambda feature, population: True)) == [r[1] for r in ROWS]
