"""The extraction pipeline: documents in, one ExtractionResult per document out, in order.

Each component works on a batch of :class:`~talaia.component.Analysis` objects (spaCy's Doc
plays the same part in spaCy), filling the attributes it declares. A component that fails on
one document marks that document failed; the rest of the batch goes on (the error policy
``"record"``), unless the policy is ``"raise"``.

The extractor version stamped on every result is derived, not typed in: the package
version, the components' versioned names and settings, and a fingerprint of the knowledge
files in use (built-in and the user's). Change any of them and the version changes, so a
store knows which documents to extract again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from talaia.about import EXTRACTOR_VERSION
from talaia.component import Analysis, Component, Resources
from talaia.components import default_registry
from talaia.errors import PipelineConfigError, TalaiaError
from talaia.knowledge import load_knowledge
from talaia.models import Document, ExtractionResult
from talaia.registry import Registry

ErrorPolicy = Literal["record", "raise"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "nlp.language.v1",
    "nlp.spacy.v1",
    "nlp.aliases.v1",
    "geo.toponyms.v4",
    "quotes.attribution.v2",
    "events.acled.v4",
)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    batch_size: int = 32
    on_error: ErrorPolicy = "record"
    # user knowledge folders (same layout as talaia/lang and talaia/codebook), layered over the built-in files
    knowledge_dirs: tuple[str, ...] = ()
    # per-component settings, passed to the component's factory: {"nlp.spacy.v1": {"batch_size": 8}}
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def extractor_version(config: PipelineConfig, knowledge_fingerprint: str) -> str:
    """'talaia-extract/0.1.0+3f2a9c1d7e04': changes with the components, their settings or the knowledge."""
    material = json.dumps({"components": list(config.components),
                           "settings": {k: dict(v) for k, v in sorted(config.settings.items())},
                           "knowledge": knowledge_fingerprint}, sort_keys=True, default=str)
    return f"{EXTRACTOR_VERSION}+{hashlib.sha256(material.encode()).hexdigest()[:12]}"


class Pipeline:
    """Build from a config (data, not objects), so any worker can rebuild the same pipeline."""

    def __init__(self, config: PipelineConfig | None = None, registry: Registry | None = None,
                 resources: Resources | None = None) -> None:
        self.config = config or PipelineConfig()
        self.registry = registry or default_registry()
        self._check_order()
        self.resources = resources or Resources(load_knowledge(tuple(self.config.knowledge_dirs)))
        self.components: list[Component] = [
            self.registry.create(n, self.resources, self.config.settings.get(n)) for n in self.config.components]
        # changes whenever a component or the knowledge in use changes; stored with every row
        self.extractor_version: str = extractor_version(self.config, self.resources.knowledge.fingerprint)

    def _check_order(self) -> None:
        available = {"document"}
        unknown = set(self.config.settings) - set(self.config.components)
        if unknown:
            raise PipelineConfigError(f"settings for components not in the pipeline: {', '.join(sorted(unknown))}")
        for name in self.config.components:
            info = self.registry.info(name)
            missing = [r for r in info.requires if r not in available]
            if missing:
                raise PipelineConfigError(
                    f"{name} requires {', '.join(missing)}, which no earlier component assigns"
                )
            available.update(info.assigns)

    def analyse(self, batch: Sequence[Analysis]) -> None:
        for component in self.components:
            component.process_batch(batch)
            if self.config.on_error == "raise":
                for a in batch:
                    if a.error is not None:
                        raise a.error

    def run(self, items: Iterable[Document | TalaiaError]) -> Iterator[ExtractionResult]:
        """Extract from every document, in order. Read errors pass through as failed results."""
        batch: list[Analysis] = []
        for item in items:
            if isinstance(item, TalaiaError):
                if self.config.on_error == "raise":
                    raise item
                yield from self._flush(batch)
                batch = []
                yield self.failed_result(item)
                continue
            batch.append(Analysis(document=item))
            if len(batch) >= self.config.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Analysis]) -> Iterator[ExtractionResult]:
        if batch:
            self.analyse(batch)
            for a in batch:
                yield a.result(self.extractor_version)

    def failed_result(self, error: TalaiaError) -> ExtractionResult:
        """The output line of a document that could not even be read."""
        return ExtractionResult(
            id=error.doc_id or error.document or "", language=None, published=None, error=error.to_dict(),
            extractor=self.extractor_version,
        )
