import pytest

import talaia
from talaia.components import register_defaults
from talaia.errors import PipelineConfigError, TalaiaError
from talaia.pipeline import DEFAULT_COMPONENTS, Pipeline, PipelineConfig
from talaia.registry import Registry


def test_registry_has_versioned_default_components() -> None:
    registry = register_defaults(Registry())
    names = [c.name for c in registry]
    assert names == sorted(DEFAULT_COMPONENTS)
    for info in registry:
        assert info.requires and info.assigns and info.description


def test_pipeline_rejects_components_out_of_order() -> None:
    with pytest.raises(PipelineConfigError, match="requires"):
        Pipeline(PipelineConfig(components=("events.acled.v8",)))


def test_pipeline_rejects_unknown_and_unversioned_components() -> None:
    with pytest.raises(PipelineConfigError, match="unknown"):
        Pipeline(PipelineConfig(components=("nlp.nothing.v1",)))
    with pytest.raises(PipelineConfigError, match="version"):
        Registry().register("no.version", object, requires=(), assigns=(), description="")  # type: ignore[arg-type]


def test_pipeline_records_a_component_failure_per_document() -> None:
    from talaia.component import Analysis, DocumentComponent, Resources
    from talaia.models import Document

    class Fussy(DocumentComponent):
        name = "test.fussy.v1"

        def __init__(self, resources: Resources) -> None:
            self.resources = resources

        def __call__(self, analysis: Analysis) -> None:
            if "bad" in analysis.document.text:
                raise ValueError("cannot cope")
            analysis.language = "en"

    registry = Registry()
    registry.register("test.fussy.v1", Fussy, requires=("document",), assigns=("language",), description="t")
    pipe = Pipeline(PipelineConfig(components=("test.fussy.v1",)), registry=registry)
    results = list(pipe.run([Document(id="1", text="good"), Document(id="2", text="bad"),
                             Document(id="3", text="good")]))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and results[1].error["code"] == "E110 processing"
    assert "cannot cope" in results[1].error["message"]


def test_errors_share_one_base_with_codes() -> None:
    from talaia import errors

    for name in dir(errors):
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, Exception) and obj is not TalaiaError \
                and obj.__module__ == errors.__name__:
            assert issubclass(obj, TalaiaError) and obj.code.startswith("E")


def test_public_api_is_exactly_all() -> None:
    public = {n for n in dir(talaia) if not n.startswith("_")}
    exported = {n for n in talaia.__all__ if not n.startswith("_")}
    modules = {"about", "api", "errors", "models", "pipeline", "registry", "ingest", "nlp", "geo", "quotes",
               "events", "store", "export", "cli", "component", "components", "knowledge", "fuse", "kb", "text",
               "analysis", "review", "brief", "maps", "dashboard", "serve", "windows", "engines", "packing", "caches",
               "watch_api"}
    assert public - modules == exported
