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


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipeline):  # type: ignore[no-untyped-def]
    """A database of the bundled sample articles (src/talaia/samples), built once per session; copy it
    before writing to it."""
    from importlib import resources

    from talaia.api import ingest_paths

    samples = resources.files("talaia") / "samples"
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    ingest_paths([str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl")], db=path, pipeline=pipeline)
    return path


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "talaia.db"
