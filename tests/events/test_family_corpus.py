"""Floors on the construction-family corpora written for Talaia (tests/families): the incidents
work measured by family, in text nobody tuned the gold on. Figures and how to read them:
``python tools/family_scores.py``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from family_scores import score

pytestmark = pytest.mark.slow

# the share right on each corpus, a few points under the figure measured when the floor was set
FLOORS = {"nonincidents": 59.0, "roles": 63.0, "articles": 61.0}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_family_corpus_stays_above_its_floor(pipeline: Any, corpus: str) -> None:
    right, total = score([corpus], pipeline)[corpus]["*"]
    assert 100 * right / total >= FLOORS[corpus], f"{corpus}: {right}/{total}"
