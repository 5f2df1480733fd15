"""Pipeline components of the NLP stage."""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Sequence

from talaia.component import Analysis, DocumentComponent, Resources, run_guarded
from talaia.nlp.aliases import NameRules, build_aliases
from talaia.nlp.spacy_backend import SpacyModels
from talaia.nlp.truecase import CaseLexicon, model_text, place_name_words


class SpacyComponent:
    """Parses each document with the model of its language, streaming batches through nlp.pipe."""

    name = "nlp.spacy.v2"

    def __init__(self, resources: Resources, models: SpacyModels | None = None, batch_size: int = 16) -> None:
        self.resources = resources
        self.models = models or SpacyModels()
        self.batch_size = batch_size

    @staticmethod
    def _text(analysis: Analysis) -> str:
        """The text the model reads: the document's, or its case restored by nlp.truecase (same offsets)."""
        return analysis.model_text if analysis.model_text is not None else analysis.document.text

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


class TruecaseComponent(DocumentComponent):
    """Restores the case of English text written in capitals for the parser (talaia.nlp.truecase): the
    document's own text is untouched, so evidence and mentions quote it as written."""

    name = "nlp.truecase.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._lexicon: CaseLexicon | None = None  # built on the first text in capitals: it reads the gazetteer

    def lexicon(self) -> CaseLexicon:
        if self._lexicon is None:
            knowledge, gazetteer = self.resources.knowledge, self.resources.gazetteer
            names = place_name_words(gazetteer.place_names()) | knowledge.table("name_words", "en").words() | \
                gazetteer.demonym_words()
            aliases = knowledge.table("actor_aliases").column("alias") + knowledge.table("actors").column("name")
            self._lexicon = CaseLexicon.build(
                capitalised=knowledge.table("capitalised_words", "en").words(), names=names,
                place_words=gazetteer.major_names(min_population=0),
                titles=knowledge.table("name_titles", "en").words(kind="title"), aliases=aliases,
                common=knowledge.table("trigger_words", "en").words(),  # 'Cartel Beheads Two': verbs, not names
                knowledge=knowledge)
        return self._lexicon

    def __call__(self, analysis: Analysis) -> None:
        if (analysis.language or "en") != "en":
            return  # the word frequencies and lists are English ones
        restored = model_text(analysis.document.text, self.lexicon)
        analysis.model_text = restored if restored != analysis.document.text else None


class AliasesComponent(DocumentComponent):
    name = "nlp.aliases.v1"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.rules = NameRules.from_knowledge(resources.knowledge)

    def __call__(self, analysis: Analysis) -> None:
        analysis.aliases = build_aliases(analysis.sdoc, self.rules)
