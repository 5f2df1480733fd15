"""The sources file: TOML, one ``[[source]]`` table per feed, sitemap or article page.

    [[source]]
    name = "Noroeste"                  # shown in reports and stored as the documents' source
    url = "https://www.example.mx/rss" # an RSS 2.0 or Atom feed, a sitemap, or one article URL
    language = "es"                    # optional: the articles' language (else detected)
    country = "MX"                     # optional: an ISO country code, for people reading the file
    every = "15m"                      # optional: how often to poll it (default: --every)
    kind = "feed"                      # optional: feed, sitemap or article (default: told by the content)
    max_articles = 50                  # optional: at most this many new articles per poll

Every mistake is reported with the source's position and name, all of them at once.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from talaia.errors import SourcesFileError

__all__ = ["KINDS", "Source", "SourceKind", "load_sources", "parse_interval"]

SourceKind = Literal["auto", "feed", "sitemap", "article"]
KINDS: tuple[str, ...] = get_args(SourceKind)
LANGUAGES = ("en", "es")
DEFAULT_MAX_ARTICLES = 50
_INTERVAL = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*\Z", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_KEYS = {"name", "url", "language", "country", "every", "kind", "max_articles"}


def parse_interval(text: str, what: str = "every") -> dt.timedelta:
    """``90s``, ``15m``, ``2h``, ``1d`` as a duration; SourcesFileError for anything else."""
    match = _INTERVAL.match(text) if isinstance(text, str) else None
    if not match or float(match.group(1)) <= 0:
        raise SourcesFileError(f"{what} must be a duration such as 90s, 15m, 2h or 1d, not {text!r}")
    return dt.timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()])


@dataclass(frozen=True, slots=True)
class Source:
    """One source to poll. ``every`` None: the watch's default interval."""

    name: str
    url: str
    language: str | None = None
    country: str | None = None
    every: dt.timedelta | None = None
    kind: SourceKind = "auto"
    max_articles: int = DEFAULT_MAX_ARTICLES

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url, "language": self.language, "country": self.country,
                "every": self.every.total_seconds() if self.every else None, "kind": self.kind,
                "max_articles": self.max_articles}


def load_sources(path: str | Path) -> list[Source]:
    """The sources of the TOML file at ``path``; SourcesFileError naming the file and every problem."""
    label = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise SourcesFileError("no such file", document=label) from None
    except OSError as exc:
        raise SourcesFileError(f"cannot read: {exc.strerror or exc}", document=label) from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"not valid TOML: {exc}", document=label) from None
    except UnicodeDecodeError:
        raise SourcesFileError("not UTF-8 text", document=label) from None
    tables = data.get("source")
    extra = sorted(set(data) - {"source"})
    if extra:
        raise SourcesFileError(f"unknown top-level key(s) {', '.join(extra)}: sources are [[source]] tables",
                               document=label)
    if not isinstance(tables, list) or not tables:
        raise SourcesFileError("no [[source]] table", document=label)
    sources: list[Source] = []
    problems: list[str] = []
    for number, table in enumerate(tables, 1):
        try:
            sources.append(_source(table))
        except SourcesFileError as err:
            name = table.get("name") if isinstance(table, dict) else None
            problems.append(f"source {number}{f' ({name})' if isinstance(name, str) else ''}: {err.message}")
    seen: dict[str, int] = {}
    for number, source in enumerate(sources, 1):
        if source.name in seen:
            problems.append(f"source {number} ({source.name}): the name is taken by source {seen[source.name]}")
        seen.setdefault(source.name, number)
    if problems:
        raise SourcesFileError("; ".join(problems), document=label)
    return sources


def _source(table: Any) -> Source:
    if not isinstance(table, dict):
        raise SourcesFileError("not a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise SourcesFileError(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    name, url = table.get("name"), table.get("url")
    if not isinstance(name, str) or not name.strip():
        raise SourcesFileError("'name' must be a non-empty string")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise SourcesFileError(f"'url' must be an http:// or https:// URL, not {url!r}")
    language = table.get("language")
    if language is not None and language not in LANGUAGES:
        raise SourcesFileError(f"'language' must be one of {', '.join(LANGUAGES)}, not {language!r}")
    country = table.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country)):
        raise SourcesFileError(f"'country' must be a two-letter ISO code, not {country!r}")
    every = table.get("every")
    kind = table.get("kind", "auto")
    if kind not in KINDS:
        raise SourcesFileError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    limit = table.get("max_articles", DEFAULT_MAX_ARTICLES)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise SourcesFileError(f"'max_articles' must be a whole number of at least 1, not {limit!r}")
    return Source(name=name.strip(), url=url.strip(), language=language,
                  country=country.upper() if isinstance(country, str) else None,
                  every=parse_interval(every, "'every'") if every is not None else None, kind=kind,
                  max_articles=limit)
