"""The project's only conftest: shared fixtures, graded by what data is available.

Tests that parse text load the real spaCy models and gazetteer once per session
(marked ``slow``). Tests that score against ../shared gold data skip when it is absent.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from talaia.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from talaia.geo.gazetteer import GeoNamesGazetteer

    return GeoNamesGazetteer.load()


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from talaia.nlp.spacy_backend import SpacyModels

    return SpacyModels().get("en")


@pytest.fixture(scope="session")
def nlp_es():  # type: ignore[no-untyped-def]
    from talaia.nlp.spacy_backend import SpacyModels

    return SpacyModels().get("es")


@pytest.fixture(scope="session")
def ambush_result(pipeline):  # type: ignore[no-untyped-def]
    from talaia.api import extract_paths

    return next(iter(extract_paths([FIXTURES / "michoacan-ambush.txt"], pipeline=pipeline)))


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "talaia.db"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for the tests: $TALAIA_TEST_POSTGRES (what `make test` starts),
    else a private one started here; the tests that need it skip, saying why, where neither is possible."""
    from postgres_server import ENV, ServerUnavailableError, start

    url = os.environ.get(ENV)
    if url:
        yield url
        return
    try:
        server = start()
    except ServerUnavailableError as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture()
def postgres_db(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test: a schema of its own on the test server,
    named in the URL (``options=-csearch_path=...``) and dropped afterwards."""
    psycopg = pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg (pip install 'talaia[postgres]')")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_server else "?"
    try:
        yield f"{postgres_server}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each backend, as ``--db`` takes it: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "talaia.db")
    return str(request.getfixturevalue("postgres_db"))
