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

import dataclasses
import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from talaia.about import EXTRACTOR_VERSION
from talaia.component import Analysis, Component, Resources
from talaia.components import default_registry
from talaia.errors import DocumentTooLargeError, PipelineConfigError, TalaiaError
from talaia.knowledge import load_knowledge
from talaia.models import Document, ExtractionResult
from talaia.nlp.doccache import release
from talaia.registry import Registry
from talaia.windows import (
    DEFAULT_MAX_CHARS,
    OVERLAP_CHARS,
    WINDOW_CHARS,
    Window,
    check_window,
    merge_windows,
    split_windows,
)

ErrorPolicy = Literal["record", "raise"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "nlp.language.v1",
    "nlp.truecase.v1",
    "nlp.spacy.v2",
    "nlp.aliases.v1",
    "geo.toponyms.v7",
    "quotes.attribution.v4",
    "events.acled.v8",
    "quotes.incidents.v1",
)


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    batch_size: int = 32
    # a batch is also closed at this many characters, so a batch of long texts (or windows) stays small in memory
    batch_chars: int = 100_000
    on_error: ErrorPolicy = "record"
    # user knowledge folders (same layout as talaia/lang and talaia/codebook), layered over the built-in files
    knowledge_dirs: tuple[str, ...] = ()
    # per-component settings, passed to the component's factory: {"nlp.spacy.v2": {"batch_size": 8}}
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # a longer text is refused (E104); a text longer than window_chars is read in windows (talaia.windows)
    max_chars: int = DEFAULT_MAX_CHARS
    window_chars: int = WINDOW_CHARS
    window_overlap: int = OVERLAP_CHARS


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
        try:
            check_window(self.config.window_chars, self.config.window_overlap)
        except ValueError as err:
            raise PipelineConfigError(str(err)) from err
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
        """Extract from every document, in order. Read errors pass through as failed results.

        A text longer than ``window_chars`` is read in windows that go through the batches like
        documents; its result is put together once its last window is read.
        """
        batch: list[tuple[Analysis, _Parts]] = []
        chars = 0
        waiting: deque[_Parts] = deque()  # documents in input order, each complete once all its parts are read
        for item in items:
            if isinstance(item, TalaiaError):
                if self.config.on_error == "raise":
                    raise item
                waiting.append(_Parts.done(self.failed_result(item)))
                continue
            too_large = self._too_large(item)
            if too_large is not None:
                if self.config.on_error == "raise":
                    raise too_large
                waiting.append(_Parts.done(self.failed_result(too_large)))
                continue
            parts = _Parts(item, split_windows(item.text, self.config.window_chars, self.config.window_overlap))
            waiting.append(parts)
            whole = self._whole_document(item) if len(parts.windows) > 1 else item
            for window in parts.windows:
                batch.append((Analysis(document=window.document(whole)), parts))
                chars += window.end - window.start
                if len(batch) >= self.config.batch_size or chars >= self.config.batch_chars:
                    self._flush(batch)
                    batch, chars = [], 0
                    yield from _ready(waiting)
            yield from _ready(waiting)
        self._flush(batch)
        yield from _ready(waiting)

    def _flush(self, batch: list[tuple[Analysis, _Parts]]) -> None:
        if batch:
            self.analyse([a for a, _ in batch])
            for a, parts in batch:
                parts.add(a.result(self.extractor_version))  # the parse is let go here: only the records are kept
                if a.sdoc is not None:
                    release(a.sdoc)

    def _whole_document(self, doc: Document) -> Document:
        """What every window of a long document shares: its language, told once for the whole text."""
        if doc.language or "nlp.language.v1" not in self.config.components:
            return doc
        from talaia.nlp.language import document_language

        return dataclasses.replace(doc, language=document_language(doc))

    def _too_large(self, doc: Document) -> DocumentTooLargeError | None:
        if len(doc.text) <= self.config.max_chars:
            return None
        return DocumentTooLargeError(
            f"{len(doc.text):,} characters is over the limit of {self.config.max_chars:,} (--max-chars)",
            document=doc.label(), doc_id=doc.id)

    def close(self) -> None:
        """Let go of what ``run`` holds between calls (nothing here; a parallel pipeline's workers)."""

    def failed_result(self, error: TalaiaError) -> ExtractionResult:
        """The output line of a document that could not even be read."""
        return ExtractionResult(
            id=error.doc_id or error.document or "", language=None, published=None, error=error.to_dict(),
            extractor=self.extractor_version,
        )


class _Parts:
    """One document on its way through the batches: its windows and the results read so far."""

    __slots__ = ("document", "results", "windows")

    def __init__(self, document: Document | None, windows: Sequence[Window],
                 results: list[ExtractionResult] | None = None) -> None:
        self.document = document
        self.windows = windows
        self.results: list[ExtractionResult] = results or []

    @classmethod
    def done(cls, result: ExtractionResult) -> _Parts:
        return cls(None, (), [result])

    def add(self, result: ExtractionResult) -> None:
        self.results.append(result)

    @property
    def complete(self) -> bool:
        return len(self.results) >= max(1, len(self.windows))

    def result(self) -> ExtractionResult:
        if self.document is None:
            return self.results[0]
        return merge_windows(self.document, self.windows, self.results)


def _ready(waiting: deque[_Parts]) -> Iterator[ExtractionResult]:
    """The results of the documents at the head of the queue that are complete, in order."""
    while waiting and waiting[0].complete:
        yield waiting.popleft().result()
