"""The extraction pipeline: documents in, one ExtractionResult per document out, in order.

Each component works on a batch of :class:`Analysis` objects (spaCy's Doc plays the
same part in spaCy), filling the attributes it declares. A component that fails on
one document marks that document failed; the rest of the batch goes on (the error
policy ``"record"``), unless the policy is ``"raise"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from talaia.about import EXTRACTOR_VERSION
from talaia.errors import DocumentError, PipelineConfigError, ProcessingError, TalaiaError
from talaia.models import Document, Event, ExtractionResult, Place, Quote
from talaia.registry import Registry, register_defaults

ErrorPolicy = Literal["record", "raise"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "ingest.language.v1",
    "nlp.spacy.v1",
    "nlp.aliases.v1",
    "geo.toponyms.v1",
    "quotes.attribution.v1",
    "events.acled.v1",
)


@dataclass(slots=True)
class Analysis:
    """A document on its way through the pipeline (mutable; results are frozen records)."""

    document: Document
    language: str | None = None
    sdoc: Any = None
    aliases: dict[str, str] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    source_place: Place | None = None  # where the outlet is ("El Sol de Tijuana"): a last resort for locations
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: TalaiaError | None = None

    def result(self) -> ExtractionResult:
        doc = self.document
        published = doc.published.isoformat() if doc.published else None
        if self.error is not None:
            return ExtractionResult(
                id=doc.id, language=self.language or doc.language, published=published,
                error=self.error.to_dict(), extractor=EXTRACTOR_VERSION,
            )
        return ExtractionResult(
            id=doc.id, language=self.language, published=published, events=tuple(self.events),
            quotes=tuple(self.quotes), places=tuple(self.places), extractor=EXTRACTOR_VERSION,
        )


class Component(Protocol):
    name: str

    def process_batch(self, analyses: Sequence[Analysis]) -> None: ...


class DocumentComponent:
    """Base for components that handle one document at a time."""

    name = "component"

    def __call__(self, analysis: Analysis) -> None:
        raise NotImplementedError

    def process_batch(self, analyses: Sequence[Analysis]) -> None:
        for analysis in analyses:
            run_guarded(self.name, analysis, self)


def run_guarded(name: str, analysis: Analysis, func: Any) -> None:
    """Run one component on one document; a failure marks only that document."""
    if analysis.error is not None:
        return
    try:
        func(analysis)
    except DocumentError as err:
        analysis.error = err
    except Exception as exc:
        analysis.error = ProcessingError(
            f"{name} failed: {type(exc).__name__}: {exc}", document=analysis.document.label()
        )


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    batch_size: int = 32
    on_error: ErrorPolicy = "record"


class Pipeline:
    """Build from a config (data, not objects), so any worker can rebuild the same pipeline."""

    def __init__(self, config: PipelineConfig | None = None, registry: Registry | None = None) -> None:
        self.config = config or PipelineConfig()
        self.registry = registry or register_defaults(Registry())
        self._check_order()
        self.components: list[Component] = [self.registry.create(n) for n in self.config.components]

    def _check_order(self) -> None:
        available = {"document"}
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
                yield failed_result(item)
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
                yield a.result()


def failed_result(error: TalaiaError) -> ExtractionResult:
    """The output line of a document that could not even be read."""
    return ExtractionResult(
        id=error.doc_id or error.document or "", language=None, published=None, error=error.to_dict(),
        extractor=EXTRACTOR_VERSION,
    )
