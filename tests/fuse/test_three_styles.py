"""Issue 26's acceptance: three reports of one ambush, each told in its own style (written for this test: a
wire report naming only the country in its lead, a magazine piece citing Reuters, a newspaper column),
ingested among unrelated reports, are one incident with three sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli

pytestmark = pytest.mark.slow
REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "ambush_styles" / "reports.jsonl"
STYLES = {"wire-1", "magazine-1", "column-1"}


def _incidents(tmp_path: Path) -> list[dict[str, object]]:
    db = str(tmp_path / "styles.db")
    assert CliRunner().invoke(cli, ["ingest", "--db", db, str(REPORTS)]).exit_code == 0
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _sources(event: dict[str, object]) -> set[str]:
    return {str(s["document_id"]) for s in event["sources"]}  # type: ignore[attr-defined,index]


def test_the_wire_and_the_magazine_are_one_incident_and_the_unrelated_stay_apart(tmp_path: Path) -> None:
    incidents = _incidents(tmp_path)
    assert any({"wire-1", "magazine-1"} <= _sources(e) for e in incidents)
    for other in ("other-1", "other-2", "other-3"):  # each unrelated report is an incident of its own
        assert [_sources(e) for e in incidents if other in _sources(e)] == [{other}]


def test_three_styles_of_one_ambush_are_one_incident_with_three_sources(tmp_path: Path) -> None:
    incidents = _incidents(tmp_path)
    assert [_sources(e) & STYLES for e in incidents if _sources(e) & STYLES] == [STYLES]
