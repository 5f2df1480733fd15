"""The cache folder: what is there, what this Talaia reads, built ahead, cleared of what it does not read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.caches import (
    CACHE_DIR_ENV,
    GAZETTEER,
    WORD_FREQUENCIES,
    build_caches,
    cache_dir,
    cache_files,
    clear_caches,
    missing_caches,
)
from talaia.cli import cli

pytestmark = pytest.mark.slow  # builds the gazetteer twice (~15 s each)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with every file built once (the gazetteer takes ~15 s)."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CACHE_DIR_ENV, str(folder))
        done = build_caches()
    assert sorted(f.kind for f, _ in done) == [GAZETTEER, WORD_FREQUENCIES, WORD_FREQUENCIES]
    return folder


def test_the_folder_is_the_environments_when_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "here"))
    assert cache_dir() == tmp_path / "here"
    monkeypatch.delenv(CACHE_DIR_ENV)
    assert cache_dir().name == "talaia"


def test_an_empty_folder_lists_what_a_first_run_builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "none yet"))
    files = cache_files()
    assert len(files) == 3 and all(f.current and not f.exists for f in files)
    assert missing_caches() == files


def test_built_caches_are_read_and_not_built_again(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(built))
    assert missing_caches() == [] and build_caches() == []
    assert all(f.current and f.size > 1_000_000 for f in cache_files())


def test_clearing_removes_only_what_this_talaia_does_not_read(built: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    shutil.copytree(built, folder)
    stale = [folder / "gazetteer-gaz-1-x-0.1.pickle", folder / "wordfreq-0-en.bin",
             folder / "gazetteer-gaz-10-x.pickle.tmp"]
    for path in stale:
        path.write_bytes(b"old")
    (folder / "notes.txt").write_text("not a cache file")
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    assert {f.path for f in cache_files() if not f.current} == set(stale)
    assert {f.path for f in clear_caches()} == set(stale)
    assert missing_caches() == [] and (folder / "notes.txt").exists()
    assert len(clear_caches(everything=True)) == 3 and len(missing_caches()) == 3


def test_the_commands(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv(CACHE_DIR_ENV, str(built))
    info = runner.invoke(cli, ["cache", "info"])
    assert info.exit_code == 0 and info.output.count("in use") == 3
    again = runner.invoke(cli, ["cache", "build"])
    assert again.exit_code == 0 and "every cache is built already" in again.output

    folder = tmp_path / "cache"
    shutil.copytree(built, folder, ignore=shutil.ignore_patterns("wordfreq-*"))
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    sample = tmp_path / "one.txt"
    sample.write_text("Gunmen killed two police officers in Culiacán on Monday.\n", encoding="utf-8")
    first = runner.invoke(cli, ["extract", str(sample), "--progress", "-o", str(tmp_path / "out.jsonl")])
    assert first.exit_code == 0
    assert "building the word frequencies cache in" in first.output and "gazetteer" not in first.output
    later = runner.invoke(cli, ["extract", str(sample), "--progress", "-o", str(tmp_path / "out.jsonl")])
    assert later.exit_code == 0 and "building" not in later.output
    rebuilt = runner.invoke(cli, ["cache", "clear", "--all"])
    assert rebuilt.exit_code == 0 and "3 files removed" in rebuilt.output
    assert runner.invoke(cli, ["cache", "build"]).output.count("built in") == 3
