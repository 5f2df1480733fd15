"""The project's only conftest: shared fixtures, graded by what data is available.

Tests that parse text load the real spaCy models and gazetteer once per session
(marked ``slow``). Tests that score against ../shared gold data skip when it is absent.
"""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def _postgres_schema(server: str, prefix: str) -> Iterator[str]:
    """A schema of its own on the test server, named in the URL it yields
    (``options=-csearch_path=...``), dropped afterwards."""
    psycopg = pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg (pip install 'talaia[postgres]')")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture()
def postgres_db(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (a schema of its own on the test server)."""
    with _postgres_schema(postgres_server, "t") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each backend, as ``--db`` takes it: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "talaia.db")
    return str(request.getfixturevalue("postgres_db"))


# an article carrying script and attribute payloads: whatever serves it must hand it on inert
PAYLOAD_DOCUMENT = {
    "id": "wire/payload-1", "title": "<script>alert('title')</script>", "published": "2020-01-15", "source": "Wire",
    "text": "Gunmen killed two police officers on Monday in Celaya, Guanajuato, <script>alert('x')</script> "
            "<img src=x onerror=\"alert('y')\"> officials said.",
}


def _ingest_desk(pipeline, folder: Path, db: str | Path) -> None:  # type: ignore[no-untyped-def]
    """Ingest the bundled samples, the fixtures and :data:`PAYLOAD_DOCUMENT` into ``db``."""
    import json
    from importlib import resources

    from talaia.api import ingest_paths

    payload = folder / "payload.jsonl"
    payload.write_text(json.dumps(PAYLOAD_DOCUMENT) + "\n", encoding="utf-8")
    samples = resources.files("talaia") / "samples"
    ingest_paths([str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl"), str(FIXTURES / "ambush"),
                  str(FIXTURES / "sucesos.jsonl"), str(payload)], db=db, pipeline=pipeline)


@pytest.fixture(scope="session")
def desk_db(pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """A database built once from the bundled samples, the fixtures and :data:`PAYLOAD_DOCUMENT`
    (read-only: tests that write use ``desk_db_copy``)."""
    folder = tmp_path_factory.mktemp("desk")
    db = folder / "desk.db"
    _ingest_desk(pipeline, folder, db)
    return db


@pytest.fixture(scope="session")
def desk_postgres(pipeline, postgres_server: str, tmp_path_factory: pytest.TempPathFactory  # type: ignore[no-untyped-def]
                  ) -> Iterator[str]:
    """``desk_db``'s documents ingested once into a PostgreSQL schema of their own (its URL)."""
    with _postgres_schema(postgres_server, "desk") as url:
        _ingest_desk(pipeline, tmp_path_factory.mktemp("desk-pg"), url)
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk_backend(request: pytest.FixtureRequest, desk_db: Path) -> str | Path:
    """``desk_db``'s contents on each backend, read-only: the SQLite file, then the PostgreSQL URL."""
    if request.param == "sqlite":
        return desk_db
    url: str = request.getfixturevalue("desk_postgres")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_db_copy(request: pytest.FixtureRequest, desk_db: Path, tmp_path: Path) -> Iterator[str | Path]:
    """A database with ``desk_db``'s contents that a test may write reviews to: a copy of the file,
    then the PostgreSQL one (its reviews deleted after the test)."""
    import shutil

    if request.param == "sqlite":
        copy = tmp_path / "desk.db"
        shutil.copyfile(desk_db, copy)
        yield copy
        return
    url: str = request.getfixturevalue("desk_postgres")
    try:
        yield url
    finally:
        from talaia.store import open_store

        with open_store(url) as store:
            store.atomically(lambda: store.fetch_all("DELETE FROM reviews RETURNING review_id"))
            store.refresh_incidents()  # deleted in SQL: the stored review states follow
