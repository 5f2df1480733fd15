"""The base layer of the pipeline: what a component works on, what it is given, how it fails.

Nothing here imports a stage, so every stage can import this module and the pipeline can
import every stage without an import circle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from talaia.errors import DocumentError, ProcessingError, TalaiaError
from talaia.knowledge import Knowledge
from talaia.models import Document, Event, ExtractionResult, Place, Quote

if TYPE_CHECKING:
    from talaia.geo.gazetteer import GeoNamesGazetteer
    from talaia.nlp.aliases import Aliases


@dataclass(slots=True)
class Analysis:
    """A document on its way through the pipeline (mutable; results are frozen records)."""

    document: Document
    language: str | None = None
    # the text the parser reads when it differs from the document's only in case (nlp.truecase): same length
    model_text: str | None = None
    sdoc: Any = None
    aliases: Aliases | None = None  # set by nlp.aliases
    places: list[Place] = field(default_factory=list)
    source_place: Place | None = None  # where the outlet is ("El Sol de Tijuana"): a last resort for locations
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: TalaiaError | None = None

    def result(self, extractor: str) -> ExtractionResult:
        doc = self.document
        published = doc.published.isoformat() if doc.published else None
        if self.error is not None:
            return ExtractionResult(
                id=doc.id, language=self.language or doc.language, published=published,
                error=self.error.to_dict(), extractor=extractor,
            )
        return ExtractionResult(
            id=doc.id, language=self.language, published=published, events=tuple(self.events),
            quotes=tuple(self.quotes), places=tuple(self.places), extractor=extractor,
        )


class Resources:
    """What components share: the knowledge in use and the gazetteer built from it (loaded on first use).

    One per pipeline, handed to every component by ``Registry.create``; the gazetteer itself
    is cached per knowledge fingerprint, so pipelines with the same knowledge share it.
    """

    def __init__(self, knowledge: Knowledge, gazetteer: GeoNamesGazetteer | None = None) -> None:
        self.knowledge = knowledge
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> GeoNamesGazetteer:
        if self._gazetteer is None:
            from talaia.geo.gazetteer import GeoNamesGazetteer

            self._gazetteer = GeoNamesGazetteer.for_knowledge(self.knowledge)
        return self._gazetteer


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
