"""Pipeline components of the NLP stage."""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Sequence

from talaia.nlp.aliases import build_aliases
from talaia.nlp.spacy_backend import SpacyModels
from talaia.nlp.truecase import is_all_caps, is_title_case, restore_case
from talaia.pipeline import Analysis, DocumentComponent, run_guarded


class SpacyComponent:
    """Parses each document with the model of its language, streaming batches through nlp.pipe."""

    name = "nlp.spacy.v1"

    def __init__(self, models: SpacyModels | None = None, batch_size: int = 16) -> None:
        self.models = models or SpacyModels()
        self.batch_size = batch_size
        self._names: frozenset[str] | None = None

    def _text(self, analysis: Analysis) -> str:
        """The text the model reads: all-capitals English text gets its case restored (same offsets)."""
        text = analysis.document.text
        if (analysis.language or "en") == "en" and (is_all_caps(text) or (len(text) < 300 and is_title_case(text))):
            if self._names is None:
                from talaia.geo.gazetteer import GeoNamesGazetteer

                self._names = GeoNamesGazetteer.shared().major_names()
            return restore_case(text, self._names)
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

    def __call__(self, analysis: Analysis) -> None:
        analysis.aliases = build_aliases(analysis.sdoc)
