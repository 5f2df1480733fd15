"""Pipeline components of the NLP stage."""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Sequence

from talaia.component import Analysis, DocumentComponent, Resources, run_guarded
from talaia.nlp.aliases import NameRules, build_aliases
from talaia.nlp.spacy_backend import SpacyModels
from talaia.nlp.truecase import is_all_caps, is_title_case, restore_case


class SpacyComponent:
    """Parses each document with the model of its language, streaming batches through nlp.pipe."""

    name = "nlp.spacy.v2"

    def __init__(self, resources: Resources, models: SpacyModels | None = None, batch_size: int = 16) -> None:
        self.resources = resources
        self.models = models or SpacyModels()
        self.batch_size = batch_size
        # case is restored in English text only (see _text)
        self.capitalised = resources.knowledge.table("capitalised_words", "en").words()
        # the words that report events are verbs and nouns, never names ('Cartel Beheads Two')
        self.event_words = resources.knowledge.table("trigger_words", "en").words()
        self._names: frozenset[str] | None = None

    def _text(self, analysis: Analysis) -> str:
        """The text the model reads: all-capitals English text gets its case restored (same offsets)."""
        text = analysis.document.text
        if (analysis.language or "en") == "en" and (is_all_caps(text) or (len(text) < 300 and is_title_case(text))):
            if self._names is None:
                self._names = self.resources.gazetteer.major_names()
            return restore_case(text, self.capitalised, self._names, common=self.event_words)
        return text

    def process_batch(self, analyses: Sequence[Analysis]) -> None:
        by_lang: dict[str, list[Analysis]] = defaultdict(list)
        for a in analyses:
            if a.error is None:
                by_lang[a.language or "en"].append(a)
        for lang, group in by_lang.items():
            def load(_: Analysis, lang: str = lang) -> None:
                self.models.get(lang)

            run_guarded(self.name, group[0], load)
            if group[0].error is not None:  # the model itself is missing: every document fails alike
                for a in group[1:]:
                    a.error = group[0].error
                continue
            nlp = self.models.get(lang)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    docs = list(nlp.pipe((self._text(a) for a in group), batch_size=self.batch_size))
            except Exception:
                for a in group:
                    run_guarded(self.name, a, lambda x, nlp=nlp: setattr(x, "sdoc", nlp(self._text(x))))
                continue
            for a, doc in zip(group, docs, strict=True):
                a.sdoc = doc


class AliasesComponent(DocumentComponent):
    name = "nlp.aliases.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.rules = NameRules.from_knowledge(resources.knowledge)

    def __call__(self, analysis: Analysis) -> None:
        analysis.aliases = build_aliases(analysis.sdoc, self.rules)
