"""The sources file: TOML read into sources, every mistake named at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from talaia.errors import SourcesFileError
from talaia.watch.sources import Source, load_sources, parse_interval


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_are_read_with_their_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[[source]]
name = "Noroeste"
url = "https://www.example.mx/rss"
language = "es"
country = "mx"
every = "15m"

[[source]]
name = "Wire"
url = "http://127.0.0.1:8000/sitemap.xml"
kind = "sitemap"
max_articles = 5
""")
    assert load_sources(path) == [
        Source("Noroeste", "https://www.example.mx/rss", "es", "MX", dt.timedelta(minutes=15)),
        Source("Wire", "http://127.0.0.1:8000/sitemap.xml", kind="sitemap", max_articles=5)]


@pytest.mark.parametrize(("text", "message"), [
    ("[[source]]\nname = 'A'\n", r"source 1 \(A\): 'url' must be an http:// or https:// URL, not None"),
    ("[[source]]\nname = 'A'\nurl = 'ftp://x/y'\n", "'url' must be an http"),
    ("[[source]]\nname = 'A'\nurl = 'http://x/'\nevery = 'often'\n", "'every' must be a duration"),
    ("[[source]]\nname = 'A'\nurl = 'http://x/'\nlanguage = 'fr'\n", "'language' must be one of en, es"),
    ("[[source]]\nname = 'A'\nurl = 'http://x/'\nfrequency = '1h'\n", r"unknown key\(s\) frequency"),
    ("[[source]]\nname = 'A'\nurl = 'http://x/'\n[[source]]\nname = 'A'\nurl = 'http://y/'\n",
     r"source 2 \(A\): the name is taken by source 1"),
    ("[[source]]\nurl = 'http://x/'\n[[source]]\nname = 'B'\nkind = 'pdf'\nurl = 'http://y/'\n",
     r"source 1: 'name' must be .*; source 2 \(B\): 'kind' must be one of"),
    ("title = 'x'\n", "unknown top-level key"),
    ("", r"no \[\[source\]\] table"),
    ("[[source]\n", "not valid TOML"),
])
def test_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourcesFileError, match=message) as info:
        load_sources(_write(tmp_path, text))
    assert str(info.value).startswith(str(tmp_path / "sources.toml") + ": E801 sources-file: ")


def test_a_missing_file_and_intervals(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="no such file"):
        load_sources(tmp_path / "none.toml")
    assert parse_interval("90s") == dt.timedelta(seconds=90) and parse_interval("2h") == dt.timedelta(hours=2)
    assert parse_interval("1.5d") == dt.timedelta(hours=36)
    with pytest.raises(SourcesFileError):
        parse_interval("0m")
