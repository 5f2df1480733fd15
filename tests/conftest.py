"""The project's only conftest: shared fixtures, graded by what data is available.

Tests that parse text load the real spaCy models and gazetteer once per session
(marked ``slow``). Tests that score against ../shared gold data skip when it is absent.
"""

from __future__ import annotations

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


# an article carrying script and attribute payloads: whatever serves it must hand it on inert
PAYLOAD_DOCUMENT = {
    "id": "wire/payload-1", "title": "<script>alert('title')</script>", "published": "2020-01-15", "source": "Wire",
    "text": "Gunmen killed two police officers on Monday in Celaya, Guanajuato, <script>alert('x')</script> "
            "<img src=x onerror=\"alert('y')\"> officials said.",
}


@pytest.fixture(scope="session")
def desk_db(pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """A database built once from the bundled samples, the fixtures and :data:`PAYLOAD_DOCUMENT`
    (read-only: tests that write use ``desk_db_copy``)."""
    import json
    from importlib import resources

    from talaia.api import ingest_paths

    folder = tmp_path_factory.mktemp("desk")
    payload = folder / "payload.jsonl"
    payload.write_text(json.dumps(PAYLOAD_DOCUMENT) + "\n", encoding="utf-8")
    samples = resources.files("talaia") / "samples"
    db = folder / "desk.db"
    ingest_paths([str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl"), str(FIXTURES / "ambush"),
                  str(FIXTURES / "sucesos.jsonl"), str(payload)], db=db, pipeline=pipeline)
    return db


@pytest.fixture()
def desk_db_copy(desk_db: Path, tmp_path: Path) -> Path:
    """A copy of ``desk_db`` that a test may write to."""
    import shutil

    copy = tmp_path / "desk.db"
    shutil.copyfile(desk_db, copy)
    return copy
