"""The files Talaia keeps in the user's cache folder so that a command starts in a second or two.

A first extraction builds them (the gazetteer, ~15 s, and the English and Spanish word frequency
lists, ~1 s each); every later one reads them. A new Talaia, wordfreq or knowledge writes new files
under new names and leaves the old ones: ``clear_caches`` removes what nothing reads any more.
The folder is the platform's user cache (``~/.cache/talaia`` on Linux), or ``$TALAIA_CACHE_DIR``.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from talaia.knowledge import Knowledge

CACHE_DIR_ENV = "TALAIA_CACHE_DIR"
GAZETTEER = "gazetteer"
WORD_FREQUENCIES = "word frequencies"
FREQUENCY_LANGUAGES = ("en", "es")
_PATTERNS = {GAZETTEER: "gazetteer-*", WORD_FREQUENCIES: "wordfreq-*"}
T = TypeVar("T")


def cache_dir() -> Path:
    """Where the caches are: ``$TALAIA_CACHE_DIR`` when set, else the platform's user cache folder."""
    given = os.environ.get(CACHE_DIR_ENV)
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("talaia"))


def cache_file(prefix: str, stamp: str, folder: Path | None = None) -> Path:
    """``<folder>/<prefix>-<stamp>.pickle``: the stamp names what the file was built from (versions,
    digests), so that anything new gets a file of its own."""
    safe = re.sub(r"[^\w.-]", "_", stamp)
    return (folder or cache_dir()) / f"{prefix}-{safe}.pickle"


def cached(path: Path, build: Callable[[], T], fits: Callable[[object], bool]) -> T:
    """What the pickle at ``path`` holds when ``fits`` accepts it, else ``build()``'s result, written there
    for the next process (through a temporary file of its own, so processes building at once never
    read each other's half-written file; a folder that cannot be written only costs the build)."""
    try:
        with open(path, "rb") as fh:
            found = pickle.load(fh)
        if fits(found):
            return found  # type: ignore[no-any-return]  # fits() checked it
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError, ImportError,
            IndexError):
        pass  # missing, stale or broken: built again
    made = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(made, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return made


@dataclass(frozen=True, slots=True)
class CacheFile:
    path: Path
    kind: str  # GAZETTEER or WORD_FREQUENCIES
    size: int  # bytes; 0 when the file is not there
    current: bool  # this Talaia, with this knowledge, reads it

    @property
    def exists(self) -> bool:
        return self.size > 0


def _expected(knowledge: Knowledge | None) -> dict[Path, tuple[str, Callable[[], object]]]:
    """The files this Talaia reads with this knowledge (default: the built-in knowledge): each one's
    kind and what builds it (reading it instead when it is there)."""
    from talaia.geo.gazetteer import GazetteerTables, GeoNamesGazetteer, gazetteer_cache_path
    from talaia.knowledge import load_knowledge
    from talaia.nlp.frequency import cache_path, load_wordlist

    tables = GazetteerTables.from_knowledge(knowledge or load_knowledge())
    expected: dict[Path, tuple[str, Callable[[], object]]] = {
        gazetteer_cache_path(tables.digest): (GAZETTEER, lambda: GeoNamesGazetteer.load(tables=tables))}
    for lang in FREQUENCY_LANGUAGES:
        path = cache_path(lang)
        if path is not None:
            expected[path] = (WORD_FREQUENCIES, lambda lang=lang: load_wordlist(lang))  # type: ignore[misc]
    return expected


def cache_files(knowledge: Knowledge | None = None) -> list[CacheFile]:
    """Every cache file there is, and every one this Talaia reads even when it is not built yet."""
    expected = _expected(knowledge)
    kinds = {path: kind for path, (kind, _) in expected.items()}
    folder = cache_dir()
    for kind, pattern in _PATTERNS.items():
        for path in sorted(folder.glob(pattern)) if folder.is_dir() else ():
            kinds.setdefault(path, kind)
    return [CacheFile(path, kind, _size(path), path in expected) for path, kind in kinds.items()]


def missing_caches(knowledge: Knowledge | None = None) -> list[CacheFile]:
    """The files a command will build before it can start (a first run, or new knowledge)."""
    return [CacheFile(path, kind, 0, True) for path, (kind, _) in _expected(knowledge).items() if not _size(path)]


def build_caches(knowledge: Knowledge | None = None,
                 on_built: Callable[[CacheFile, float], None] | None = None) -> list[tuple[CacheFile, float]]:
    """Build the files this Talaia reads that are missing; each with the seconds it took."""
    built = []
    for path, (kind, build) in _expected(knowledge).items():
        if _size(path):
            continue
        start = time.perf_counter()
        build()
        seconds = time.perf_counter() - start
        done = CacheFile(path, kind, _size(path), True)
        built.append((done, seconds))
        if on_built is not None:
            on_built(done, seconds)
    return built


def clear_caches(knowledge: Knowledge | None = None, *, everything: bool = False) -> list[CacheFile]:
    """Remove the cache files this Talaia does not read (older versions, other knowledge, unfinished
    writes), or every one with ``everything``; the files removed."""
    removed = []
    for found in cache_files(knowledge):
        if found.exists and (everything or not found.current):
            try:
                found.path.unlink()
            except FileNotFoundError:
                continue  # another process removed it
            removed.append(found)
    return removed


def describe(files: Sequence[CacheFile]) -> str:
    """A line per file: kind, size, whether it is in use, name."""
    lines = []
    for f in files:
        state = ("in use" if f.exists else "not built yet") if f.current else "not used"
        lines.append(f"{f.kind:<17} {f.size / 1e6:7.1f} MB  {state:<13} {f.path.name}")
    return "\n".join(lines)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
