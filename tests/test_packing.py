"""Packed strings give back the strings they were made from, and find one in a sorted block."""

from __future__ import annotations

import pickle

import pytest

from talaia.packing import PackedStrings

WORDS = ["", "Bogotá", "Culiacán", "a", "año", "niño", "zeta", "Ávila", "Łódź", "東京"]


def test_packed_strings_give_back_each_string() -> None:
    packed = pickle.loads(pickle.dumps(PackedStrings(WORDS)))
    assert list(packed) == WORDS and len(packed) == len(WORDS)
    assert packed[1] == "Bogotá" and packed[-1] == "東京"
    with pytest.raises(IndexError):
        packed[len(WORDS)]


def test_a_sorted_block_is_searched_as_sorted_sorts_strings() -> None:
    ordered = sorted(WORDS)
    packed = PackedStrings(ordered)
    for i, word in enumerate(ordered):
        assert packed.index_of(word) == i
    for missing in ("b", "Bogota", "ano", "zetas", "Ł", "東"):
        assert packed.index_of(missing) == -1

