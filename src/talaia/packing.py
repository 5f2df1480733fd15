"""Many strings kept as one block of UTF-8 bytes with their offsets, for caches that must load fast.

Unpickling a list of 680,000 strings makes 680,000 objects (~0.1 s); a block of bytes and an
array of offsets load as two copies. A string is decoded when asked for, and a sorted block is
searched by bisection on the bytes (UTF-8 orders bytes as code points, so as ``sorted`` orders str).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence


class PackedStrings(Sequence[str]):
    """An immutable sequence of strings; ``index_of`` finds one in a sorted sequence."""

    def __init__(self, strings: Iterable[str]) -> None:
        encoded = [s.encode() for s in strings]
        starts = array("q", [0])
        for item in encoded:
            starts.append(starts[-1] + len(item))
        self._blob = b"".join(encoded)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]  # strings are read one at a time
        return self.utf8(i).decode()

    def utf8(self, i: int) -> bytes:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._blob[self._starts[i]:self._starts[i + 1]]

    def __iter__(self) -> Iterator[str]:
        blob, starts = self._blob, self._starts
        return (blob[starts[i]:starts[i + 1]].decode() for i in range(len(self)))

    def index_of(self, text: str) -> int:
        """Where ``text`` is, in strings sorted as ``sorted`` sorts them; -1 when it is not there."""
        key = text.encode()
        i = bisect_left(_Utf8View(self), key)
        return i if i < len(self) and self.utf8(i) == key else -1


class _Utf8View(Sequence[bytes]):
    """The strings as their bytes, for ``bisect`` (no string is decoded on the way)."""

    def __init__(self, strings: PackedStrings) -> None:
        self._blob, self._starts, self._len = strings._blob, strings._starts, len(strings)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]
        return self._blob[self._starts[i]:self._starts[i + 1]]
