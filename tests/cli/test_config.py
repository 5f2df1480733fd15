"""The configuration file: defaults for options, under the command line and the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli
from talaia.cli.config import default_map
from talaia.errors import InputError


def test_top_level_keys_reach_every_command_with_the_option(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('knowledge = ["/k"]\ndb = "~/e.db"\n[ingest]\nbatch_size = 8\n', encoding="utf-8")
    defaults = default_map(cli, config)
    assert defaults["extract"]["knowledge"] == ["/k"] and "db" not in defaults["extract"]
    assert defaults["ingest"] == {"knowledge": ["/k"], "db": str(Path("~/e.db").expanduser()), "batch_size": 8}
    assert defaults["knowledge"]["version"] == {"knowledge": ["/k"]}  # nested groups too
    assert "batch_size" not in defaults.get("reprocess", {})


def test_no_file_means_no_defaults_and_a_bad_file_is_named(tmp_path: Path) -> None:
    assert default_map(cli, tmp_path / "absent.toml") == {}
    bad = tmp_path / "bad.toml"
    bad.write_text("knowledge = [", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid TOML") as err:
        default_map(cli, bad)
    assert str(bad) in str(err.value)


def test_the_config_file_changes_the_knowledge_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "kn" / "lang" / "en"
    folder.mkdir(parents=True)
    (folder / "numbers.tsv").write_text("word\tkind\tvalue\nseveral\tvague\t4\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'knowledge = ["{tmp_path / "kn"}"]\n', encoding="utf-8")
    monkeypatch.delenv("TALAIA_KNOWLEDGE", raising=False)
    runner = CliRunner()
    built_in = runner.invoke(cli, ["knowledge", "version"]).output
    configured = runner.invoke(cli, ["knowledge", "version"], default_map=default_map(cli, config)).output
    assert configured.startswith("talaia-extract/") and configured != built_in
