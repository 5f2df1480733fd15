"""The quality gate runs inside ``make test`` whenever ../shared is present (as in CI)."""

import pytest

from quality import gate

pytestmark = [pytest.mark.quality, pytest.mark.slow]


@pytest.mark.skipif(not gate.available(), reason="../shared (gold data and the eval kit) is absent")
@pytest.mark.parametrize("dataset", sorted(gate.SLICES))
def test_quality_no_regression(dataset: str) -> None:
    assert gate.FLOORS.exists(), "tests/quality/floors.json is missing: run gate.py --update"
    problems = gate.run(only=[dataset])
    assert not problems, "\n".join(problems)
