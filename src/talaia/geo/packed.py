"""The gazetteer's rows and name index in a form that loads fast from its disk cache.

Unpickling 290,000 row tuples and a dict of 680,000 names makes about four million Python
objects (0.45 s, a fifth of a first extraction's start-up). Packed, the numbers are arrays
(copied in one piece), the names one block of text (talaia.packing), and the index sorted keys
searched by bisection with the row numbers of all keys in one array: about 0.01 s to load, the
same answers.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence

from talaia.packing import PackedStrings

Row = tuple[int, str, int, str, int, int, float, float, int]  # id, name, feature, cc, a1, a2, lat, lon, pop


class PackedRows(Sequence[Row]):
    """Gazetteer rows stored by column; ``rows[i]`` gives back the row tuple."""

    def __init__(self, rows: Sequence[Row]) -> None:
        codes = sorted({r[3] for r in rows})
        code_number = {c: n for n, c in enumerate(codes)}
        self._codes = tuple(codes)
        self._ids = array("q", (r[0] for r in rows))
        self._names = PackedStrings(r[1] for r in rows)
        self._features = array("b", (r[2] for r in rows))
        self._countries = array("H", (code_number[r[3]] for r in rows))
        self._admin1 = array("i", (r[4] for r in rows))
        self._admin2 = array("i", (r[5] for r in rows))
        self._latitudes = array("d", (r[6] for r in rows))
        self._longitudes = array("d", (r[7] for r in rows))
        self._populations = array("q", (r[8] for r in rows))

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, i: int) -> Row:  # type: ignore[override]  # rows are read one at a time
        return (self._ids[i], self._names[i], self._features[i], self._codes[self._countries[i]], self._admin1[i],
                self._admin2[i], self._latitudes[i], self._longitudes[i], self._populations[i])

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))

    def names_where(self, keep: Callable[[int, int], bool]) -> Iterator[str]:
        """The names of the rows whose (feature, population) ``keep`` accepts, decoding no other name."""
        names = self._names
        return (names[i] for i, (feature, population) in enumerate(zip(self._features, self._populations,
                                                                        strict=True)) if keep(feature, population))


class PackedIndex(Mapping[str, tuple[int, ...]]):
    """A read-only name -> row numbers map: sorted keys, and each key's rows as a slice of one array."""

    def __init__(self, index: Mapping[str, tuple[int, ...]]) -> None:
        keys = sorted(index)
        self._keys = PackedStrings(keys)
        self._starts = array("i", [0])
        self._rows = array("i")
        for key in keys:  # not decoded back from the block
            self._rows.extend(index[key])
            self._starts.append(len(self._rows))

    def _position(self, key: str) -> int:
        return self._keys.index_of(key)

    def __getitem__(self, key: str) -> tuple[int, ...]:
        i = self._position(key)
        if i < 0:
            raise KeyError(key)
        return tuple(self._rows[self._starts[i]:self._starts[i + 1]])

    def get(self, key: str, default: tuple[int, ...] | None = None) -> tuple[int, ...] | None:  # type: ignore[override]
        i = self._position(key)
        return default if i < 0 else tuple(self._rows[self._starts[i]:self._starts[i + 1]])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._position(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)
